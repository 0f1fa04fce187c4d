import type { LedgerStatus } from "../../sheets-schema/enums";
import type { LedgerRecord } from "../../sheets-schema/tabs/ledger";
import type { ParsedRow } from "./read-tab";

/**
 * The statuses of a suggestion the office still has to supervise when its year is over: no reply
 * past the due date, or a deputy not satisfied and no second assignment yet. (待测评 waits for the
 * deputy, 办理中 and 即将到期 are within their legal time; one not satisfied twice is asked about at
 * once, below.)
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
  if (!crossYearBlank) return;
  const { submittedOn } = row.record;
  // Rule 8 shows 跨年督办 in 台账状态, yet only the cell carries it over (isCrossYear): asked at once,
  // whatever the year, since a second round is the last and the year's own report counts it too.
  if (status === "跨年督办" && row.record.secondRating === "不满意") {
    row.problems.warn("跨年督办", TWICE_UNSATISFIED);
    return;
  }
  if (!submittedOn || !UNSETTLED.has(status)) return;
  const year = Number(submittedOn.slice(0, 4));
  if (year >= thisYear) return;
  row.problems.warn("跨年督办", reminderText(year, status, thisYear));
}

/** The 提醒 of a row one not satisfied twice (status rule 8) with 跨年督办 left blank. */
const TWICE_UNSATISFIED =
  "二次满意度为“不满意”，台账状态为“跨年督办”，但“跨年督办”列为空（留空视为“否”）：这条建议不计入年度报告中列入跨年督办的件数，也不列入下一年度报告的往年转入建议。如需继续督办，请在“跨年督办”列填“是”；不再督办的请填“否”";

/**
 * The 提醒's words, made once per year and status: in January a county's whole last year may be
 * asked about, and a string built per row showed in the evaluation's time (bench/parse-rows.ts).
 */
const reminders = new Map<number, string>();

function reminderText(year: number, status: LedgerStatus, thisYear: number): string {
  const key = (thisYear * 10_000 + year) * 2 + (status === "已逾期" ? 0 : 1);
  let text = reminders.get(key);
  if (text === undefined) {
    text = `${year} 年提出的建议跨年后仍为“${status}”：如需在 ${thisYear} 年继续督办，请在“跨年督办”列填“是”（留空则不计入 ${thisYear} 年的单位测评和年度报告）；不列入的请填“否”（同样不计入；尚未答复的，逾期催办照常发送，直到单位答复）`;
    reminders.set(key, text);
  }
  return text;
}
