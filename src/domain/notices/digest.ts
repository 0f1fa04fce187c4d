import { LEDGER_STATUSES } from "../../../sheets-schema/enums";
import type { Calendar } from "../calendar";
import { isoFromSerial, serialFromIso, weekdayOf } from "../civil-date";
import { byCodePoint } from "../compare-text";
import { daysBetween } from "../deadlines";
import type { StatisticsRow } from "../statistics";
import type { EvaluatedRow } from "../summary/evaluated";
import { displayDate } from "./format";
import { blankView } from "./placeholders";
import type { NoticeSeries, Occurrence } from "./series";

/** 接收方 of the digest: its recipients are addresses, not names. */
export const DIGEST_ADDRESSEE = "各位领导";
/** Longer lists are cut (the dashboard has them all), so a robot message stays within its limit. */
export const DIGEST_LIST_MAX = 30;

/** The first working day of the Monday-to-Sunday week holding `date`, or null for an all-rest week. */
export function firstWorkingDayOfWeek(date: string, calendar: Pick<Calendar, "isWorkingDay">): string | null {
  const serial = serialFromIso(date);
  const monday = serial - ((weekdayOf(serial) + 6) % 7);
  for (let s = monday; s < monday + 7; s += 1) {
    const day = isoFromSerial(s);
    if (calendar.isWorkingDay(day)) return day;
  }
  return null;
}

type Row = Pick<EvaluatedRow, "id" | "record" | "computed" | "blank">;

function list(title: string, rows: readonly Row[], line: (row: Row) => string): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, DIGEST_LIST_MAX).map((row, i) => `${i + 1}. ${line(row)}`);
  if (rows.length > DIGEST_LIST_MAX) shown.push(`……另有 ${rows.length - DIGEST_LIST_MAX} 件，详见督办看板`);
  return ["", `${title}（${rows.length} 件）：`, ...shown];
}

function byDue(rows: Row[]): Row[] {
  return rows.sort(
    (a, b) => byCodePoint(a.computed.dueDate, b.computed.dueDate) || byCodePoint(a.id ?? "", b.id ?? ""),
  );
}

/**
 * The digest's figures and lists as of `today`: office-wide totals (as in 统计), the count per
 * 台账状态, then the overdue, due-soon and unrated suggestions.
 */
export function digestText(rows: readonly Row[], total: StatisticsRow, today: string): string {
  const live = rows.filter((r) => !r.blank && r.id);
  const counts = LEDGER_STATUSES.map((s) => [s, live.filter((r) => r.computed.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n} 件`);
  const name = (r: Row) => `${r.id}《${r.record.title}》主办：${r.record.leadUnit || "未定"}`;
  const status = (s: string) => byDue(live.filter((r) => r.computed.status === s));
  const lines = [
    `截至 ${displayDate(today)}：承办 ${total.assigned} 件，已答复 ${total.replied} 件，按期答复率 ${total.onTimeRate}，逾期未答复 ${total.overdueUnreplied} 件，满意率 ${total.satisfactionRate}。`,
    counts.length > 0 ? `台账状态：${counts.join("，")}。` : "台账中暂无建议。",
    ...list("已逾期", status("已逾期"), (r) => {
      const late = daysBetween(r.computed.dueDate, today);
      return `${name(r)}，办理期限 ${displayDate(r.computed.dueDate)}，已逾期 ${late} 天`;
    }),
    ...list("即将到期", status("即将到期"), (r) => {
      const left = daysBetween(today, r.computed.dueDate);
      return `${name(r)}，办理期限 ${displayDate(r.computed.dueDate)}，${left === 0 ? "今天到期" : `还剩 ${left} 天`}`;
    }),
    ...list("待测评", status("待测评"), (r) => {
      const replied = r.record.secondRepliedOn ?? r.record.repliedOn;
      return `${name(r)}${replied ? `，答复日期 ${displayDate(replied)}` : ""}`;
    }),
  ];
  return lines.join("\n");
}

/**
 * 督办周报: due on the first working day of each week, to every 周报接收人. Last week's is offered
 * too, so a week whose first working day had no run still gets it at the next run.
 */
export function digestSeries(
  rows: readonly Row[],
  total: StatisticsRow,
  ctx: { today: string; calendar: Calendar; digestRecipients: readonly string[] },
): NoticeSeries[] {
  if (ctx.digestRecipients.length === 0) return [];
  const lastWeek = isoFromSerial(serialFromIso(ctx.today) - 7);
  const occurrences: Occurrence[] = [];
  for (const day of [
    firstWorkingDayOfWeek(lastWeek, ctx.calendar),
    firstWorkingDayOfWeek(ctx.today, ctx.calendar),
  ]) {
    if (day && day <= ctx.today) occurrences.push({ occurrence: `w${day}`, dueOn: day });
  }
  return [
    {
      type: "督办周报",
      suggestionId: null,
      round: 1,
      occurrences,
      lastDay: null,
      recipients: ctx.digestRecipients.map((address) => ({ kind: "digest", address })),
      view: () => blankView(DIGEST_ADDRESSEE),
      appendix: digestText(rows, total, ctx.today),
    },
  ];
}
