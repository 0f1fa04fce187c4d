import type { LedgerStatus } from "../../../sheets-schema/enums";
import type { Settings } from "../../../sheets-schema/settings";
import type { DeputyRecord, LeaderRecord, LedgerRecord, UnitRecord } from "../../../sheets-schema/tabs";
import type { Calendar } from "../calendar";
import type { Deadline } from "../deadlines";
import type { Directory } from "../directory";
import type { PracticeIndex } from "../practice/practice-index";
import type { Problem } from "../problems";
import type { ResolvedTemplate } from "../read-templates";
import type { StatisticsResult } from "../statistics";

/**
 * What the dashboard, the exports and notice planning read of one evaluated row. A fresh
 * evaluation's rows (LedgerRowEvaluation) and rows loaded from the sync's stored summary
 * (SummaryRow) both have this shape, so the same code serves a test and a page.
 */
export interface EvaluatedRow {
  readonly rowNumber: number;
  readonly id: string | null;
  readonly blank: boolean;
  /** A 编号 the sync is still to write (the row had none): not yet a suggestion to name. */
  readonly newId?: string | null;
  readonly record: LedgerRecord;
  readonly computed: {
    readonly status: LedgerStatus | "";
    readonly dueDate: string;
    readonly problems: string;
  };
  readonly firstDeadline: Pick<Deadline, "due" | "explanation"> | null;
  readonly secondDeadline: Pick<Deadline, "due" | "explanation"> | null;
  readonly problems: readonly Problem[];
  /** Header → the cell as typed, for cells that held something unusable (absent: none known). */
  readonly unreadable?: Readonly<Record<string, string>>;
  /** PRACTICE_FACTS flags (contacts, an approved extension); absent on rows stored before them. */
  readonly practice?: number;
  /**
   * Header (or "*", the suggestion itself) → the local day the sync first saw that cell filled,
   * for the few cells the notices run found filled lately (catch-up.ts dueOnOrSeen): a 交办日期
   * typed weeks late makes its 交办通知 due the day it was typed. Absent: none known.
   */
  readonly seenOn?: Readonly<Record<string, string>>;
}

/** The evaluated ledger as the dashboard and notices see it (LedgerEvaluation has this shape too). */
export interface EvaluatedLedger {
  readonly today: string;
  readonly settings: Settings;
  readonly calendar: Calendar;
  readonly units: Directory<UnitRecord>;
  readonly deputies: Directory<DeputyRecord>;
  readonly leaders: Directory<LeaderRecord>;
  readonly templates: readonly ResolvedTemplate[];
  /**
   * 沟通记录, 延期申请 and 协办意见 by 编号, parsed on first use; unavailable when the caller
   * did not load those tabs (lists and figures use the rows' `practice` flags instead).
   */
  practice(only?: ReadonlySet<string>): PracticeIndex;
  readonly rows: readonly EvaluatedRow[];
  readonly statistics: StatisticsResult;
  /** Every problem of the 校验问题 tab. */
  readonly problems: readonly Problem[];
}
