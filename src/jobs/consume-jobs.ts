import type { Deps } from "../deps";
import { isNoticeLogStep, type NoticeLogStep, runNoticeLogStep } from "./notices/log-step";
import { compactOutcome } from "./notices/plan-steps";
import { continueDailyNotices, isNoticesStep, type NoticesStep } from "./notices/run-daily";
import { continueSync, type SyncStep, startSync } from "./sync/run-sync";
import {
  isSyncStartStep,
  isTokenStep,
  runTokenStep,
  type SyncStartStep,
  type TokenStep,
} from "./sync/token-step";

/** Backoff for a retried step: 15 s, 30 s, 60 s … capped at 5 minutes (a 429 needs a minute). */
function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 15 * 2 ** Math.max(0, attempts - 1));
}

function isSyncStep(body: unknown): body is SyncStep {
  return typeof body === "object" && body !== null && "runId" in body && "step" in body;
}

/** What the job queue carries: a step of a sync run or a notices run, a notices log, a token, a sync's start. */
export type JobStep = SyncStep | NoticesStep | NoticeLogStep | TokenStep | SyncStartStep;

const isJobStep = (body: unknown): body is JobStep =>
  isSyncStep(body) ||
  isNoticesStep(body) ||
  isNoticeLogStep(body) ||
  isTokenStep(body) ||
  isSyncStartStep(body);

async function runStep(deps: Deps, body: JobStep, messageId: string): Promise<void> {
  if (isTokenStep(body)) {
    const outcome = await runTokenStep(deps, body);
    console.log(JSON.stringify({ level: outcome.error ? "warn" : "info", job: "token", ...outcome }));
    return;
  }
  if (isSyncStartStep(body)) {
    const result = await startSync(deps, body.trigger, Date.now());
    console.log(
      JSON.stringify({ level: result.outcome === "failed" ? "error" : "info", job: "sync", ...result }),
    );
    return;
  }
  if (isNoticeLogStep(body)) {
    const log = await runNoticeLogStep(deps, Date.now(), body);
    console.log(
      JSON.stringify({ level: log.outcome === "failed" ? "warn" : "info", job: "notice-log", ...log }),
    );
    return;
  }
  if (isNoticesStep(body)) {
    const outcome = await continueDailyNotices(deps, body);
    console.log(
      JSON.stringify({ level: "info", job: "notices", step: body.step, ...compactOutcome(outcome) }),
    );
    return;
  }
  const result = await continueSync(deps, body, Date.now(), messageId);
  if (result)
    console.log(
      JSON.stringify({ level: result.outcome === "failed" ? "error" : "info", job: "sync", ...result }),
    );
}

/**
 * The job queue's consumer: each message is one step of a long job, one per invocation so each
 * has the Free plan's CPU to itself: a sync run's chunk or finish, a daily notices run's part or
 * digest, the notices log after a batch of notices, Google's access token minted ahead. A retryable failure (quota, Google
 * unavailable) is retried with backoff; a step does its work once however often it is delivered.
 */
export async function consumeJobs(batch: MessageBatch<unknown>, deps: Deps): Promise<void> {
  for (const message of batch.messages) {
    const body = message.body;
    if (!isJobStep(body)) {
      message.ack();
      continue;
    }
    try {
      await runStep(deps, body, message.id);
      message.ack();
    } catch (error) {
      console.warn(
        JSON.stringify({ level: "warn", queue: batch.queue, step: message.body, error: String(error) }),
      );
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/**
 * What a sync run that lost a step says on /healthz and the dashboard. A step that fails every time
 * on the Workers Free plan is usually one stopped for its CPU (error 1102), which no retry mends.
 */
export const SYNC_DEAD_LETTER =
  "同步的一步多次失败，已转入死信队列；下次定时同步会重新开始。若每次都停在同一步：请在 Cloudflare 控制台 Workers & Pages → jianyi → Logs 查看原因，" +
  "显示“超出 CPU 限制”（Exceeded CPU Limit，错误 1102）即免费套餐每次 10 毫秒 CPU 不够用，请改用 Workers Paid（见 docs/deploy.md）";

/**
 * Steps that kept failing: a sync run ends as failed (the lease freed), so the next cron starts
 * afresh; a notices run's lease is freed, so the next hourly tick plans again (what was planned
 * already is not planned twice: the outbox keys are unique).
 */
export async function consumeJobDeadLetters(batch: MessageBatch<unknown>, deps: Deps): Promise<void> {
  for (const step of batch.messages.map((m) => m.body).filter(isNoticesStep))
    await deps.lease.release("notices", step.holder);
  const runIds = new Set(
    batch.messages
      .map((m) => m.body)
      .filter(isSyncStep)
      .map((s) => s.runId),
  );
  for (const runId of runIds) {
    if ((await deps.runs.context(runId))?.outcome !== "running") continue;
    await deps.runs.finish(runId, new Date().toISOString(), {
      outcome: "failed",
      rows: 0,
      cellsWritten: 0,
      sheetsCalls: 0,
      problems: 0,
      error: SYNC_DEAD_LETTER,
      // Its message says what follows: no "会自动重试" beside it (failedRunRetries), a CPU limit mends by no retry.
      summary: { retryable: false },
    });
    await deps.runs.forgetWork(runId);
    await deps.lease.release("sync", `sync-${runId}`);
  }
  console.error(JSON.stringify({ level: "error", queue: batch.queue, failedSyncRuns: [...runIds] }));
  batch.ackAll();
}
