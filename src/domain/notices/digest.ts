import { type Channel, LEDGER_STATUSES } from "../../../sheets-schema/enums";
import type { Calendar } from "../calendar";
import { isoFromSerial, serialFromIso, weekdayOf } from "../civil-date";
import { byCodePoint } from "../compare-text";
import { daysBetween } from "../deadlines";
import { leaderNames } from "../directory";
import type { StatisticsRow } from "../statistics";
import type { EvaluatedRow } from "../summary/evaluated";
import { displayDate } from "./format";
import { blankView } from "./placeholders";
import { digestTarget } from "./recipients";
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

/** One suggestion of a digest's list, with what its line says. */
export interface DigestItem {
  readonly id: string;
  readonly title: string;
  readonly leadUnit: string;
  readonly dueDate: string;
  /** 答复日期 (the second round's when there is one). */
  readonly repliedOn: string | null;
  /** 重点建议 = 是. Absent otherwise, and in figures stored by an older build. */
  readonly isKey?: true;
  /**
   * 督办领导 as typed, of a 重点建议 only: on another row the leader is not pressed (no 逾期催办 goes to
   * him or her, handling-series), so the 周报 does not name one either. Absent when blank.
   */
  readonly supervisor?: string;
  /** 领办领导 as typed; absent when blank. */
  readonly handlingLeader?: string;
}

/** A digest's list: its first DIGEST_LIST_MAX suggestions by due date, and how many it has. */
export interface DigestList {
  readonly count: number;
  readonly shown: readonly DigestItem[];
}

/**
 * What the 督办周报 says of the ledger, worked out from its rows: the totals of 统计, the count per
 * 台账状态 (as the overview counts them), and the overdue, due-soon and unrated suggestions. The
 * sync's finish stores it with the page figures, so the digest step need not read every row again.
 */
export interface DigestFigures {
  readonly total: Pick<
    StatisticsRow,
    "assigned" | "replied" | "onTimeRate" | "overdueUnreplied" | "satisfactionRate"
  > &
    // Absent in figures stored by an older build.
    Partial<Pick<StatisticsRow, "excluded">>;
  /** Every suggestion with a 编号 per 台账状态, as the overview's 台账状态 counts them. */
  readonly counts: readonly (readonly [string, number])[];
  readonly overdue: DigestList;
  readonly dueSoon: DigestList;
  readonly unrated: DigestList;
  /**
   * Suggestions of a listed 台账状态 (已逾期, 即将到期, 待测评) that `counts` counts and no list names:
   * their 编号 is on more than one row, and a notice names none of them. Absent in figures stored
   * by an older build (whose counts left them out too).
   */
  readonly unlisted?: number;
}

/** The 台账状态 the digest lists suggestions of. */
const LISTED_STATUSES: readonly string[] = ["已逾期", "即将到期", "待测评"];

function byDue(rows: Row[]): Row[] {
  return rows.sort(
    (a, b) => byCodePoint(a.computed.dueDate, b.computed.dueDate) || byCodePoint(a.id ?? "", b.id ?? ""),
  );
}

/** Who leads a listed suggestion, kept only when someone does: most do not, and a part's stored share stays small. */
function leadersOf({ isKey, supervisor, handlingLeader }: Row["record"]): Partial<DigestItem> {
  const key = isKey === true;
  return {
    ...(key ? { isKey: true as const } : {}),
    ...(key && supervisor ? { supervisor } : {}),
    ...(handlingLeader ? { handlingLeader } : {}),
  };
}

function digestList(rows: Row[]): DigestList {
  const shown = byDue(rows)
    .slice(0, DIGEST_LIST_MAX)
    .map(
      (r): DigestItem => ({
        id: r.id ?? "",
        title: r.record.title,
        leadUnit: r.record.leadUnit,
        dueDate: r.computed.dueDate,
        repliedOn: r.record.secondRepliedOn ?? r.record.repliedOn ?? null,
        ...leadersOf(r.record),
      }),
    );
  return { count: rows.length, shown };
}

/** How many rows with a 编号 have each 台账状态. */
function countByStatus(rows: readonly Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (!r.blank && r.id) counts.set(r.computed.status, (counts.get(r.computed.status) ?? 0) + 1);
  return counts;
}

/**
 * The digest's figures with 统计's office-wide `total`: its lists of `named` (the rows a notice may
 * name: noticeRows), its 台账状态 counts of `ledger` (every row, as the overview counts them: a 编号
 * on two rows is still two suggestions, and the overview and the sheet count both).
 */
export function digestFigures(
  named: readonly Row[],
  total: StatisticsRow,
  ledger: readonly Row[] = named,
): DigestFigures {
  const live = named.filter((r) => !r.blank && r.id);
  const all = countByStatus(ledger);
  // The same rows when no ledger is given: counted once.
  const listed = ledger === named ? all : countByStatus(live);
  const counts = LEDGER_STATUSES.map((s) => [s, all.get(s) ?? 0] as const).filter(([, n]) => n > 0);
  const status = (s: string) => digestList(live.filter((r) => r.computed.status === s));
  const { assigned, replied, onTimeRate, overdueUnreplied, satisfactionRate, excluded } = total;
  return {
    total: { assigned, replied, onTimeRate, overdueUnreplied, satisfactionRate, excluded },
    counts,
    overdue: status("已逾期"),
    dueSoon: status("即将到期"),
    unrated: status("待测评"),
    unlisted: LISTED_STATUSES.reduce((n, s) => n + (all.get(s) ?? 0) - (listed.get(s) ?? 0), 0),
  };
}

/**
 * The dashboard's address (PUBLIC_URL's origin, no trailing slash) or null when PUBLIC_URL is not
 * usable: the digest then names 督办看板 without an address, as it did before it had one.
 */
export type DashboardOrigin = string | null;

/** The dashboard's overview: where a leader who reads the digest goes for the rest. */
function dashboardHome(origin: string): string {
  return `${origin}/`;
}

/**
 * The dashboard's list of one 台账状态 (the page href.status of src/http/dashboard/format.ts links
 * to; domain code does not import the pages): a list cut short points to where it is whole.
 */
function dashboardStatus(origin: string, status: string): string {
  return `${origin}/suggestions?status=${encodeURIComponent(status)}`;
}

function list(
  title: string,
  { count, shown }: DigestList,
  cap: number,
  dashboard: DashboardOrigin,
  line: (item: DigestItem) => string,
): string[] {
  if (count === 0) return [];
  const listed = shown.slice(0, cap);
  const lines = listed.map((item, i) => `${i + 1}. ${line(item)}`);
  const where = dashboard ? `：${dashboardStatus(dashboard, title)}` : "";
  if (count > listed.length) lines.push(`另有 ${count - listed.length} 件未列出，详见督办看板${where}`);
  return ["", `${title}（${count} 件）：`, ...lines];
}

/**
 * How many bytes of UTF-8 the digest's lists may take on each channel: the robots' published
 * message limits (企业微信 markdown 4,096 bytes; 钉钉 and 飞书 as their senders cut them), less room
 * for the 通知模板 title and body before the lists. E-mail and webhooks take any length.
 */
const DIGEST_BUDGET_BYTES: Readonly<Record<Channel, number>> = {
  wecom: 4096 - 1024,
  dingtalk: 18_000 - 2048,
  feishu: 18_000 - 2048,
  email: Number.POSITIVE_INFINITY,
  webhook: Number.POSITIVE_INFINITY,
};

const encoder = new TextEncoder();

/**
 * The digest's text as of `today`: office-wide totals (as in 统计), the count per 台账状态, then the
 * overdue, due-soon and unrated suggestions, and with a `dashboard` a last line with its address
 * (unless not `closing`: the text before it gave the address).
 * Within `maxBytes` (a robot's message limit), each list names fewer suggestions, the same number at
 * most in each, and says how many it left out: a robot that cut the message itself would drop the
 * end of the lists without a word, and the dashboard's address with them.
 */
export function digestTextOf(
  figures: DigestFigures,
  today: string,
  maxBytes = Number.POSITIVE_INFINITY,
  dashboard: DashboardOrigin = null,
  closing = true,
): string {
  const longest = Math.max(
    figures.overdue.shown.length,
    figures.dueSoon.shown.length,
    figures.unrated.shown.length,
  );
  const fits = (cap: number) => {
    const text = digestTextCapped(figures, today, cap, dashboard, closing);
    return encoder.encode(text).byteLength <= maxBytes ? text : null;
  };
  const whole = fits(longest);
  if (whole !== null) return whole;
  // The largest number of lines per list that fits: a handful of tries, once a week per channel.
  let low = 0;
  let high = longest;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid) !== null) low = mid;
    else high = mid - 1;
  }
  return digestTextCapped(figures, today, low, dashboard, closing);
}

/**
 * Why a list holds fewer suggestions than 台账状态 counts of its status: a 编号 on two rows is counted,
 * as the overview counts it, but named by no notice until staff fix it.
 */
function unlistedNote(unlisted: number): string {
  return unlisted > 0 ? `其中 ${unlisted} 件因编号重复未列入下面的名单，请按『校验问题』改正编号。` : "";
}

/** Before a 重点建议's 编号 in the 周报's lists: leaders read them to supervise the key ones first. */
const KEY_MARK = "【重点】";

/**
 * After a listed suggestion's title: its 督办领导 (of a 重点建议; 未填 when blank, which 校验问题 warns
 * of too) and 领办领导, names one cell holds joined by 、 (a name on a line of its own would break
 * the list's line). "" for a suggestion nobody leads.
 */
function leadersNote(item: DigestItem): string {
  const notes: string[] = [];
  if (item.isKey) notes.push(`督办：${item.supervisor ? leaderNames(item.supervisor).join("、") : "未填"}`);
  if (item.handlingLeader) notes.push(`领办：${leaderNames(item.handlingLeader).join("、")}`);
  return notes.length > 0 ? `（${notes.join("；")}）` : "";
}

/** A suggestion as each list names it: 【重点】 and its leaders, then its lead unit. */
function nameOf(item: DigestItem): string {
  const key = item.isKey ? KEY_MARK : "";
  return `${key}${item.id}《${item.title}》${leadersNote(item)}主办：${item.leadUnit || "未定"}`;
}

function digestTextCapped(
  figures: DigestFigures,
  today: string,
  cap: number,
  dashboard: DashboardOrigin,
  closing: boolean,
): string {
  const { total } = figures;
  const lines = [
    `截至 ${displayDate(today)}：承办 ${total.assigned} 件，已答复 ${total.replied} 件，按期答复率 ${total.onTimeRate}，逾期未答复 ${total.overdueUnreplied} 件，满意率 ${total.satisfactionRate}。` +
      // 台账状态 and the lists below count every suggestion of the status, those left out of the
      // figures too (as the overview does): said, so that 已逾期 N 件 and 逾期未答复 do not read as a
      // contradiction.
      (total.excluded
        ? `另有 ${total.excluded} 条因填写错误未计入以上统计，下面的台账状态和名单仍计入（见『校验问题』）。`
        : ""),
    figures.counts.length > 0
      ? `台账状态：${figures.counts.map(([s, n]) => `${s} ${n} 件`).join("，")}。${unlistedNote(figures.unlisted ?? 0)}`
      : "台账中暂无建议。",
    ...list("已逾期", figures.overdue, cap, dashboard, (item) => {
      const late = daysBetween(item.dueDate, today);
      return `${nameOf(item)}，办理期限 ${displayDate(item.dueDate)}，已逾期 ${late} 天`;
    }),
    ...list("即将到期", figures.dueSoon, cap, dashboard, (item) => {
      const left = daysBetween(today, item.dueDate);
      return `${nameOf(item)}，办理期限 ${displayDate(item.dueDate)}，${left === 0 ? "今天到期" : `还剩 ${left} 天`}`;
    }),
    ...list("待测评", figures.unrated, cap, dashboard, (item) => {
      return `${nameOf(item)}${item.repliedOn ? `，答复日期 ${displayDate(item.repliedOn)}` : ""}`;
    }),
    // Last, inside the byte budget: the lists shrink to keep it, a robot's own cut would drop it.
    ...(dashboard && closing ? ["", `督办看板：${dashboardHome(dashboard)}`] : []),
  ];
  return lines.join("\n");
}

/**
 * 督办周报: due on the first working day of each week, to every 周报接收人. Last week's is offered
 * too, so a week whose first working day had no run still gets it at the next run.
 */
export function digestSeries(
  figures: () => DigestFigures,
  ctx: {
    today: string;
    calendar: Calendar;
    digestRecipients: readonly string[];
    /** PUBLIC_URL's origin; absent or null while it is not usable. */
    dashboard?: DashboardOrigin;
  },
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
  // One series per message limit: a 企业微信 robot gets shorter lists than an e-mail does.
  const byBudget = new Map<number, string[]>();
  for (const address of ctx.digestRecipients) {
    const budget = DIGEST_BUDGET_BYTES[digestTarget(address).channel];
    byBudget.set(budget, [...(byBudget.get(budget) ?? []), address]);
  }
  let counted: DigestFigures | null = null;
  const dashboard = ctx.dashboard ?? null;
  const home = dashboard ? dashboardHome(dashboard) : "";
  return [...byBudget].map(([budget, addresses]) => {
    counted ??= figures();
    const listed = counted;
    // The two texts a body may need (closing with the address or not), each worked out once.
    const texts = new Map<boolean, string>();
    return {
      type: "督办周报",
      suggestionId: null,
      round: 1,
      occurrences,
      lastDay: null,
      recipients: addresses.map((address) => ({ kind: "digest", address }) as const),
      view: () => blankView(DIGEST_ADDRESSEE, home),
      appendix: (body: string) => {
        // A 通知模板 text with {{看板链接}} gave the address already: the lists end without it.
        const closing = !home || !body.includes(home);
        let text = texts.get(closing);
        if (text === undefined) {
          text = digestTextOf(listed, ctx.today, budget, dashboard, closing);
          texts.set(closing, text);
        }
        return text;
      },
    };
  });
}
