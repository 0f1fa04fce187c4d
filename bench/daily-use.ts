/**
 * A county office's day on the Workers Free plan, from the measured invocations of
 * bench/free-plan.ts and stated assumptions about the day: Workers requests, Queues operations,
 * D1 rows read and written, against the plan's daily limits.
 */
import type { InvocationFigures } from "./free-plan";

/** The Free plan's daily limits (developers.cloudflare.com: Workers, D1 and Queues limits pages). */
export const FREE_DAILY = {
  requests: 100_000,
  d1RowsRead: 5_000_000,
  d1RowsWritten: 100_000,
  queueOperations: 10_000,
} as const;

/** What a day holds besides the crons (an office's busy day). */
export const DAY = {
  syncsPerDay: 144, // every 10 minutes; the first of a new day checks every row again
  /** Syncs after staff typed into the ledger (each also makes the next sync check that chunk again). */
  editedSyncs: 10,
  noticeTicks: 24,
  pageViews: 300,
  submissions: 60, // new suggestions, replies and ratings by form
  intakeBatches: 10,
  noticesSent: 40,
  /**
   * Google's access token minted ahead by a job step of its own (src/jobs/sync/token-step.ts): the
   * first 10-minute tick within 20 minutes of a token's hour renews it, one every 40 minutes.
   */
  tokenRenewals: 36,
} as const;

/** Each message is written, read and deleted: 3 operations (per 64 KB). */
const OPS_PER_MESSAGE = 3;

export interface DailyUseRow {
  resource: string;
  "per day": number;
  "Free plan limit": number;
  "share of limit": string;
}

function sum(rows: readonly InvocationFigures[], pick: (f: InvocationFigures) => number): number {
  return rows.reduce((n, f) => n + pick(f), 0);
}

const INTAKE_BATCH = /^intake: batch of (\d+) (new suggestions|replies)$/;

/** The bench's intake batches of new suggestions and of replies at their largest size (the queue's max_batch_size). */
export function fullIntakeBatches(figures: readonly InvocationFigures[]): InvocationFigures[] {
  const sized = figures.flatMap((f) => {
    const size = Number(INTAKE_BATCH.exec(f.what)?.[1] ?? 0);
    return size > 0 ? [{ f, size }] : [];
  });
  const largest = Math.max(0, ...sized.map((s) => s.size));
  return sized.filter((s) => s.size === largest).map((s) => s.f);
}

export function dailyUse(figures: readonly InvocationFigures[]): DailyUseRow[] {
  const starting = (prefix: string) => figures.filter((f) => f.what.startsWith(prefix));
  const quiet = starting("sync nothing changed");
  const edited = starting("sync after a reply typed");
  const settled = starting("sync the sync after that");
  // The day's first sync, as measured: every chunk checked and stored for the new day, the finish
  // working everything out again.
  const full = starting("sync a new day");
  const pages = starting("page ");
  const cold = pages.filter((f) => f.what.includes("first after"));
  const warm = pages.filter((f) => f.what.includes("(again)"));
  const tick = starting("notices: hourly cron");
  const part = starting("notices: one part");
  const digest = starting("notices: digest");
  const accept = starting("webhook:");
  // Measured once, in the office's first sync (the only run that finds no token kept).
  const token = figures.filter((f) => f.what.endsWith("Google's access token minted"));
  // The day's batches as the bench's full batches of new suggestions and of replies (its batches of
  // one and five replies measure what an invocation costs before its entries): more than a day's
  // sixty submissions in ten batches carry, so the day is not understated.
  const batches = fullIntakeBatches(figures);
  // The day's notices go out in full batches of the notices consumer, each logged by a job step, as measured.
  const noticeBatches = starting("notices: a batch of");
  const noticeLogs = starting("notices: that batch logged");
  const noticesPerBatch = Number(/a batch of (\d+)/.exec(noticeBatches[0]?.what ?? "")?.[1] ?? 0);
  const noticeBatchCount =
    noticesPerBatch > 0 ? Math.ceil(DAY.noticesSent / noticesPerBatch) : DAY.noticesSent;
  const parts = Number(/median of (\d+)/.exec(part[0]?.what ?? "")?.[1] ?? 0);
  const avg = (rows: readonly InvocationFigures[], pick: (f: InvocationFigures) => number) =>
    rows.length === 0 ? 0 : sum(rows, pick) / rows.length;

  // A page view is cold when a sync changed the ledger since the isolate last parsed it: say one in five.
  const pageUse = (pick: (f: InvocationFigures) => number) =>
    DAY.pageViews * (0.2 * avg(cold, pick) + 0.8 * avg(warm, pick));
  const quietSyncs = DAY.syncsPerDay - 1 - 2 * DAY.editedSyncs;
  const use = (pick: (f: InvocationFigures) => number) =>
    quietSyncs * sum(quiet, pick) +
    DAY.editedSyncs * (sum(edited, pick) + sum(settled, pick)) +
    sum(full, pick) +
    DAY.noticeTicks * sum(tick, pick) +
    parts * sum(part, pick) +
    sum(digest, pick) +
    DAY.tokenRenewals * sum(token, pick) +
    pageUse(pick) +
    DAY.submissions * avg(accept, pick) +
    DAY.intakeBatches * avg(batches, pick) +
    (noticesPerBatch > 0 ? noticeBatchCount * (avg(noticeBatches, pick) + avg(noticeLogs, pick)) : 0);

  const requests =
    quietSyncs * quiet.length +
    DAY.editedSyncs * (edited.length + settled.length) +
    full.length +
    DAY.noticeTicks +
    parts +
    1 +
    DAY.tokenRenewals +
    DAY.pageViews +
    DAY.submissions +
    DAY.intakeBatches +
    2 * noticeBatchCount; // each batch's consumer invocation and its log step
  // Queue messages: every step of a sync but its plan (the cron), every step of the notices run,
  // each token renewal, each submission, each notice sent, each batch's log step.
  const messages =
    quietSyncs * (quiet.length - 1) +
    DAY.editedSyncs * (edited.length - 1 + settled.length - 1) +
    (full.length - 1) +
    parts +
    1 +
    DAY.tokenRenewals +
    DAY.submissions +
    DAY.noticesSent +
    noticeBatchCount;
  const rows: [string, number, number][] = [
    ["Workers requests (every invocation)", requests, FREE_DAILY.requests],
    ["Queues operations (3 a message)", messages * OPS_PER_MESSAGE, FREE_DAILY.queueOperations],
    ["D1 rows read", use((f) => f["D1 rows read"]), FREE_DAILY.d1RowsRead],
    ["D1 rows written", use((f) => f["D1 rows written"]), FREE_DAILY.d1RowsWritten],
  ];
  return rows.map(([resource, perDay, limit]) => ({
    resource,
    "per day": Math.round(perDay),
    "Free plan limit": limit,
    "share of limit": `${((100 * perDay) / limit).toFixed(1)}%`,
  }));
}

export function printDailyUse(rows: readonly DailyUseRow[]): void {
  console.log(
    `\nA day of a 2,000-row office (sync every 10 min, ${DAY.editedSyncs} of them after a staff edit, notices hourly, ${DAY.pageViews} page views, ${DAY.submissions} form submissions, ${DAY.noticesSent} notices sent)`,
  );
  console.table(rows);
}
