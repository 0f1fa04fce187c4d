import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { ContactRecord, ExtensionRecord } from "../../../sheets-schema/tabs/practice-tabs";
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
 * Whether an approved request (isCountingRequest, 同意) moved round 1's due date: not when the
 * ledger's 办理时限 is 六个月 already (代表法第五十一条 caps it there; the row gets the 提醒 “批准延期
 * 不再延长”). Only such an approval is an extension in the figures (延期件数, the report's 经批准延期)
 * and is told to the lead deputy as one (延期告知).
 */
export function approvalExtends(record: Pick<LedgerRecord, "period">): boolean {
  return record.period !== "六个月";
}

/** Two names of one unit (nameKey); a blank name is no unit. */
const sameUnit = (a: string, b: string) => a !== "" && nameKey(a) === nameKey(b);

/** Whether `unit` is the lead unit or a co-unit of the suggestion (沟通记录: 承办单位 must be one). */
export function isUnitOfSuggestion(
  record: Pick<LedgerRecord, "leadUnit" | "coUnits">,
  unit: string,
): boolean {
  return sameUnit(unit, record.leadUnit) || record.coUnits.some((u) => sameUnit(unit, u));
}

/**
 * A 沟通记录 row whose own cells read without an 错误 that counts in the figures (the year report's
 * 三沟通): none of practice.md's 错误 against its suggestion, i.e. its 承办单位 is the lead or a
 * co-unit, and it is dated from 交办日期 (when there is one: without it the row has a 提醒 only) to
 * `today`. The checks that report those 错误 (checkSuggestionPractice, checkPracticeRows) ask the
 * same, so a contact listed as 错误 in 校验问题 is in no count.
 */
export function isCountingContact(
  record: Pick<LedgerRecord, "leadUnit" | "coUnits" | "assignedOn">,
  contact: Pick<ContactRecord, "date" | "unit">,
  today: string,
): boolean {
  const { date } = contact;
  if (date === null || date > today) return false;
  if (record.assignedOn !== null && date < record.assignedOn) return false;
  return isUnitOfSuggestion(record, contact.unit);
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
