import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { AppEnv } from "../../app";
import { dateCellText } from "../../domain/civil-date";
import { dueText } from "../../domain/dashboard/suggestion-ref";
import type { InboxForm } from "../../domain/intake/inbox-forms";
import { allows, type LinkKind } from "../../domain/links/capability";
import { type FormFields, formNonce, recordedReplyValues } from "../../domain/links/forms";
import { progressCheck } from "../../domain/links/progress-report";
import type { RecipientRow } from "../../domain/links/recipient-rows";
import { type SentReply, sentReplyOf } from "../../domain/links/reply-rounds";
import {
  type ActionCheck,
  AWAITING_REPLY,
  awaitingSync,
  correctionCheck,
  mergedAdvice,
  ratingCheck,
  replyCheck,
  type SentRating,
  type UnitReplySent,
  unitReplySentText,
  unitReplyState,
  urgeCheck,
  writeState,
} from "../../domain/links/row-actions";
import { type SentMark, sentMark } from "../../domain/links/sent-mark";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { loadFacts } from "../../domain/summary/summary-row";
import { localDate } from "../../jobs/local-time";
import { loadWholeRow } from "../../jobs/whole-row";
import type { InboxEntry } from "../../store/inbox";
import { sendPage } from "../dashboard/layout";
import { HttpError } from "../errors";
import { type FormState, freshForm } from "./action-forms";
import { loadCoUnitOpinions } from "./co-opinions";
import { replyAsItStands } from "./deputy-reply";
import { loadDeputyContacts } from "./deputy-view";
import { loadLeaderRecord } from "./leader-record";
import { lettersOf } from "./letter-links";
import type { LinkContext } from "./link-context";
import { suggestionPath } from "./link-ui";
import { type MergedInto, SuggestionView } from "./suggestion-view";
import { loadUnitExtras, UNIT_ACTIONS, type UnitAction } from "./unit-actions";

/**
 * One suggestion's page on a personal link: the suggestion, its reply and letters, what the
 * recipient sent about it, and the forms open to the recipient now (a unit: the reply and its
 * other actions; a deputy: the rating; a leader: 催办).
 */

/** Each kind of link has one action on a suggestion's page. */
export const ACTION_OF: Record<LinkKind, { name: "reply" | "rate" | "urge"; path: string }> = {
  unit: { name: "reply", path: "reply" },
  deputy: { name: "rate", path: "rating" },
  leader: { name: "urge", path: "urge" },
};

/**
 * Whether the link's action on the suggestion is open now: the row as of the last sync, and what
 * that ledger cannot hold yet (awaitingSync): the recipient's own reply or rating of this round,
 * and for a unit's correction the deputy's rating of this round. The page and the post both ask
 * here, so a page offers only what its post accepts. `sent`: the recipient's submissions about the
 * suggestion, newest first (a form posted again is judged without its own entry). A leader's 催办
 * weighs the unit's reply not in that ledger yet (`unitReply`, read here when not given).
 */
export async function actionCheck(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "view" | "today">,
  kind: LinkKind,
  item: RecipientRow,
  sent: readonly InboxEntry[],
  unitReply?: UnitReplySent | null,
): Promise<ActionCheck> {
  const waiting = (form: InboxForm) => sentSinceSync(ctx, sent, form);
  const dayOf = (e: InboxEntry | null) => (e ? localDate(Date.parse(e.receivedAt), ctx.timeZone) : null);
  if (kind === "deputy") return ratingCheck(item.row, item.relation, sentRating(ctx, sent));
  if (kind === "leader")
    return urgeCheck(
      item.row,
      item.relation,
      unitReply === undefined ? await unitReplySince(ctx, item.row) : unitReply,
    );
  const check = replyCheck(item.row, item.relation, waiting("reply") !== null, ctx.today);
  if (!check.ok || !check.correcting || !item.row.id) return check;
  // The deputy's rating is not among the unit's own submissions: the newest about the suggestion.
  const rating = await ctx.deps.inbox.latestAbout("rating", item.row.id);
  return correctionCheck(rating && awaitingSync(rating, ctx.view.syncedAt) ? dayOf(rating) : null);
}

/**
 * The lead unit's reply of this round that the ledger as of the last sync does not hold yet, as a
 * leader's page and 催办 weigh it: the newest reply about the suggestion (through the unit's link or a
 * form webhook), read as the unit's co-units' pages read it (latestAbout, awaitingSync). One indexed
 * D1 read, made only while the row awaits a reply.
 */
export async function unitReplySince(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "view">,
  row: EvaluatedRow,
): Promise<UnitReplySent | null> {
  if (!row.id || !AWAITING_REPLY.has(row.computed.status)) return null;
  return unitReplyOf(ctx, row, await ctx.deps.inbox.latestAbout("reply", row.id));
}

/** unitReplySince of a row, from the newest reply about it (null: none). */
function unitReplyOf(
  ctx: Pick<LinkContext, "timeZone" | "view">,
  row: EvaluatedRow,
  entry: InboxEntry | null,
): UnitReplySent | null {
  if (!entry || !awaitingSync(entry, ctx.view.syncedAt)) return null;
  return {
    unit: row.record.leadUnit || (entry.actor?.kind === "unit" ? entry.actor.name : ""),
    on: localDate(Date.parse(entry.receivedAt), ctx.timeZone),
    state: unitReplyState(entry),
  };
}

/** What a leader's page and list card say in place of 办理中 once the unit has replied (unitReplySince). */
function leaderMark(sent: UnitReplySent | null): SentMark | null {
  return sent ? { badge: "已提交答复", text: unitReplySentText(sent) } : null;
}

/**
 * leaderMark of each of the leader's suggestions awaiting a reply, by 编号: one query for the whole
 * list (latestAboutEach), none when no suggestion awaits a reply.
 */
export async function leaderMarks(
  ctx: Pick<LinkContext, "deps" | "timeZone" | "view">,
  items: readonly RecipientRow[],
): Promise<Map<string, SentMark>> {
  const open = items.filter((m) => m.row.id && AWAITING_REPLY.has(m.row.computed.status));
  const marks = new Map<string, SentMark>();
  if (open.length === 0) return marks;
  const replies = await ctx.deps.inbox.latestAboutEach(
    "reply",
    open.map((m) => m.row.id as string),
  );
  const replyOf = new Map(replies.map((e) => [e.suggestionId, e]));
  for (const { row } of open) {
    const mark = leaderMark(unitReplyOf(ctx, row, replyOf.get(row.id as string) ?? null));
    if (mark) marks.set(row.id as string, mark);
  }
  return marks;
}

/** The recipient's newest submission of `form` the ledger as of the last sync does not hold yet. */
function sentSinceSync(
  ctx: Pick<LinkContext, "view">,
  sent: readonly InboxEntry[],
  form: InboxForm,
): InboxEntry | null {
  return sent.find((e) => e.form === form && awaitingSync(e, ctx.view.syncedAt)) ?? null;
}

/**
 * The deputy's rating of this round the ledger as of the last sync does not hold yet (newest first
 * in `sent`), as the page tells it: the note where the form was, the reply card and 已提交 all say
 * the same 满意度, day and state. The day is the 测评日期 intake writes (the office's day it came in).
 */
export function sentRating(
  ctx: Pick<LinkContext, "timeZone" | "view">,
  sent: readonly InboxEntry[],
): SentRating | null {
  const entry = sentSinceSync(ctx, sent, "rating");
  if (!entry) return null;
  return {
    rating: String(entry.cells.满意度 ?? ""),
    on: dateCellText(entry.cells.测评日期) || localDate(Date.parse(entry.receivedAt), ctx.timeZone),
    comment: String(entry.cells.测评意见 ?? "").trim(),
    state: writeState(entry, true),
  };
}

/**
 * The unit's own reply of this round the ledger as of the last sync does not hold yet, as its reply
 * card shows it until that sync (the card and 已提交 say the same state). The deputy's page shows
 * only a correction of a reply on record (deputy-reply.ts): a first reply reaches the deputy through
 * the office's sync and its 答复告知.
 */
function sentReply(entry: InboxEntry | null): SentReply | null {
  return entry ? sentReplyOf(entry) : null;
}

/**
 * What the header of a suggestion's page and its card in the link's lists say of the recipient's
 * own reply or rating not in the last sync's ledger yet (sentMark): the same entry, day and state
 * the page's reply card and 已提交 tell. `sent`: the recipient's submissions about it, newest first.
 * A leader's: the unit's reply not in that ledger yet (`unitReply`, unitReplySince).
 */
export function markOf(
  ctx: Pick<LinkContext, "timeZone" | "view" | "link">,
  status: string,
  sent: readonly InboxEntry[],
  unitReply: UnitReplySent | null = null,
): SentMark | null {
  const kind = ctx.link.kind;
  if (kind === "leader") return leaderMark(unitReply);
  if (kind === "deputy") return sentMark(kind, status, sentRating(ctx, sent));
  const reply = kind === "unit" ? sentReply(sentSinceSync(ctx, sent, "reply")) : null;
  return sentMark(kind, status, reply);
}

/**
 * markOf for each of the recipient's suggestions that has one, by 编号, from what it sent lately
 * (one query for the whole list: `sent`, newest first, is the recipient's own last submissions).
 */
export function sentMarks(
  ctx: Pick<LinkContext, "timeZone" | "view" | "link">,
  items: readonly RecipientRow[],
  sent: readonly InboxEntry[],
): Map<string, SentMark> {
  const about = new Map<string, InboxEntry[]>();
  for (const e of sent) about.set(e.suggestionId, [...(about.get(e.suggestionId) ?? []), e]);
  const marks = new Map<string, SentMark>();
  for (const { row } of items) {
    const mine = row.id ? about.get(row.id) : undefined;
    const mark = mine ? markOf(ctx, row.computed.status, mine) : null;
    if (row.id && mark) marks.set(row.id, mark);
  }
  return marks;
}

/** A reply the unit sent and the ledger does not hold yet, as the correction form's values. */
function sentReplyValues(entry: InboxEntry): Record<string, string> {
  const fields = ["答复类别", "答复内容", "落实情况", "答复日期"] as const;
  // Intake keeps 答复日期 as the sheet's serial number: the form's date input wants it as ISO.
  return Object.fromEntries(
    fields.flatMap((f) => (entry.cells[f] === undefined ? [] : [[f, dateCellText(entry.cells[f])]])),
  );
}

/**
 * Where a 并案 suggestion went, by its 并入编号: a link to it when this link may see it (the
 * recipient's own suggestion), else just its 编号; null when the ledger names none. With what the
 * recipient is on it (a co-unit there too sends its opinion to that one's lead unit), so the page
 * says what to do instead of pointing to a page the link cannot open.
 */
async function mergedInto(
  ctx: LinkContext,
  record: Pick<LedgerRecord, "review" | "mergedInto">,
): Promise<MergedInto | null> {
  const id = record.review === "并案" ? record.mergedInto : "";
  if (!id) return null;
  const leader = ctx.link.kind === "leader";
  const target = ctx.mine.find((m) => m.row.id === id);
  if (!target) {
    // A leader's supervision does not follow the merge (the row 并入 names no leader until staff
    // carry it over): the page names where the suggestion stands, as text, the link opening only
    // the leader's own suggestions.
    const row = leader ? await targetRow(ctx, id) : null;
    return {
      id,
      title: row?.record.title ?? "",
      href: null,
      advice: mergedAdvice(ctx.link.kind, null, ""),
      standing: row ? standingOf(ctx, row) : null,
    };
  }
  const { title, leadUnit } = target.row.record;
  return {
    id,
    title: title ?? "",
    href: suggestionPath(ctx.base, id),
    advice: mergedAdvice(ctx.link.kind, target.relation, leadUnit),
    standing: leader ? standingOf(ctx, target.row) : null,
  };
}

/** 台账状态 and 办理期限 of a row, as its own page shows them. */
function standingOf(ctx: LinkContext, row: EvaluatedRow): { status: string; due: string } {
  return { status: row.computed.status, due: dueText(row, ctx.view.evaluation.calendar) };
}

/**
 * The stored row of `id` (one indexed D1 read, made only for a 并案 suggestion's page on a leader's
 * link); null when no row or more than one holds it (a duplicate: which one is meant is staff's to
 * settle), or while a part stored by an older build has no index (not worth reading every row).
 */
async function targetRow(ctx: LinkContext, id: string): Promise<EvaluatedRow | null> {
  const facts = await ctx.deps.summaries.loadFactsWithIds([id]);
  const rows = (facts ?? []).map(loadFacts).filter((row) => row.id === id);
  return rows.length === 1 ? (rows[0] as EvaluatedRow) : null;
}

export async function renderSuggestion(
  c: Context<AppEnv>,
  ctx: LinkContext,
  item: RecipientRow,
  options: {
    state?: FormState;
    status?: ContentfulStatusCode;
    done?: string | null;
    warnings?: readonly string[];
    /** A unit's form that came back with something to fix. */
    unitStates?: Partial<Record<UnitAction, FormState>>;
    /** The 报送落实情况 form that came back with something to fix. */
    progressState?: FormState;
  } = {},
): Promise<Response> {
  const id = item.row.id ?? "";
  const { whole, record, sent } = await loadOwnView(ctx, item);
  const unit = ctx.link.kind === "unit" && allows(ctx.link, "contact");
  const replySent = sentSinceSync(ctx, sent, "reply");
  const [extras, coUnits, stands, unitReply, leaderLoad, deputyContacts] = await Promise.all([
    unit ? loadUnitExtras(ctx, item, record, sent) : null,
    // Whom the lead unit still waits for before it replies (a read-only link of it sees it too).
    ctx.link.kind === "unit" && item.relation === "lead"
      ? loadCoUnitOpinions(ctx, { ...item.row, record }, replySent)
      : [],
    // The reply the deputy reads and rates: with the unit's correction the sync has not written.
    ctx.link.kind === "deputy" ? replyAsItStands(ctx, item.row, record) : null,
    // A leader's: the unit's reply the ledger does not hold yet (the header says so, 催办 is closed).
    ctx.link.kind === "leader" ? unitReplySince(ctx, whole ?? item.row) : null,
    // A leader's 办理记录 and what to know before 催办, with whether he or she urged today already.
    ctx.link.kind === "leader" ? loadLeaderRecord(ctx, whole ?? item.row) : null,
    // A deputy's: the units' contacts with the deputy about it (沟通记录), once it was assigned.
    ctx.link.kind === "deputy" && record.assignedOn ? loadDeputyContacts(ctx, id) : null,
  ]);
  // A read-only link has no extras, yet its 已提交 lines name the unit's objections and their decision.
  const objections =
    extras?.objections ??
    (sent.some((e) => e.form === "objection") ? await ctx.deps.objections.ofSuggestion(id) : []);
  const base = suggestionPath(ctx.base, id);
  // Until the sync brings a letter into the row, the page offers it from the unit's submission.
  const pendingLetters = sent
    .filter((e) => awaitingSync(e, ctx.view.syncedAt) && typeof e.cells.答复函 === "string")
    .map((e) => String(e.cells.答复函));
  if (stands?.correction?.reply.letter) pendingLetters.push(stands.correction.reply.letter);
  // The letter of the reply not yet synced replaces its round's: the one before is marked so.
  const replacingLetter = String(replySent?.cells.答复函 ?? "") || (stands?.correction?.reply.letter ?? "");
  const action = ACTION_OF[ctx.link.kind];
  const check = allows(ctx.link, action.name)
    ? await actionCheck(ctx, ctx.link.kind, whole ? { ...item, row: whole } : item, sent, unitReply)
    : null;
  // Whether this leader pressed 催办 today already: the page says so before a second press would.
  const urgedAt = ctx.link.kind === "leader" && check?.ok ? (leaderLoad?.urgedAt ?? null) : null;
  // A correction starts from the reply on record (or the one sent since the sync, newest first), not
  // from an empty form dated today.
  const fresh = (): FormState =>
    check?.ok && check.correcting
      ? { ...freshForm(), values: replySent ? sentReplyValues(replySent) : recordedReplyValues(record) }
      : freshForm();
  const merged = await mergedInto(ctx, record);
  // 报送落实情况: from the row the page already holds, no query of its own.
  const progress =
    ctx.link.kind === "unit" &&
    allows(ctx.link, "reply") &&
    progressCheck(whole ?? item.row, item.relation).ok
      ? {
          path: `${base}/progress`,
          state: options.progressState ?? freshForm(),
          current: record.implementation ?? "",
        }
      : null;
  return sendPage(
    c,
    <SuggestionView
      frame={ctx.frame}
      kind={ctx.link.kind}
      base={ctx.base}
      today={ctx.today}
      timeZone={ctx.timeZone}
      item={item}
      whole={whole}
      calendar={ctx.view.evaluation.calendar}
      letters={lettersOf(ctx.base, id, record, pendingLetters, replacingLetter)}
      mergedInto={merged}
      coUnits={coUnits}
      action={
        check
          ? {
              check,
              path: `${suggestionPath(ctx.base, id)}/${action.path}`,
              state: options.state ?? fresh(),
            }
          : null
      }
      sent={sent}
      syncedAt={ctx.view.syncedAt}
      sentRating={ctx.link.kind === "deputy" ? sentRating(ctx, sent) : null}
      sentReply={ctx.link.kind === "unit" ? sentReply(replySent) : null}
      correction={stands?.correction ?? null}
      replyVersion={stands?.fingerprint ?? null}
      mark={markOf(ctx, (whole ?? item.row).computed.status, sent, unitReply)}
      urgedAt={urgedAt}
      leaderRecord={leaderLoad?.record ?? null}
      deputyContacts={deputyContacts}
      progress={progress}
      objections={objections}
      done={options.done ?? null}
      warnings={options.warnings ?? []}
      unitSection={
        extras
          ? {
              extras,
              paths: Object.fromEntries(UNIT_ACTIONS.map((a) => [a, `${base}/${a}`])) as Record<
                UnitAction,
                string
              >,
              states: options.unitStates ?? {},
              today: ctx.today,
              due: dueText(whole ?? item.row, ctx.view.evaluation.calendar),
              units: ctx.view.evaluation.units.entries.map((e) => e.name),
            }
          : null
      }
    />,
    options.status ?? 200,
  );
}

/**
 * What a recipient's page about one suggestion reads besides the facts: the row whole (from the one
 * stored part holding it) and the recipient's own last submissions about it.
 */
export async function loadOwnView(ctx: LinkContext, item: RecipientRow) {
  const [whole, sent] = await Promise.all([loadWholeRow(ctx.deps.summaries, item.row), sentAbout(ctx, item)]);
  return { whole, record: (whole ?? item.row).record, sent };
}

/** The recipient's own last submissions about the suggestion, newest first (the page's 已提交). */
export function sentAbout(
  ctx: Pick<LinkContext, "deps" | "link">,
  item: RecipientRow,
): Promise<InboxEntry[]> {
  return ctx.deps.inbox.byActor(
    { kind: ctx.link.kind, name: ctx.link.recipient },
    { suggestionId: item.row.id ?? "", limit: 10 },
  );
}

/** The form's one-time id, or 400: a form without one was not made by this page. */
export function nonceOf(fields: FormFields): string {
  const nonce = formNonce(fields);
  if (!nonce) throw new HttpError(400, "invalid_form", "表单已失效：请刷新页面后重新提交");
  return nonce;
}

export function textValues(fields: FormFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = Array.isArray(v) ? (v[0] ?? "") : (v as string);
  return out;
}

/** The action must be open on this suggestion: refused with why (403 not theirs to do, 409 not now). */
export function requireOpen(check: ActionCheck, relationOk: boolean): void {
  if (check.ok) return;
  throw new HttpError(relationOk ? 409 : 403, relationOk ? "not_now" : "not_allowed", check.reason);
}
