import type { Deps } from "../../deps";
import { continueSync, type SyncStep } from "./run-sync";

/** Backoff for a retried step: 15 s, 30 s, 60 s … capped at 5 minutes (a 429 needs a minute). */
function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 15 * 2 ** Math.max(0, attempts - 1));
}

function isStep(body: unknown): body is SyncStep {
  return typeof body === "object" && body !== null && "runId" in body && "step" in body;
}

/**
 * The sync queue's consumer: each message is one step of a run (a chunk, or the finish), one per
 * invocation. A retryable failure (quota, Google unavailable) is retried with backoff; the step
 * does its work once however often it is delivered.
 */
export async function consumeSync(batch: MessageBatch<unknown>, deps: Deps): Promise<void> {
  for (const message of batch.messages) {
    if (!isStep(message.body)) {
      message.ack();
      continue;
    }
    try {
      const result = await continueSync(deps, message.body, Date.now(), message.id);
      if (result)
        console.log(
          JSON.stringify({ level: result.outcome === "failed" ? "error" : "info", job: "sync", ...result }),
        );
      message.ack();
    } catch (error) {
      console.warn(
        JSON.stringify({ level: "warn", queue: batch.queue, step: message.body, error: String(error) }),
      );
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/** Steps that kept failing: their run ends as failed (the lease freed), so the next cron starts afresh. */
export async function consumeSyncDeadLetters(batch: MessageBatch<unknown>, deps: Deps): Promise<void> {
  const runIds = new Set(
    batch.messages
      .map((m) => m.body)
      .filter(isStep)
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
      error: "同步的一段多次失败，已转入死信队列；下次定时同步会重新开始",
      summary: null,
    });
    await deps.runs.forgetWork(runId);
    await deps.lease.release("sync", `sync-${runId}`);
  }
  console.error(JSON.stringify({ level: "error", queue: batch.queue, failedRuns: [...runIds] }));
  batch.ackAll();
}
