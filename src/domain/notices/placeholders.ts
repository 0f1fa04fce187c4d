import { listItems } from "../../../sheets-schema/cells/list-cells";
import type { Source } from "../../../sheets-schema/enums";
import { COMPUTED_PLACEHOLDERS } from "../../../sheets-schema/notice-templates";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { ledgerTab } from "../../../sheets-schema/tabs/ledger";
import type { Calendar } from "../calendar";
import { addDaysIso } from "../civil-date";
import { daysBetween } from "../deadlines";
import { listedName } from "../directory";
import { latestRatingComment } from "../intake/rating-comment";
import { PERSONAL_LINK_SLOT } from "../links/notice-link";
import { plainClassText } from "../links/reply-rounds";
import { displayDate, displayRaw, displayValue } from "./format";

/** What the computed placeholders need besides the row. */
export interface ViewContext {
  readonly today: string;
  /** 设置 测评链接, `{{编号}}` not yet filled in. */
  readonly ratingLink: string;
  readonly objectionWorkingDays: number;
  /** 设置 协办意见期限天数. */
  readonly coOpinionDays: number;
  readonly calendar: Pick<Calendar, "addWorkingDays" | "rollForward" | "isYearKnown" | "asToldOn">;
  /**
   * Where the names of 领衔代表, 附议代表, 主办单位, 协办单位, 督办领导 and 领办领导 are looked up,
   * so a notice quotes them as the directory writes them; left out, cells read as typed.
   */
  readonly names?: NameBook;
}

/** A directory as name lookup needs it (Directory.find: exact, then by nameKey). */
interface NameFinder {
  find(name: string): { readonly name: string } | undefined;
}

/** The directories ledger cells name people and units from (RecipientBook has them). */
export interface NameBook {
  readonly units: NameFinder;
  readonly deputies: NameFinder;
  /** 领导: 督办领导 and 领办领导 are looked up here first, then as 代表 (as recipients are). */
  readonly leaders?: NameFinder;
}

/** The handling round a notice is about: its start (交办日期 or 二次交办日期) and 办理期限. */
export interface RoundFacts {
  readonly start: string | null;
  readonly due: string | null;
  /** 1: the round-2 columns read blank, as they did then (a late notice must not say 二次交办). */
  readonly round?: 1 | 2;
  /** 办理期限 may still move (a year's 放假安排 not entered): the notice says 暂定 after it. */
  readonly provisional?: boolean;
}

/** What follows a date that may still move (a year's 放假安排 not entered), as 办理期限 says it. */
const PROVISIONAL = "（暂定）";

/**
 * Whether a date worked out over the days `from` to `to` may still move: one of their years has no
 * 放假安排 entered, so its rest days are guessed (the rule of a 办理期限's （暂定）, deadlines.ts).
 */
function provisionalOver(from: string, to: string, calendar: Pick<Calendar, "isYearKnown">): boolean {
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1)
    if (!calendar.isYearKnown(year)) return true;
  return false;
}

/**
 * 协办意见期限: 设置 协办意见期限天数 (practice.md, default 30) after the day the co-unit was told
 * (交办日期, or the day it was added: coUnitStart), rolled forward past rest days, as any period
 * (民法典 Art. 203). （暂定） after it when the roll ran over a year whose 放假安排 is not entered,
 * as 办理期限 beside it in the same notice says.
 */
export function coOpinionDeadline(
  start: string,
  ctx: Pick<ViewContext, "coOpinionDays" | "calendar">,
): string {
  const due = coOpinionDueOn(start, ctx);
  const provisional = provisionalOver(addDaysIso(start, ctx.coOpinionDays), due, ctx.calendar);
  return `${displayDate(due)}${provisional ? PROVISIONAL : ""}`;
}

/**
 * The later of a date worked out with the calendar and with the calendar as `start` was assigned
 * (asToldOn): a date told 暂定 is never moved earlier by entering the year's arrangement, as
 * 办理期限 (deadlines.ts keptAsTold).
 */
function keptAsToldOn(
  start: string,
  calendar: Pick<Calendar, "asToldOn">,
  compute: (calendar: Pick<Calendar, "addWorkingDays" | "rollForward">) => string,
  now: string,
): string {
  const then = calendar.asToldOn(start);
  if (!then) return now;
  const told = compute(then.calendar);
  return told > now ? told : now;
}

/** coOpinionDeadline as an ISO date, for comparing with a day. */
export function coOpinionDueOn(start: string, ctx: Pick<ViewContext, "coOpinionDays" | "calendar">): string {
  const compute = (c: Pick<Calendar, "rollForward">) => c.rollForward(addDaysIso(start, ctx.coOpinionDays));
  return keptAsToldOn(start, ctx.calendar, compute, compute(ctx.calendar));
}

/** The second round's own columns, blank in notices about round 1. */
const ROUND_TWO_HEADERS = ["二次交办日期", "二次答复日期", "二次满意度"] as const;

export type View = Record<string, string>;

/**
 * Follows a 异议期限 that has passed by the day the notice goes out (a 交办通知 that caught up):
 * renderText then says the period has passed instead of asking for an objection by a past day. A
 * character of Unicode's private use area, like BLANK_MARK, never left in a notice.
 */
export const PASSED_MARK = "\uE001";

/**
 * The last day a unit may object to an assignment made on `start`: 异议期限工作日 working days on.
 * The notices, a unit's first word of it (introductions.ts) and its link's 异议 form count alike.
 */
export function objectionDueOn(
  start: string,
  ctx: Pick<ViewContext, "objectionWorkingDays" | "calendar">,
): string {
  // As the 交办通知 counted it: a day told 暂定 is not moved earlier by a 调休 working day entered since.
  const compute = (c: Pick<Calendar, "addWorkingDays">) => c.addWorkingDays(start, ctx.objectionWorkingDays);
  return keptAsToldOn(start, ctx.calendar, compute, compute(ctx.calendar));
}

/**
 * 异议期限 of an assignment as the notices write it: （暂定） when a day it counted lies in a year
 * whose 放假安排 is not entered (the working days there are guessed). {{异议期限}} and a unit's first
 * word of the assignment (introductions.ts) say it alike, as 办理期限 beside it does.
 */
export function objectionDeadline(
  start: string,
  ctx: Pick<ViewContext, "objectionWorkingDays" | "calendar">,
): string {
  const deadline = objectionDueOn(start, ctx);
  // The start day is not counted: only the days after it decide the date.
  const provisional = provisionalOver(addDaysIso(start, 1), deadline, ctx.calendar);
  return `${displayDate(deadline)}${provisional ? PROVISIONAL : ""}`;
}

/**
 * {{异议期限}} as a notice of `today` shows it: objectionDeadline, marked when already past. The lead
 * unit's 交办通知 counts it from the day the unit was given the suggestion (leadGivenOn: a unit named
 * 主办单位 in place of another after 交办 could not object before it knew).
 */
export function objectionView(
  start: string,
  ctx: Pick<ViewContext, "objectionWorkingDays" | "calendar" | "today">,
): string {
  const shown = objectionDeadline(start, ctx);
  return objectionDueOn(start, ctx) < ctx.today ? `${shown}${PASSED_MARK}` : shown;
}

/** 来源 of a suggestion converted from 民意 (practice.md): what {{民意转化}} reads, blank for others. */
const FROM_OPINION: Source = "联络站民意";

/** {{民意转化}}: 联络站民意 when the suggestion came from a voter's opinion, so a text can say so. */
function fromOpinion(source: unknown): string {
  return typeof source === "string" && source.trim() === FROM_OPINION ? FROM_OPINION : "";
}

const ID_IN_LINK = /\{\{\s*编号\s*\}\}/g;

/** 设置 测评链接 with the 编号 filled in (URL-encoded); blank when no link is set. */
export function ratingLinkFor(link: string, id: string): string {
  return link ? link.replace(ID_IN_LINK, encodeURIComponent(id)) : "";
}

/** Ledger columns whose cells name someone in a directory; `many`: the cell may list several. */
const NAMING_COLUMNS: Readonly<Record<string, { readonly book: keyof NameBook; readonly many: boolean }>> = {
  领衔代表: { book: "deputies", many: false },
  附议代表: { book: "deputies", many: true },
  主办单位: { book: "units", many: false },
  协办单位: { book: "units", many: true },
  督办领导: { book: "leaders", many: true },
  领办领导: { book: "leaders", many: true },
};

function lookupIn(names: NameBook, book: keyof NameBook): (name: string) => string {
  if (book !== "leaders") return (name) => listedName(names[book], name);
  return (name) => names.leaders?.find(name)?.name ?? listedName(names.deputies, name);
}

/**
 * A cell's value with each name the directory matched written as the directory writes it (李红 for
 * an imported 李  红, 王伟 for 王　伟): units read notices as official wording. A name matched by none
 * stays as typed (校验问题 points it out), and a cell naming nobody new is left as it was.
 */
function asListed(value: unknown, many: boolean, lookup: (name: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? lookup(item) : item));
  if (typeof value !== "string" || value.trim() === "") return value;
  const items = many ? listItems(value) : [value.trim()];
  const listed = items.map(lookup);
  return listed.some((name, i) => name !== items[i]) ? listed.join("、") : value;
}

/** The value of a ledger column for the view: names as listed when the directories are given. */
function namedValue(header: string, value: unknown, names: NameBook | undefined): unknown {
  const naming = names && NAMING_COLUMNS[header];
  return naming ? asListed(value, naming.many, lookupIn(names, naming.book)) : value;
}

function computedValues(id: string, round: RoundFacts, recipient: string, ctx: ViewContext): View {
  const { due, start } = round;
  return {
    剩余天数: due ? String(Math.max(0, daysBetween(ctx.today, due))) : "",
    // Blank until 办理期限 has passed, so a text can say it only then: {{#逾期天数}}…{{/逾期天数}}.
    逾期天数: due && ctx.today > due ? String(daysBetween(due, ctx.today)) : "",
    测评链接: ratingLinkFor(ctx.ratingLink, id),
    个人链接: PERSONAL_LINK_SLOT,
    // The dashboard is for staff and leaders who sign in: a notice about one suggestion goes to a
    // unit or deputy, whose page is their 个人链接.
    看板链接: "",
    // 异议期限工作日 working days after the assignment, the start day not counted.
    异议期限: start ? objectionView(start, ctx) : "",
    接收方: recipient,
    协办意见期限: start ? coOpinionDeadline(start, ctx) : "",
    // Only a leader's 催办 says who pressed it and as whom (urge-view.ts).
    催办领导: "",
    催办身份: "",
    催办领导职务: "",
  };
}

/**
 * {{答复类别说明}}: the class of the round's reply as a deputy reads it, “B 类（正在解决或列入计划）”.
 * Round 2 says 二次答复类别 only (blank while not filled in, as in a sheet without that column): the
 * class of round 1 is not the answer the deputy is now asked to rate.
 */
function replyClassText(
  record: Pick<LedgerRecord, "replyClass" | "secondReplyClass" | "reassignedOn">,
  round: RoundFacts,
): string {
  const second = round.round === 2 || (round.round === undefined && !!record.reassignedOn);
  const value = second ? record.secondReplyClass : record.replyClass;
  return value ? plainClassText(value) : "";
}

/**
 * Placeholder values of a ledger row: every 建议台账 header (dates as 2026年3月2日, lists joined
 * with 、) plus the computed ones. 办理期限 is the due date of the round the notice is about.
 */
export function rowView(
  row: { readonly record: LedgerRecord; readonly id: string; readonly status: string },
  round: RoundFacts,
  recipient: string,
  ctx: ViewContext,
): View {
  const view: View = {};
  const record = row.record as unknown as Record<string, unknown>;
  for (const col of ledgerTab.columns) {
    if (col.owner === "staff")
      view[col.header] = displayValue(
        col.header,
        col.cell.kind,
        namedValue(col.header, record[col.key], ctx.names),
      );
  }
  view.编号 = row.id;
  // As the ledger's 期限说明 does: a unit told a date that will move is told it may.
  view.办理期限 = round.due ? `${displayDate(round.due)}${round.provisional ? PROVISIONAL : ""}` : "";
  view.台账状态 = row.status;
  view.校验问题 = "";
  view.最近通知 = "";
  if (round.round === 1) for (const header of ROUND_TWO_HEADERS) view[header] = "";
  view.测评意见 = latestRatingComment(row.record.notes);
  view.民意转化 = fromOpinion(row.record.source);
  view.答复类别说明 = replyClassText(row.record, round);
  return { ...view, ...computedValues(row.id, round, recipient, ctx) };
}

/** Placeholder values of a form submission not yet in the ledger view (raw cells by header). */
export function cellsView(
  cells: Readonly<Record<string, unknown>>,
  id: string,
  recipient: string,
  ctx: ViewContext,
): View {
  const view: View = {};
  for (const col of ledgerTab.columns)
    view[col.header] = displayRaw(
      col.header,
      col.cell.kind,
      namedValue(col.header, cells[col.header], ctx.names),
    );
  view.编号 = id;
  view.测评意见 = latestRatingComment(cells.备注);
  view.民意转化 = fromOpinion(cells.来源);
  // A submission not yet in the ledger has no reply.
  view.答复类别说明 = "";
  return { ...view, ...computedValues(id, { start: null, due: null }, recipient, ctx) };
}

/**
 * Placeholder values of a notice about no single suggestion (督办周报): only 接收方, and 看板链接 (the
 * dashboard's address; blank while PUBLIC_URL is not usable, so {{#看板链接}}…{{/看板链接}} drops).
 * The digest adds its own 周报日期 (digest.ts).
 */
export function blankView(recipient: string, dashboardLink = ""): View {
  const view: View = {};
  // Every placeholder a template may use, blank, from the lists the template check reads: a name
  // added there is blank here too, without a third list to keep by hand.
  for (const col of ledgerTab.columns) view[col.header] = "";
  for (const name of COMPUTED_PLACEHOLDERS) view[name] = "";
  return { ...view, 接收方: recipient, 看板链接: dashboardLink };
}
