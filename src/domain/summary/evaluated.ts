import type { LedgerStatus } from "../../../sheets-schema/enums";
import type { Settings } from "../../../sheets-schema/settings";
import type { DeputyRecord, LedgerRecord, UnitRecord } from "../../../sheets-schema/tabs";
import type { Calendar } from "../calendar";
import type { Deadline } from "../deadlines";
import type { Directory } from "../directory";
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
}

/** The evaluated ledger as the dashboard and notices see it (LedgerEvaluation has this shape too). */
export interface EvaluatedLedger {
  readonly today: string;
  readonly settings: Settings;
  readonly calendar: Calendar;
  readonly units: Directory<UnitRecord>;
  readonly deputies: Directory<DeputyRecord>;
  readonly templates: readonly ResolvedTemplate[];
  readonly rows: readonly EvaluatedRow[];
  readonly statistics: StatisticsResult;
  /** Every problem of the 校验问题 tab. */
  readonly problems: readonly Problem[];
}
