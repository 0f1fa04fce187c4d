import { daysBetween } from "../deadlines";
import { nameKey } from "../directory";
import { coUnitStart } from "../notices/catch-up";
import { coOpinionDueOn, type ViewContext } from "../notices/placeholders";
import { replyPresent, roundsOf } from "../notices/series";
import type { EvaluatedRow } from "../summary/evaluated";

/**
 * What a co-unit (协办单位) of one suggestion still owes: its written 协办意见 to the lead unit by
 * the 协办意见期限 its 交办通知 named, until the lead unit replies to the deputy (practice.md: an
 * opinion delivered after the round-1 reply does not count). Pure: the opinions and the lead unit's
 * reply not yet in the ledger are arguments.
 */
export interface CoOpinionState {
  /** The day the co-unit was told (coUnitStart): its period runs from it, and lists sort by it. */
  readonly start: string;
  /**
   * 协办意见期限 (ISO, as link pages write dates): the day its 交办通知 and 协办提醒 name (`2027年1月4日`),
   * computed by the same function.
   */
  readonly deadline: string;
  /** The day its opinion was delivered (the tab's 送达日期, or sent through its link); null: not yet. */
  readonly sentOn: string | null;
  /** The lead unit replied (round 1): an opinion is no longer to send. `on` null: date unreadable. */
  readonly leadReplied: { readonly on: string | null } | null;
}

/** An opinion as the 协办意见 tab holds it, or as the co-unit sent it through its link. */
export interface SentOpinion {
  readonly unit: string;
  readonly deliveredOn: string;
  /** 内容摘要: what the lead unit reads of it (the co-unit's own page does not repeat it). */
  readonly summary?: string;
}

/**
 * The co-unit's state on a suggestion it co-handles, or null before the assignment (no period yet).
 * `leadReplySent`: the lead unit's round-1 reply sent through its link that the ledger does not
 * hold yet (its 答复日期), so a co-unit is not asked for an opinion that no longer counts.
 */
export function coOpinionState(
  row: EvaluatedRow,
  unit: string,
  ctx: Pick<ViewContext, "coOpinionDays" | "calendar">,
  opinions: readonly SentOpinion[],
  leadReplySent: string | null = null,
): CoOpinionState | null {
  const first = roundsOf(row)[0];
  if (!first) return null;
  const start = coUnitStart(first.start, row, unit);
  const mine = opinions
    .filter((o) => o.deliveredOn && nameKey(o.unit) === nameKey(unit))
    .map((o) => o.deliveredOn)
    .sort();
  const leadReplied = replyPresent(first)
    ? { on: first.repliedOn }
    : leadReplySent !== null
      ? { on: leadReplySent || null }
      : null;
  return {
    start,
    deadline: coOpinionDueOn(start, ctx),
    sentOn: mine[0] ?? null,
    leadReplied,
  };
}

/** Whether the co-unit still has its opinion to send: not sent, and the lead unit has not replied. */
export function opinionOwed(state: CoOpinionState | null): boolean {
  return state !== null && state.sentOn === null && state.leadReplied === null;
}

/**
 * The co-unit's opinion is still to send on a suggestion that still awaits its reply (the unit
 * page's 待送协办意见): opinionOwed, and the suggestion neither answered nor closed without an
 * answer (withdrawn or merged after 交办: its opinion is then owed to nobody).
 */
export function opinionStillOwed(state: CoOpinionState | null, awaitingReply: boolean): boolean {
  return awaitingReply && opinionOwed(state);
}

/**
 * How many days an owed opinion is past its 协办意见期限 on `today` (1 the day after it); null while
 * nothing is owed or the day has not passed. Calendar days, as a lead unit's 逾期 N 天.
 */
export function opinionDaysPast(state: CoOpinionState | null, today: string): number | null {
  if (state === null || !opinionOwed(state) || today <= state.deadline) return null;
  return daysBetween(state.deadline, today);
}

/**
 * How the co-unit's page and list say it: `协办意见期限 2027-01-04（尚未送达）`, and once that day
 * passed with the opinion still owed (`daysPast`, opinionDaysPast) `（尚未送达，已过 3 天）`.
 */
export function coOpinionText(state: CoOpinionState, daysPast: number | null = null): string {
  const where = state.sentOn
    ? `已于 ${state.sentOn} 送达`
    : state.leadReplied
      ? "主办单位已答复，无需再送达"
      : daysPast !== null && daysPast > 0
        ? `尚未送达，已过 ${daysPast} 天`
        : "尚未送达";
  return `协办意见期限 ${state.deadline}（${where}）`;
}

/**
 * Why the co-unit may no longer send its opinion: the lead unit replied to the deputy, and an
 * opinion delivered after that reply does not count (practice.md). Null while it still counts.
 */
export function leadRepliedReason(state: CoOpinionState | null): string | null {
  if (!state?.leadReplied) return null;
  const when = state.leadReplied.on ? `已于 ${state.leadReplied.on} ` : "已";
  return `主办单位${when}答复代表，协办意见不再需要送达；如有补充，请直接与主办单位联系。`;
}

/**
 * The co-unit's list: what it still owes first, the nearest 协办意见期限 first (the period is the same
 * number of days for all, so the earliest start ends first), then the rest in the order they came.
 */
export function byOpinionOwed<T>(items: readonly T[], stateOf: (item: T) => CoOpinionState | null): T[] {
  const rank = (item: T) => {
    const state = stateOf(item);
    return opinionOwed(state) ? `0${state?.start ?? ""}` : "1";
  };
  // Array.prototype.sort is stable: the rest keep the ledger's order.
  return [...items].sort((a, b) => {
    const x = rank(a);
    const y = rank(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
}

/** A co-unit's 协办意见 as its lead unit sees it: the co-unit's state and what it delivered. */
export interface CoUnitOpinion {
  readonly unit: string;
  /** As the co-unit's own page has it (its 协办意见期限, the day its opinion arrived). */
  readonly state: CoOpinionState;
  /** Each opinion it delivered, earliest first (the tab's rows and what it sent since the sync). */
  readonly delivered: readonly { readonly on: string; readonly summary: string }[];
}

/** The suggestion's co-units, once each and without the lead unit (a 协办单位 cell may repeat it). */
export function coUnitsOf(record: Pick<EvaluatedRow["record"], "leadUnit" | "coUnits">): string[] {
  const seen = new Set([nameKey(record.leadUnit)]);
  return record.coUnits.filter((unit) => {
    const key = nameKey(unit);
    if (!unit || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The lead unit's view of its co-units: for each, the state its own page shows (so both read the
 * same 协办意见期限) and its opinions. An opinion sent through a link that intake since wrote to the
 * tab is in both lists until the next sync: told once. Empty before the assignment.
 */
export function coUnitOpinions(
  row: EvaluatedRow,
  ctx: Pick<ViewContext, "coOpinionDays" | "calendar">,
  opinions: readonly SentOpinion[],
  leadReplySent: string | null = null,
): CoUnitOpinion[] {
  const out: CoUnitOpinion[] = [];
  for (const unit of coUnitsOf(row.record)) {
    const state = coOpinionState(row, unit, ctx, opinions, leadReplySent);
    if (!state) return [];
    const seen = new Set<string>();
    const delivered = opinions
      .filter((o) => o.deliveredOn && nameKey(o.unit) === nameKey(unit))
      .map((o) => ({ on: o.deliveredOn, summary: (o.summary ?? "").trim() }))
      .filter((o) => {
        const key = `${o.on}|${o.summary}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    out.push({ unit, state, delivered });
  }
  return out;
}

/** The co-units the lead unit still waits for: nothing delivered, and it has not replied yet. */
export function awaitedCoUnits(opinions: readonly CoUnitOpinion[]): string[] {
  return opinions.filter((o) => opinionOwed(o.state)).map((o) => o.unit);
}
