import { oneLine } from "../../../sheets-schema/cells/text-cells";
import { type Channel, LEDGER_STATUSES } from "../../../sheets-schema/enums";
import type { Calendar } from "../calendar";
import { isoFromSerial, serialFromIso, weekdayOf } from "../civil-date";
import { byCodePoint } from "../compare-text";
import { dueYearProvisional, PROVISIONAL_MARK } from "../dashboard/suggestion-ref";
import { daysBetween } from "../deadlines";
import { leaderNames } from "../directory";
import type { StatisticsRow } from "../statistics";
import { inSecondRound } from "../status";
import type { EvaluatedRow } from "../summary/evaluated";
import { type ClearedKind, clearedKindOf, clearedNote } from "./cleared-note";
import { displayDate } from "./format";
import { blankView } from "./placeholders";
import { digestTarget } from "./recipients";
import { dingtalkMarkdown, wecomMarkdown } from "./robot-markdown";
import { type NoticeSeries, type Occurrence, withAppendix } from "./series";

/** 接收方 of the digest: its recipients are addresses, not names. */
export const DIGEST_ADDRESSEE = "各位领导";
/**
 * Longer lists are cut (the dashboard has them all), so that the stored figures stay small and a
 * robot message stays within its limit: each keeps its first DIGEST_LIST_MAX by due date.
 */
export const DIGEST_LIST_MAX = 30;
/**
 * The 重点建议 a list keeps after its first DIGEST_LIST_MAX (shortList): leaders supervise those
 * first, and a long list would otherwise leave them out of every copy of the 周报. Bounded, so that a
 * ledger marking every suggestion 重点 does not store whole lists; an office has a handful.
 */
export const DIGEST_KEY_EXTRA_MAX = 30;

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

type Row = Pick<EvaluatedRow, "id" | "record" | "computed" | "blank" | "practice">;

/** One suggestion of a digest's list, with what its line says. */
export interface DigestItem {
  readonly id: string;
  readonly title: string;
  readonly leadUnit: string;
  readonly dueDate: string;
  /** The current round's reply date: 二次答复日期 in round 2 (`round`), else 答复日期. */
  readonly repliedOn: string | null;
  /**
   * 2 when the suggestion is in its second round (二次交办, inSecondRound): its line says so, and calls
   * its reply date 二次答复日期, so that a leader finds the date and round the sheet shows. Absent in
   * round 1, and in figures stored by an older build (whose repliedOn was the second round's when
   * there was one).
   */
  readonly round?: 2;
  /** 重点建议 = 是. Absent otherwise, and in figures stored by an older build. */
  readonly isKey?: true;
  /**
   * 督办领导 as typed, of a 重点建议 only: on another row the leader is not pressed (no 逾期催办 goes to
   * him or her, handling-series), so the 周报 does not name one either. Absent when blank.
   */
  readonly supervisor?: string;
  /** 领办领导 as typed; absent when blank. */
  readonly handlingLeader?: string;
  /**
   * The suggestion's reply (reply) or, the reply kept, its rating (rating) was seen cleared lately and
   * is still blank, within the days that hold its reminders for staff to put it back (reply-cleared.ts):
   * its line says so (clearedReplyNote, clearedRatingNote). Absent otherwise, and in figures stored
   * by an older build.
   */
  readonly cleared?: ClearedKind;
}

/** A digest's list: the suggestions it names (shortList), by due date, and how many it has. */
export interface DigestList {
  readonly count: number;
  readonly shown: readonly DigestItem[];
}

/**
 * What a list names of `sorted` (by due date): its first DIGEST_LIST_MAX, then the 重点建议 after
 * them (DIGEST_KEY_EXTRA_MAX at most). Not the 重点建议 first: the list stays in due-date order with
 * the same head an e-mail showed before, the key ones after it still by due date, so a reader sees
 * no gap among the most overdue; a robot's shorter copy puts them first itself (keyFirst). A part's
 * share and the merged list both keep this (digest-part.ts): the merged one is the whole ledger's.
 */
export function shortList<T>(sorted: readonly T[], isKey: (item: T) => boolean): T[] {
  const rest = sorted.slice(DIGEST_LIST_MAX).filter(isKey).slice(0, DIGEST_KEY_EXTRA_MAX);
  return [...sorted.slice(0, DIGEST_LIST_MAX), ...rest];
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

/** What a listed row's stored flags say of a clearing within its grace (PRACTICE_FACTS). */
function clearedOf(practice: number | undefined): Pick<DigestItem, "cleared"> {
  const cleared = clearedKindOf(practice);
  return cleared ? { cleared } : {};
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
  // The round is asked of the listed rows only (a few dozen), not of every row.
  const shown = shortList(byDue(rows), (r) => r.record.isKey === true).map((r): DigestItem => {
    const second = inSecondRound(r.record);
    return {
      id: r.id ?? "",
      title: r.record.title,
      leadUnit: r.record.leadUnit,
      dueDate: r.computed.dueDate,
      repliedOn: (second ? r.record.secondRepliedOn : r.record.repliedOn) ?? null,
      ...(second ? { round: 2 as const } : {}),
      ...leadersOf(r.record),
      ...clearedOf(r.practice),
    };
  });
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

/** Before the dashboard's address at the end of the digest: who can open it. */
const DASHBOARD_LINE = "督办看板（工作人员登录后查看）：";

/** The dashboard's overview: where staff who read the digest go for the rest. */
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

/**
 * At most `cap` of a list's suggestions: the 重点建议 first (leaders supervise those first), then
 * the others, each by due date, and shown in the list's own order.
 */
function keyFirst(shown: readonly DigestItem[], cap: number): readonly DigestItem[] {
  if (shown.length <= cap) return shown;
  const kept = new Set(
    [...shown.filter((item) => item.isKey), ...shown.filter((item) => !item.isKey)].slice(0, cap),
  );
  return shown.filter((item) => kept.has(item));
}

function list(
  title: string,
  { count, shown }: DigestList,
  cap: number,
  dashboard: DashboardOrigin,
  line: (item: DigestItem) => string,
): string[] {
  if (count === 0) return [];
  const listed = keyFirst(shown, cap);
  const lines = listed.map((item, i) => `${i + 1}. ${line(item)}`);
  const where = dashboard ? `：${dashboardStatus(dashboard, title)}` : "";
  if (count > listed.length) lines.push(`另有 ${count - listed.length} 件未列出，详见督办看板${where}`);
  return ["", `${title}（${count} 件）：`, ...lines];
}

const encoder = new TextEncoder();
const bytesOf = (text: string) => encoder.encode(text).byteLength;

/**
 * The day the digest is written for, and the calendar that tells which 办理期限 may still move: the
 * notices run's, from 节假日, as the unit's own notices of the same day are told (placeholders.ts).
 */
export interface DigestDay {
  readonly today: string;
  readonly calendar: Pick<Calendar, "isYearKnown">;
}

/**
 * The digest's text as of `day.today`: office-wide totals (as in 统计), the count per 台账状态, then
 * the overdue, due-soon and unrated suggestions, and with a `dashboard` a last line with its address
 * (unless not `closing`: the text before it gave the address).
 * Within `maxBytes` of UTF-8, each list names fewer suggestions (digestTextFitting).
 */
export function digestTextOf(
  figures: DigestFigures,
  day: DigestDay,
  { maxBytes = Number.POSITIVE_INFINITY, dashboard = null, closing = true }: DigestTextOptions = {},
): string {
  return digestTextFitting(figures, day, (text) => bytesOf(text) <= maxBytes, dashboard, closing);
}

interface DigestTextOptions {
  readonly maxBytes?: number;
  readonly dashboard?: DashboardOrigin;
  readonly closing?: boolean;
}

/**
 * The digest's text whole when `fits` takes it, else with each list naming fewer suggestions, the
 * same number at most in each, the 重点建议 kept first, and saying how many it left out: a robot that
 * cut the message itself would drop the end of the lists without a word, and the dashboard's
 * address with them.
 */
function digestTextFitting(
  figures: DigestFigures,
  day: DigestDay,
  fits: (text: string) => boolean,
  dashboard: DashboardOrigin,
  closing: boolean,
): string {
  const longest = Math.max(
    figures.overdue.shown.length,
    figures.dueSoon.shown.length,
    figures.unrated.shown.length,
  );
  const capped = (cap: number) => digestTextCapped(figures, day, cap, dashboard, closing);
  const whole = capped(longest);
  if (fits(whole)) return whole;
  // The largest number of lines per list that fits: a handful of tries, once a week per channel.
  let low = 0;
  let high = longest;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(capped(mid))) low = mid;
    else high = mid - 1;
  }
  return capped(low);
}

/** A robot's limit on the 督办周报 as its channel sends it (src/channels/): title and body together. */
interface RobotMessage {
  readonly maxBytes: number;
  /** The bytes the limit counts, of the message the channel builds from the notice's title and body. */
  size(title: string, body: string): number;
}

/** 飞书's JSON around each line of a message: feishu.ts sends every line as a paragraph of its own. */
const FEISHU_PARAGRAPH_BYTES = bytesOf(JSON.stringify([{ tag: "text", text: "" }])) + 1;

/**
 * The robots' limits, measured on the message as each channel sends the digest (wecom.ts,
 * dingtalk.ts, feishu.ts), which cut it at the limit: the lists are shortened here first, so that
 * the cut never falls. E-mail and webhooks take any length.
 */
const ROBOT_MESSAGES: Partial<Record<Channel, RobotMessage>> = {
  // Markdown, `**title**` on a line of its own: 4,096 bytes, 企业微信's published limit. Its markup
  // characters swapped for full-width ones, 3 bytes each (robot-markdown.ts), are counted as sent.
  wecom: { maxBytes: 4096, size: (title, body) => bytesOf(wecomMarkdown(title, body)) },
  // Markdown under a `###` heading, its lone line breaks made hard, cut at 18,000 bytes (钉钉 takes
  // about 20,000).
  dingtalk: { maxBytes: 18_000, size: (title, body) => bytesOf(dingtalkMarkdown(title, body)) },
  // The body cut at 18,000 bytes, its lines' JSON counted too: 飞书 takes a request of 20 KB.
  feishu: {
    maxBytes: 18_000,
    size: (_title, body) => bytesOf(body) + body.split("\n").length * FEISHU_PARAGRAPH_BYTES,
  },
};

/**
 * Bytes left spare below a robot's limit: the limits are the robots' published figures, and a
 * message at the very edge of one is not worth a refusal or a cut.
 */
const DIGEST_MARGIN_BYTES = 32;

/**
 * The digest's text for a message on `robot`: whole when the message holds it, title and 通知模板
 * body included, else with shorter lists (digestTextFitting).
 */
function digestTextFor(
  robot: RobotMessage | undefined,
  message: { readonly title: string; readonly body: string },
  figures: DigestFigures,
  day: DigestDay,
  dashboard: DashboardOrigin,
  closing: boolean,
): string {
  const fits = robot
    ? (text: string) =>
        robot.size(message.title, withAppendix(message.body, text)) <= robot.maxBytes - DIGEST_MARGIN_BYTES
    : () => true;
  return digestTextFitting(figures, day, fits, dashboard, closing);
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

/** A suggestion as each list names it, on one line: 【重点】 and its leaders, then its lead unit. */
function nameOf(item: DigestItem): string {
  const key = item.isKey ? KEY_MARK : "";
  return `${key}${item.id}《${oneLine(item.title)}》${leadersNote(item)}主办：${item.leadUnit || "未定"}`;
}

/**
 * After a listed suggestion's lead unit: 二次交办 of one in its second round, whose 办理期限 (the
 * sheet's, the current round's) runs from 二次交办日期. "" in round 1.
 */
function roundNote(item: DigestItem): string {
  return item.round === 2 ? "，二次交办" : "";
}

/** A 待测评 suggestion's reply date, under the sheet's header of its round. */
function repliedNote(item: DigestItem): string {
  if (!item.repliedOn) return "";
  return `，${item.round === 2 ? "二次答复日期" : "答复日期"} ${displayDate(item.repliedOn)}`;
}

/**
 * A listed suggestion's 办理期限 as the unit's notices of the same day write it: （暂定） after a date
 * in a year whose 放假安排 is not entered (placeholders.ts 办理期限). The figures keep the date only
 * (a part's share is worked out from the rows' facts, which keep no deadline explanation), so its
 * year is asked of the calendar, as the dashboard's lists ask it (dueYearProvisional); a stored share
 * needs no new field, and figures an older build stored read right too.
 */
function dueNote(item: DigestItem, calendar: DigestDay["calendar"]): string {
  const mark = dueYearProvisional(item.dueDate, calendar) ? PROVISIONAL_MARK : "";
  return `，办理期限 ${displayDate(item.dueDate)}${mark}`;
}

/**
 * After an 已逾期 or 即将到期 suggestion whose reply was cleared within the grace (or whose rating was,
 * its 答复日期 blank too): 台账状态 counts it there, as 统计 and the dashboard do, but a leader must not
 * read as overdue a reply that may only have been deleted by mistake (staff are told to put it back).
 */
function clearedReplyNote(item: DigestItem): string {
  return clearedNote(item.cleared, "reply");
}

/** After a 待测评 suggestion whose rating was cleared within the grace: the deputy may well have rated. */
function clearedRatingNote(item: DigestItem): string {
  return clearedNote(item.cleared, "rating");
}

function digestTextCapped(
  figures: DigestFigures,
  { today, calendar }: DigestDay,
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
      return `${nameOf(item)}${roundNote(item)}${dueNote(item, calendar)}，已逾期 ${late} 天${clearedReplyNote(item)}`;
    }),
    ...list("即将到期", figures.dueSoon, cap, dashboard, (item) => {
      const left = daysBetween(today, item.dueDate);
      const when = left === 0 ? "今天到期" : `还剩 ${left} 天`;
      return `${nameOf(item)}${roundNote(item)}${dueNote(item, calendar)}，${when}${clearedReplyNote(item)}`;
    }),
    ...list("待测评", figures.unrated, cap, dashboard, (item) => {
      return `${nameOf(item)}${repliedNote(item)}${clearedRatingNote(item)}`;
    }),
    // Last, inside the byte budget: the lists shrink to keep it, a robot's own cut would drop it.
    // Said to be for staff: a leader without a sign-in who follows it meets the 需要登录 page.
    ...(dashboard && closing ? ["", `${DASHBOARD_LINE}${dashboardHome(dashboard)}`] : []),
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
  // One series per robot channel, one for every address without a limit: a 企业微信 robot gets
  // shorter lists than an e-mail does.
  const byLimit = new Map<Channel | null, string[]>();
  for (const address of ctx.digestRecipients) {
    const { channel } = digestTarget(address);
    const limited = ROBOT_MESSAGES[channel] ? channel : null;
    byLimit.set(limited, [...(byLimit.get(limited) ?? []), address]);
  }
  let counted: DigestFigures | null = null;
  const written: DigestDay = { today: ctx.today, calendar: ctx.calendar };
  const dashboard = ctx.dashboard ?? null;
  const home = dashboard ? dashboardHome(dashboard) : "";
  // 周报日期 is the day its figures are 截至 (the run's, which a catch-up of last week's shares).
  const dated = displayDate(ctx.today);
  const view = () => ({ ...blankView(DIGEST_ADDRESSEE, home), 周报日期: dated });
  // The built-in title, as planning renders it: the message a robot is sent holds the title too.
  return [...byLimit].map(([channel, addresses]) => {
    counted ??= figures();
    const listed = counted;
    const robot = channel ? ROBOT_MESSAGES[channel] : undefined;
    // Each text a message may need (a 通知模板 row per channel may differ), worked out once.
    const texts = new Map<string, string>();
    return {
      type: "督办周报",
      suggestionId: null,
      round: 1,
      occurrences,
      lastDay: null,
      recipients: addresses.map((address) => ({ kind: "digest", address }) as const),
      view,
      /** `title`: the notice's rendered title, which a robot sends with the body and counts in its limit. */
      appendix: (body: string, title: string) => {
        // A 通知模板 text with {{看板链接}} gave the address already: the lists end without it.
        const closing = !home || !body.includes(home);
        const key = `${closing}\u0000${title}\u0000${body}`;
        let text = texts.get(key);
        if (text === undefined) {
          text = digestTextFor(robot, { title, body }, listed, written, dashboard, closing);
          texts.set(key, text);
        }
        return text;
      },
    };
  });
}
