import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { ExtensionRecord } from "../../../sheets-schema/tabs/practice-tabs";
import { nameKey } from "../directory";
import type { ParsedRow } from "../read-tab";

/**
 * A 延期申请 row that can move 办理期限 once 同意: by the lead unit (practice.md: "only the lead unit
 * applies"), with its 理由 (required), every cell readable, and a 申请日期 after the suggestion's
 * 交办日期. A row with one of those 错误 is reported and counts for nothing (no six months, no
 * 延期件数, no 延期审批结果 or 延期告知) until staff mend it. The evaluation and the notices both ask
 * here, from the row as parsed and the ledger record alone, so they cannot disagree.
 */
export function isCountingRequest(record: LedgerRecord, ext: ParsedRow<ExtensionRecord>): boolean {
  if (ext.blank || ext.failed.size > 0) return false;
  const e = ext.record;
  return (
    e.unit !== "" &&
    nameKey(e.unit) === nameKey(record.leadUnit) &&
    e.reason.trim() !== "" &&
    e.appliedOn !== null &&
    record.assignedOn !== null &&
    e.appliedOn > record.assignedOn
  );
}

/**
 * Whether a 延期申请 still waiting for its 审批结果 can change anything, so staff are asked to decide
 * it (the dashboard's 待代表工委决定). A request extends round 1 only (practice.md), so once round 1
 * is replied a decision matters only while it could make that reply on time: the reply came after
 * the due date round 1 has without it. It cannot when the reply came by that date, nor when the
 * period is six months already (the ledger's 办理时限, or another approved request): a further
 * approval adds nothing (代表法第五十一条). `roundOneDue` is round 1's due date as it stands (null
 * without 交办日期); `extended`: another request of the lead unit was approved.
 */
export function extensionStillMatters(
  record: Pick<LedgerRecord, "repliedOn" | "period">,
  roundOneDue: string | null,
  extended: boolean,
): boolean {
  if (!record.repliedOn) return true;
  if (extended || record.period === "六个月") return false;
  return roundOneDue === null || record.repliedOn > roundOneDue;
}
