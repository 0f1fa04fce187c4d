import type { DateRange } from "../../../sheets-schema/cells/setting-cells";
import type { Source } from "../../../sheets-schema/enums";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";

export interface SourceReading {
  readonly source: Source | null;
  /** True when 来源 was blank and was read from 提出日期 and 设置 会议期间. */
  readonly inferred: boolean;
}

/**
 * 来源 as practice.md reads it: as typed, or, when blank, 大会期间 if 提出日期 falls within a
 * session listed in 设置 会议期间 (both ends included), else 闭会期间. Without a 提出日期 a blank
 * 来源 stays unknown.
 */
export function sourceOf(
  record: Pick<LedgerRecord, "source" | "submittedOn">,
  sessions: readonly DateRange[],
): SourceReading {
  if (record.source) return { source: record.source, inferred: false };
  const day = record.submittedOn;
  if (!day) return { source: null, inferred: false };
  const during = sessions.some((s) => s.from <= day && day <= s.to);
  return { source: during ? "大会期间" : "闭会期间", inferred: true };
}
