import { isoFromSerial } from "../../domain/civil-date";
import { nameKey } from "../../domain/directory";
import { type InboxForm, isWebhookForm } from "../../domain/intake/inbox-forms";
import { type CellWrite, mapAnswers, titlesAdvice } from "../../domain/intake/map-answers";
import { mentionKey } from "../../domain/links/recipient-rows";
import {
  type EarlierSuggestion,
  earlierOfDeputy,
  repeatedMessage,
  repeatKey,
} from "../../domain/links/repeated-suggestion";
import { compileIdFormat, DEFAULT_ID_FORMAT, type IdFormat } from "../../domain/numbering";
import type { Submission } from "../../intake/body";
import type { IdAllocator } from "../../store/id-allocator";
import type { Inbox, InboxEntry, LinkActor } from "../../store/inbox";
import { META_ID_FORMAT, META_SUMMARY, type MetaStore } from "../../store/meta";
import type { SummaryStore } from "../../store/summary-store";
import { localDate } from "../local-time";
import { stampedTimeZone } from "./office-zone";

export interface IntakeDeps {
  inbox: Inbox;
  ids: IdAllocator;
  meta: MetaStore;
  intakeQueue: Queue<unknown>;
}

export interface IntakeMessage {
  form: InboxForm;
  submissionId: string;
}

export type AcceptResult =
  | { kind: "accepted"; entry: InboxEntry }
  | { kind: "repeated"; entry: InboxEntry }
  /** `earlier`: the deputy already submitted a suggestion of this 标题 (a conflict, not a typo). */
  | { kind: "invalid"; field: string; message: string; earlier?: EarlierSuggestion };

/**
 * The deputy's suggestion of the same 标题 already in, or null (see earlierSuggestionLookup). The
 * days it names are local dates in `timeZone` (设置 时区), as `submittedOn` is.
 */
export type EarlierLookup = (
  deputy: string,
  title: string,
  submittedOn: string,
  timeZone: string,
) => Promise<EarlierSuggestion | null>;

export interface AcceptOptions {
  /**
   * Refuses a new suggestion whose 领衔代表 already submitted one of that 标题. The form webhooks
   * ask it; a link asks before it submits (it shows the form again), and an opinion staff convert
   * is theirs to judge. With it, the entry also claims its repeatKey as it is stored, so of two
   * identical submissions at the same instant (both pass this read) only one is stored.
   */
  earlierWithTitle?: EarlierLookup;
}

/** The 编号格式 the last sync read from 设置, or the default when none was read or it is broken. */
function idFormat(source: string | null): IdFormat {
  const compiled = compileIdFormat(source ?? DEFAULT_ID_FORMAT);
  if (compiled.ok) return compiled.format;
  const fallback = compileIdFormat(DEFAULT_ID_FORMAT);
  if (!fallback.ok) throw new Error("the default 编号格式 does not compile");
  return fallback.format;
}

/**
 * A 提出日期 after the day of submission is a typo (the sync reports it as 晚于今天): the 编号 takes
 * that day's year, as the sync's own numbering does, so a typo does not use up next year's 001.
 */
async function newSuggestionId(
  deps: IntakeDeps,
  formatSource: string | null,
  proposedOn: unknown,
  submittedOn: string,
): Promise<{ id: string; sequence: number; seq: number }> {
  const format = idFormat(formatSource);
  const typed = typeof proposedOn === "number" ? isoFromSerial(proposedOn) : submittedOn;
  const day = typed <= submittedOn ? typed : submittedOn;
  const year = Number(day.slice(0, 4));
  const sequence = format.hasYear ? year : 0;
  const [seq] = (await deps.ids.allocate(sequence, 1, 0)) as [number];
  return { id: format.format(year, seq), sequence, seq };
}

function linkCells(answers: Submission["answers"]): Record<string, CellWrite> {
  const cells: Record<string, CellWrite> = {};
  for (const [header, value] of Object.entries(answers))
    if (typeof value === "string" || typeof value === "number") cells[header] = value;
  return cells;
}

/**
 * The deputy's own suggestion with the same 标题: the ledger's, from the list entries the sync
 * stored of the rows that mention the deputy (one indexed read: no small tabs, no evaluation, so a
 * webhook in a fresh isolate stays cheap), and what was sent and no sync has put in the ledger yet,
 * from the inbox (the deputy's link, and form webhooks naming the deputy as 领衔代表 within
 * WEBHOOK_LOOKBACK_DAYS). Google Forms' 提交另一份回复 and a form service retrying with a fresh id send
 * a new submissionId, which would be a second 编号 and a second 受理回执.
 */
export function earlierSuggestionLookup(deps: {
  inbox: Pick<Inbox, "byActor" | "suggestionsLedBy">;
  summaries: Pick<SummaryStore, "loadEntriesMentioning">;
}): EarlierLookup {
  return async (deputy, title, _submittedOn, timeZone) => {
    const since = new Date(Date.now() - WEBHOOK_LOOKBACK_DAYS * 86_400_000).toISOString();
    const [entries, sent, formSent] = await Promise.all([
      deps.summaries.loadEntriesMentioning(mentionKey("deputy", deputy)),
      deps.inbox.byActor({ kind: "deputy", name: deputy }, { limit: 20 }),
      deps.inbox.suggestionsLedBy(deputy, since, 20),
    ]);
    const key = nameKey(deputy.trim());
    const led = (entries ?? []).flatMap(([ref]) =>
      nameKey(ref.leadDeputy) === key ? [{ id: ref.id, record: { title: ref.title } }] : [],
    );
    return earlierOfDeputy(title, led, [...sent, ...formSent], (iso) => localDate(Date.parse(iso), timeZone));
  };
}

/**
 * How far back a form's own earlier suggestions are looked for in the inbox: a sync puts them in the
 * ledger within minutes, so this only bridges syncs that failed for a while.
 */
const WEBHOOK_LOOKBACK_DAYS = 30;

/**
 * The field a suggestion cannot go without: its 标题 (what every notice and page names it by; a
 * deputy's receipt would go out with an empty subject) and its 领衔代表 (whom the receipt, the reply
 * notice and the rating are for). The sync would only flag such a row, after the form had said 成功.
 */
function missingSuggestionField(cells: Record<string, unknown>): "标题" | "领衔代表" | null {
  for (const field of ["标题", "领衔代表"] as const) if (!String(cells[field] ?? "").trim()) return field;
  return null;
}

/**
 * Stores a signed, well-formed submission in the D1 inbox before the sender is answered, then
 * queues it for the sheet. A repeated submissionId returns what was stored the first time.
 * Domain problems (unknown deputy, odd dates, unknown 编号) are not refused: the sync reports them.
 * A new suggestion the deputy already submitted is refused when `options.earlierWithTitle` is given.
 * A submission made through a personal link names its `actor` (kept with it, and in the history).
 */
export async function acceptSubmission(
  deps: IntakeDeps,
  form: InboxForm,
  submission: Submission,
  nowMs: number,
  actor: LinkActor | null = null,
  options: AcceptOptions = {},
): Promise<AcceptResult> {
  // Read beside the lookup, in one query: 设置 时区 as the last sync stamped it (a form's dates
  // default to the local day it was sent, and a suggestion's 编号 takes that day's year), and the
  // 编号格式. A link's own forms (沟通记录 and the rest) carry their dates in their cells.
  const keys = isWebhookForm(form) ? [META_SUMMARY, ...(form === "suggestion" ? [META_ID_FORMAT] : [])] : [];
  const [existing, meta] = await Promise.all([
    deps.inbox.find(form, submission.submissionId),
    keys.length > 0 ? deps.meta.getMany(keys) : new Map<string, string>(),
  ]);
  if (existing) return { kind: "repeated", entry: existing };
  const timeZone = stampedTimeZone(meta.get(META_SUMMARY));
  const submittedOn = localDate(Date.parse(submission.submittedAt), timeZone);
  // A link's own forms send their tab's cells, already checked by the tab's rules (links/practice-forms).
  const cells = isWebhookForm(form)
    ? mapAnswers(form, submission.answers, submittedOn).cells
    : linkCells(submission.answers);
  // What a form lacking a required answer is told: the titles that matched nothing, for the clerk
  // (a form whose questions are titled otherwise), or, every title recognised, to fill it in.
  const refuse = (field: string, need: string, plain = `${need}：请补上后重新提交`): AcceptResult => {
    const advice = isWebhookForm(form) ? titlesAdvice(form, submission.answers) : null;
    return { kind: "invalid", field, message: advice ? `${need}：${advice}` : plain };
  };
  let suggestionId: string;
  let claim: { key: string | null; number: { sequence: number; seq: number } } | null = null;
  if (form === "suggestion") {
    // Checked before a 编号 is handed out: a refused submission must not use one up.
    const missing = missingSuggestionField(cells);
    if (missing) return refuse(`answers.${missing}`, `建议须填写${missing}`);
    const earlier = await options.earlierWithTitle?.(
      String(cells.领衔代表).trim(),
      String(cells.标题),
      submittedOn,
      timeZone,
    );
    if (earlier)
      return { kind: "invalid", field: "answers.标题", message: repeatedMessage(earlier), earlier };
    const number = await newSuggestionId(deps, meta.get(META_ID_FORMAT) ?? null, cells.提出日期, submittedOn);
    suggestionId = number.id;
    cells.编号 = suggestionId;
    if (options.earlierWithTitle)
      claim = { key: repeatKey(String(cells.领衔代表), String(cells.标题)), number };
  } else if (form === "opinion") {
    // A row of 民意, not of the ledger: it names a suggestion only once converted (建议编号).
    suggestionId = String(cells.建议编号 ?? "").trim();
  } else {
    suggestionId = String(cells.编号 ?? "").trim();
    const need = "答复和测评须填写建议编号（编号）";
    if (!suggestionId) return refuse("answers.编号", need, need);
    // A rating without 满意度 would still write 测评日期: the row would read as rated with no rating.
    if (form === "rating" && !String(cells.满意度 ?? "").trim())
      return refuse("answers.满意度", "测评须填写满意度（满意、基本满意或不满意）");
    // A form's reply with neither would still write 答复日期 (the day it came): the row would read
    // as answered, 待测评, and the deputy be told of a reply with nothing in it.
    if (
      form === "reply" &&
      !actor &&
      !String(cells.答复类别 ?? "").trim() &&
      !String(cells.答复内容 ?? "").trim()
    )
      return refuse("answers.答复类别", "答复须填写答复类别或答复内容");
  }
  const stored = await deps.inbox.insert({
    form,
    submissionId: submission.submissionId,
    suggestionId,
    cells,
    raw: submission.answers,
    submittedAt: submission.submittedAt,
    receivedAt: new Date(nowMs).toISOString(),
    actor,
    repeatKey: claim?.key ?? null,
  });
  if (stored.heldBy) {
    // Sent at the same instant as the one stored: refused as the check above refuses a later one,
    // and its 编号 taken back (when none was handed out since), so the year's numbers keep no gap.
    if (claim) await deps.ids.giveBack(claim.number.sequence, claim.number.seq, claim.number.seq);
    const earlier = {
      id: stored.heldBy.suggestionId,
      on: localDate(Date.parse(stored.heldBy.receivedAt), timeZone),
    };
    return { kind: "invalid", field: "answers.标题", message: repeatedMessage(earlier), earlier };
  }
  const { entry, created } = stored;
  if (!created) return { kind: "repeated", entry };
  try {
    await deps.intakeQueue.send({ form, submissionId: submission.submissionId } satisfies IntakeMessage);
  } catch (error) {
    // Already durable in D1: the next sync re-queues whatever is not in the sheet yet.
    console.warn(
      JSON.stringify({ level: "warn", message: "intake queue send failed", error: String(error) }),
    );
  }
  return { kind: "accepted", entry };
}
