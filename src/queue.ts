import type { Env } from "./env";

/** Queue entry point: routes a batch to its consumer by queue name. */
export async function queue(batch: MessageBatch<unknown>, _env: Env, _ctx: ExecutionContext) {
  console.warn(JSON.stringify({ level: "warn", message: `no consumer yet for ${batch.queue}` }));
  batch.retryAll({ delaySeconds: 60 });
}
