import { createDeps } from "./deps";
import type { Env } from "./env";
import { consumeJobDeadLetters, consumeJobs } from "./jobs/consume-jobs";
import type { IntakeMessage } from "./jobs/intake/accept-submission";
import { applyInbox } from "./jobs/intake/apply-inbox";
import { consumeNoticeDeadLetters, consumeNotices } from "./jobs/notices/consume";

/** Backoff for a retried message: 10 s, 20 s, 40 s … capped at 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, attempts - 1));
}

function isIntakeMessage(body: unknown): body is IntakeMessage {
  return typeof body === "object" && body !== null && "form" in body && "submissionId" in body;
}

async function consumeIntake(batch: MessageBatch<unknown>, env: Env) {
  const messages = batch.messages.filter((m) => isIntakeMessage(m.body));
  for (const m of batch.messages) if (!isIntakeMessage(m.body)) m.ack(); // not ours: nothing to apply
  const result = await applyInbox(
    createDeps(env),
    messages.map((m) => m.body as IntakeMessage),
    Date.now(),
  );
  if (result.outcome === "ok") {
    for (const m of messages) m.ack();
    return;
  }
  console.warn(JSON.stringify({ level: "warn", queue: batch.queue, ...result }));
  if (result.outcome === "failed" && !result.retryable) {
    // Recorded in the inbox (shown in 校验问题); the sync queues it again once staff fixed the cause.
    for (const m of messages) m.ack();
    return;
  }
  // Busy or failing for now: retry with backoff; after max_retries the dead-letter queue keeps
  // them, and the inbox row stays outstanding so the next sync queues it again.
  for (const m of messages) m.retry({ delaySeconds: retryDelaySeconds(m.attempts) });
}

async function consumeIntakeDeadLetters(batch: MessageBatch<unknown>, env: Env) {
  const deps = createDeps(env);
  const keys = batch.messages.map((m) => m.body).filter(isIntakeMessage);
  const entries = await deps.inbox.load(keys);
  const pending = entries.filter((e) => e.status !== "applied");
  await deps.inbox.mark(
    pending,
    "failed",
    new Date().toISOString(),
    "多次写入表格失败，已转入死信队列；下次同步会再次尝试",
  );
  console.error(JSON.stringify({ level: "error", queue: batch.queue, deadLetters: pending.length }));
  batch.ackAll();
}

/** Queue entry point: routes a batch to its consumer by queue name. */
export async function queue(batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext) {
  if (batch.queue.endsWith("jobs")) return consumeJobs(batch, createDeps(env));
  if (batch.queue.endsWith("jobs-dlq")) return consumeJobDeadLetters(batch, createDeps(env));
  if (batch.queue.endsWith("intake")) return consumeIntake(batch, env);
  if (batch.queue.endsWith("intake-dlq")) return consumeIntakeDeadLetters(batch, env);
  if (batch.queue.endsWith("notices")) return void (await consumeNotices(batch, createDeps(env)));
  if (batch.queue.endsWith("notices-dlq"))
    return void (await consumeNoticeDeadLetters(batch, createDeps(env)));
  console.warn(JSON.stringify({ level: "warn", message: `no consumer yet for ${batch.queue}` }));
  batch.retryAll({ delaySeconds: 60 });
}
