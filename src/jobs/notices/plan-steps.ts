import { addDaysIso } from "../../domain/civil-date";
import { awaitingSync } from "../../domain/links/row-actions";
import {
  attachSightings,
  CATCH_UP_DAYS,
  CHANGED_NAME_CELLS,
  EARLY_FILL_CELLS,
  isLeadChange,
  LATE_NOTICE_CELLS,
  lateNoticeIds,
  leadChangesOnly,
  leadWatchIds,
  NAMED_AFTER_FIRST_SYNC,
  type Sighting,
} from "../../domain/notices/catch-up";
import type { DigestFigures } from "../../domain/notices/digest";
import type { DecidedObjection } from "../../domain/notices/objection-series";
import { type PlanNoticesInput, planNotices } from "../../domain/notices/plan";
import { practiceNoticeIds } from "../../domain/notices/practice-series";
import { CLEARED_REPLY_CELLS } from "../../domain/notices/reply-cleared";
import { ratingAwaitedIds } from "../../domain/notices/reply-series";
import type { NoticePlan, UnreachableNotice } from "../../domain/notices/types";
import { buildPracticeIndex, PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import type { Problem } from "../../domain/problems";
import type { EvaluatedRow } from "../../domain/summary/evaluated";
import { ledgerFromSummary } from "../../domain/summary/ledger-summary";
import { META_DUPLICATE_IDS, META_NOTICE_TEMPLATE_PROBLEMS, META_SUMMARY } from "../../store/meta";
import type { OutboxKey } from "../../store/outbox-queries";
import { loadDigestFigures } from "../../store/page-figures";
import { baseTabsContext, loadLedgerView } from "../ledger-view";
import { attachPersonalLinks } from "../links/attach-links";
import { localDate } from "../local-time";
import { enqueueNotices } from "./enqueue";
import type { NoticeDeps } from "./notice-deps";

/** One daily run as its steps see it (carried in their queue messages). */
export interface DailyRun {
  /** The office's local date the run plans for, and its zone. */
  readonly today: string;
  readonly timeZone: string;
  /** When the run started (epoch ms): the notices' planned_at. */
  readonly startedMs: number;
  /** When its personal links are signed, if not then (a forced run as of another day signs them now). */
  readonly linksIssuedMs?: number;
}

/** What one step planned and did. */
export interface StepOutcome {
  restDay: boolean;
  planned: number;
  inserted: number;
  enqueued: number;
  disabled: number;
  unreachable: UnreachableNotice[];
  templateProblems: Problem[];
}

export const EMPTY_OUTCOME: StepOutcome = {
  restDay: false,
  planned: 0,
  inserted: 0,
  enqueued: 0,
  disabled: 0,
  unreachable: [],
  templateProblems: [],
};

export function addOutcomes(a: StepOutcome, b: StepOutcome): StepOutcome {
  const problems = new Map(
    [...a.templateProblems, ...b.templateProblems].map((p) => [`${p.row}|${p.message}`, p]),
  );
  return {
    restDay: a.restDay || b.restDay,
    planned: a.planned + b.planned,
    inserted: a.inserted + b.inserted,
    enqueued: a.enqueued + b.enqueued,
    disabled: a.disabled + b.disabled,
    unreachable: [...a.unreachable, ...b.unreachable],
    templateProblems: [...problems.values()],
  };
}

/**
 * The meta entry that keeps the whole run's 通知模板 problems (its steps' outcomes added up) for the
 * sync's finish to list in 校验问题, "" when the run found none (a mended row leaves 校验问题). None on a
 * rest day: nothing is rendered, so nothing is found, and the last working day's problems stand.
 */
export function templateProblemsEntry(run: DailyRun, outcome: StepOutcome): [string, string][] {
  if (outcome.restDay) return [];
  const { templateProblems: problems } = outcome;
  return [
    [
      META_NOTICE_TEMPLATE_PROBLEMS,
      problems.length > 0 ? JSON.stringify({ today: run.today, problems }) : "",
    ],
  ];
}

async function duplicateIds(deps: NoticeDeps): Promise<ReadonlySet<string>> {
  const raw = await deps.meta.get(META_DUPLICATE_IDS);
  return new Set(raw ? (JSON.parse(raw) as string[]) : []);
}

/**
 * Inserts what the plan holds (once: unique keys), each notice to a unit, deputy or leader with the
 * recipient's personal link, and queues only what this call inserted.
 */
async function keep(
  deps: NoticeDeps,
  run: DailyRun,
  plan: NoticePlan,
  rows: readonly EvaluatedRow[] = [],
): Promise<StepOutcome> {
  // Each suggestion's 办理期限 from the rows the plan read: a unit's link outlasts it (no D1 read).
  const due = new Map(rows.flatMap((r) => (r.id && r.computed.dueDate ? [[r.id, r.computed.dueDate]] : [])));
  const notices = await attachPersonalLinks(
    deps,
    plan.notices,
    run.linksIssuedMs ?? run.startedMs,
    run.timeZone,
    (id) => due.get(id),
  );
  const inserted = await deps.noticeOutbox.insert(notices, new Date(run.startedMs).toISOString());
  const enqueued = await enqueueNotices(deps, inserted, run.startedMs);
  return {
    restDay: plan.restDay,
    planned: plan.notices.length,
    inserted: inserted.length,
    enqueued,
    disabled: plan.disabled,
    unreachable: plan.unreachable,
    templateProblems: plan.problems,
  };
}

/** The outbox's notices as planning takes them: notified (sent or to be sent), or failed for good. */
function outboxKeys(keys: readonly OutboxKey[]): Pick<PlanNoticesInput, "existingKeys" | "failedNotices"> {
  return {
    existingKeys: keys.flatMap((k) => (k.status === "失败" ? [] : [k.key])),
    failedNotices: keys.flatMap((k) =>
      k.status === "失败" ? [{ key: k.key, address: k.address ?? "" }] : [],
    ),
  };
}

/**
 * The outbox keys of suggestions whose 主办单位 changed, from their 交办日期 on: the 交办通知 the
 * replaced unit got is older than the catch-up window when the change came weeks after 交办, and
 * only a unit told of the suggestion is told it was replaced. One query, only on a day with a change.
 */
async function keysOfReplacedLeads(
  deps: NoticeDeps,
  rows: readonly EvaluatedRow[],
  sightings: readonly Sighting[],
): Promise<OutboxKey[]> {
  const changed = new Set(sightings.filter(isLeadChange).map((s) => s.id));
  return keysSinceAssigned(deps, rows, [...changed]);
}

/**
 * The outbox keys of suggestions from their 交办日期 on, for those whose reminder's first word the
 * plan could only presume (NoticePlan.introductionsUnseen): their 交办通知 is older than the
 * catch-up window. One query, only on a day such a reminder is due (a few suggestions a part).
 */
async function keysSinceAssigned(
  deps: NoticeDeps,
  rows: readonly EvaluatedRow[],
  ids: readonly string[],
): Promise<OutboxKey[]> {
  const wanted = new Set(ids);
  const starts = rows.flatMap((r) =>
    r.id && wanted.has(r.id) && r.record.assignedOn ? [r.record.assignedOn] : [],
  );
  const earliest = starts.sort()[0];
  return earliest ? deps.noticeOutbox.keysDueSinceAbout(earliest, ids) : [];
}

/**
 * Plans the part, and when a reminder's first word (【首次通知】) could only be presumed, plans those
 * suggestions again (theirs alone: a part's whole plan twice would cost the step's CPU twice)
 * knowing what their units were sent since 交办; their notices replace the first plan's.
 */
async function planWithHistory(
  deps: NoticeDeps,
  input: Omit<PlanNoticesInput, "existingKeys" | "failedNotices">,
  keys: readonly OutboxKey[],
): Promise<NoticePlan> {
  const plan = planNotices({ ...input, ...outboxKeys(keys) });
  const unseen = new Set(plan.introductionsUnseen ?? []);
  if (unseen.size === 0) return plan;
  const older = await keysSinceAssigned(deps, input.evaluation.rows, [...unseen]);
  const theirs = input.evaluation.rows.filter((r) => r.id !== null && unseen.has(r.id));
  const again = planNotices({
    ...input,
    evaluation: { ...input.evaluation, rows: theirs },
    ...outboxKeys([...keys, ...older]),
    historyOf: unseen,
  });
  const others = <T extends { suggestionId: string | null }>(list: readonly T[]) =>
    list.filter((n) => n.suggestionId === null || !unseen.has(n.suggestionId));
  return {
    ...plan,
    notices: [...others(plan.notices), ...again.notices],
    unreachable: [...others(plan.unreachable), ...again.unreachable],
    introductionsUnseen: [],
  };
}

/**
 * The 交办异议 of these suggestions decided since `sinceInstant` (a day before the catch-up horizon,
 * as the sightings are asked: the office's day may start before UTC's), each decision's day in the
 * office's time zone. One D1 query a part; none without the objections store.
 */
async function decidedObjections(
  deps: NoticeDeps,
  run: DailyRun,
  ids: readonly string[],
  sinceInstant: string,
): Promise<DecidedObjection[]> {
  const decided = (await deps.objections?.decidedSince(ids, sinceInstant)) ?? [];
  return decided.flatMap((o) =>
    // One the reply settled (replied) was never decided: nothing to tell the unit (none once replied).
    o.decision && o.decision !== "replied" && o.decidedAt
      ? [
          {
            submissionId: o.submissionId,
            suggestionId: o.suggestionId,
            unit: o.unit,
            assignedOn: o.assignedOn,
            objectedOn: o.objectedOn,
            decision: o.decision,
            decidedOn: localDate(Date.parse(o.decidedAt), run.timeZone),
            note: o.note,
          },
        ]
      : [],
  );
}

/**
 * The suggestions of `rows` whose deputy rated since the ledger was stored (`syncedAt`, the summary's
 * stamp): the newest rating about each waits in the inbox, or intake wrote it to the sheet after that
 * sync (awaitingSync, as the link pages weigh it). Their round's 答复告知 and 测评提醒 wait for the
 * sync that records it. One D1 query a part, asked only about rows awaiting a rating; none without.
 */
async function ratingsSentSince(
  deps: NoticeDeps,
  rows: readonly EvaluatedRow[],
  syncedAt: string | null,
): Promise<ReadonlySet<string>> {
  const newest = await deps.inbox.latestAboutEach("rating", ratingAwaitedIds(rows));
  return new Set(newest.filter((e) => awaitingSync(e, syncedAt)).map((e) => e.suggestionId));
}

/** Form suggestions that arrived in the catch-up window (those with these 编号 only, when given). */
function arrivalsSince(deps: NoticeDeps, run: DailyRun, ids?: readonly string[]) {
  const since = addDaysIso(run.today, -CATCH_UP_DAYS);
  return deps.noticeArrivals.since(since, (iso) => localDate(Date.parse(iso), run.timeZone), ids);
}

/**
 * The notices about the rows of one stored part of the ledger (a sync chunk's rows): handling,
 * replies, and the receipts of form suggestions in this part. One D1 row of summary, the outbox
 * keys of these suggestions only: a part costs the same however long the ledger.
 */
export async function planPart(deps: NoticeDeps, run: DailyRun, part: number): Promise<StepOutcome> {
  const [rows, context, stamp, duplicates] = await Promise.all([
    deps.summaries.loadPart(part),
    baseTabsContext(deps.tabCache),
    deps.meta.get(META_SUMMARY),
    duplicateIds(deps),
  ]);
  const stored = stamp ? (JSON.parse(stamp) as { today: string; at?: string }) : null;
  const evaluation = ledgerFromSummary({
    rows,
    context,
    today: stored ? stored.today : run.today,
    problems: [],
  });
  const ids = evaluation.rows.flatMap((r) => (r.id ? [r.id] : []));
  const since = addDaysIso(run.today, -CATCH_UP_DAYS);
  // Only the practice rows of suggestions a practice notice may concern (D1 picks them), and the
  // form arrivals of this part's suggestions (the others' answers are not parsed).
  // A 交办日期 or 答复日期 typed weeks late: when the sync saw it filled (one D1 query, asked only
  // about the suggestions whose one-off notice is past the horizon) makes the notice due then.
  // The same query asks whether 主办单位 changed on those awaiting round 1's reply, and whether a
  // reply date awaiting its rating was corrected out of a hold, and whether a round's reply was
  // cleared lately, which holds its reminders for a few days (leadWatchIds, reply-cleared.ts).
  // Units' 交办异议 staff decided in the horizon are in D1 only: one more query (交办异议处理结果).
  // Ratings deputies sent since the last sync: one more, only when a row awaits one (ratingsSentSince).
  const late = lateNoticeIds(evaluation.rows, run.today, evaluation.settings.coOpinionDays);
  const asked = [...new Set([...late, ...leadWatchIds(evaluation.rows)])];
  const sinceInstant = new Date(Date.parse(`${since}T00:00:00Z`) - 86_400_000).toISOString();
  const [existingKeys, practiceRows, arrivals, objections, sightings, ratingsSent] = await Promise.all([
    deps.noticeOutbox.keysDueSinceAbout(since, ids),
    deps.tabCache.loadRowsOf(PRACTICE_RECORD_TABS, practiceNoticeIds(evaluation.rows)),
    arrivalsSince(deps, run, ids),
    decidedObjections(deps, run, ids, sinceInstant),
    deps.snapshots.filledSince(
      asked,
      LATE_NOTICE_CELLS,
      sinceInstant,
      CATCH_UP_DAYS,
      CHANGED_NAME_CELLS,
      NAMED_AFTER_FIRST_SYNC,
      CLEARED_REPLY_CELLS,
      EARLY_FILL_CELLS,
    ),
    ratingsSentSince(deps, evaluation.rows, stored?.at ?? null),
  ]);
  const localDay = (iso: string) => localDate(Date.parse(iso), run.timeZone);
  const kept = leadChangesOnly(sightings, late, localDay);
  attachSightings(evaluation.rows, kept, localDay, context.units);
  const keys = [...existingKeys, ...(await keysOfReplacedLeads(deps, evaluation.rows, kept))];
  const input = {
    today: run.today,
    evaluation,
    practice: buildPracticeIndex(practiceRows, undefined, context.units),
    arrivals,
    objections,
    scope: "rows",
    duplicateIds: duplicates,
    ratingsSent,
  } as const;
  return keep(deps, run, await planWithHistory(deps, input, keys), evaluation.rows);
}

/**
 * The run's last step: the weekly digest (from the figures the sync's finish stored, else from the
 * rows' facts) and the receipts of form suggestions no row holds yet (the form's own answers then
 * fill the receipt).
 */
export async function planDigest(deps: NoticeDeps, run: DailyRun): Promise<StepOutcome> {
  const since = addDaysIso(run.today, -CATCH_UP_DAYS);
  const [context, stamp, duplicates, arrivals] = await Promise.all([
    baseTabsContext(deps.tabCache),
    deps.meta.get(META_SUMMARY),
    duplicateIds(deps),
    arrivalsSince(deps, run),
  ]);
  const keysAbout = (outside: PlanNoticesInput["arrivals"]) =>
    deps.noticeOutbox.keysDueSinceAbout(
      since,
      outside.map((a) => a.suggestionId),
      { unnamed: true },
    );
  const plan = (
    evaluation: PlanNoticesInput["evaluation"],
    outside: PlanNoticesInput["arrivals"],
    existingKeys: readonly OutboxKey[],
    digest?: DigestFigures,
  ) =>
    planNotices({
      today: run.today,
      evaluation,
      ...outboxKeys(existingKeys),
      arrivals: outside,
      scope: "digest",
      duplicateIds: duplicates,
      digest,
      // PUBLIC_URL alone gives the dashboard's address (no LINK_SECRET needed); /healthz says what to set.
      dashboard: deps.publicOrigin,
    });
  const stored = stamp ? (JSON.parse(stamp) as { today: string; version?: string }) : null;
  const noRows = ledgerFromSummary({
    rows: [],
    context,
    today: stored?.today ?? run.today,
    problems: [],
  });
  // Which digests are due and not sent yet depends on the small tabs (周报接收人, the calendar) and
  // the outbox, not on the rows: most days none is, and without arrivals the rows are not read.
  const keysWithoutArrivals = arrivals.length === 0 ? await keysAbout([]) : null;
  if (keysWithoutArrivals) {
    const withoutRows = plan(noRows, [], keysWithoutArrivals);
    if (withoutRows.notices.length === 0) return keep(deps, run, withoutRows);
  }
  // The digest's figures as the sync's finish stored them for today's rows (none when no sync ran
  // since midnight, or the finish was of an older build), and which arrivals no row holds yet,
  // asked of D1's index: the 2,000 rows' facts are not read.
  const figures = stored?.today === run.today ? await loadDigestFigures(deps.meta, stored.version) : null;
  const held = figures ? await deps.summaries.idsHeld(arrivals.map((a) => a.suggestionId)) : null;
  if (figures && held) {
    const outside = arrivals.filter((a) => !held.has(a.suggestionId));
    const keys = outside.length === 0 && keysWithoutArrivals ? keysWithoutArrivals : await keysAbout(outside);
    return keep(deps, run, plan(noRows, outside, keys, figures));
  }
  const view = await loadLedgerView(deps, run.today, "facts", { problems: false });
  const inLedger = new Set(view.evaluation.rows.flatMap((r) => (r.id ? [r.id] : [])));
  const outside = arrivals.filter((a) => !inLedger.has(a.suggestionId));
  return keep(deps, run, plan(view.evaluation, outside, await keysAbout(outside)), view.evaluation.rows);
}

/** A step's outcome for the log: hundreds of unreachable notices are counted, a few shown (/notices lists all). */
export function compactOutcome(outcome: StepOutcome) {
  return {
    ...outcome,
    unreachable: outcome.unreachable.length,
    unreachableSample: outcome.unreachable.slice(0, 5),
  };
}
