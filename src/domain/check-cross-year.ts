import type { LedgerStatus } from "../../sheets-schema/enums";
import type { LedgerRecord } from "../../sheets-schema/tabs/ledger";
import type { ParsedRow } from "./read-tab";

/**
 * The statuses of a suggestion the office still has to supervise when its year is over: no reply
 * past the due date, or a deputy not satisfied and no second assignment yet. (待测评 waits for the
 * deputy, 办理中 and 即将到期 are within their legal time, and one not satisfied twice is carried
 * over by the ledger's own rule 8, mark or not: src/domain/dashboard/carried-over.ts.)
 */
const UNSETTLED: ReadonlySet<LedgerStatus> = new Set<LedgerStatus>(["已逾期", "待二次交办"]);

/**
 * practice.md: a year's 单位测评 and report carry over earlier suggestions only when 跨年督办 =
 * 是, and 跨年督办 is staff's to fill. So from the first day of the next year, an unsettled
 * suggestion with the cell left blank gets a 提醒 asking staff to decide; otherwise it silently
 * drops out of the new year's (统计 counts every year's alike). A cell filled 否 is a decision and is left alone.
 *
 * `crossYearBlank`: the 跨年督办 cell holds nothing (the record reads a blank as 否).
 */
export function checkCrossYear(
  row: ParsedRow<LedgerRecord>,
  status: LedgerStatus,
  thisYear: number,
  crossYearBlank: boolean,
): void {
  const { submittedOn } = row.record;
  if (!crossYearBlank || !submittedOn || !UNSETTLED.has(status)) return;
  const year = Number(submittedOn.slice(0, 4));
  if (year >= thisYear) return;
  row.problems.warn("跨年督办", reminderText(year, status, thisYear));
}

/**
 * The 提醒's words, made once per year and status: in January a county's whole last year may be
 * asked about, and a string built per row showed in the evaluation's time (bench/parse-rows.ts).
 */
const reminders = new Map<number, string>();

function reminderText(year: number, status: LedgerStatus, thisYear: number): string {
  const key = (thisYear * 10_000 + year) * 2 + (status === "已逾期" ? 0 : 1);
  let text = reminders.get(key);
  if (text === undefined) {
    text = `${year} 年提出的建议跨年后仍为“${status}”：如需在 ${thisYear} 年继续督办，请在“跨年督办”列填“是”（留空则不计入 ${thisYear} 年的单位测评和年度报告）；不再督办的请填“否”`;
    reminders.set(key, text);
  }
  return text;
}
