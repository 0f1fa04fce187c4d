import { jobForCron } from "./cron";
import { createDeps } from "./deps";
import type { Env } from "./env";
import { runNoticesTick } from "./jobs/notices/tick";
import { syncTick } from "./jobs/sync/token-step";

/** Cron entry point: maps the trigger to its job and logs the job's summary. */
export async function scheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
  const job = jobForCron(controller.cron);
  if (!job) {
    console.warn(JSON.stringify({ level: "warn", message: `no job for cron ${controller.cron}` }));
    return;
  }
  if (job === "sync") {
    const result = await syncTick(createDeps(env), "cron", controller.scheduledTime);
    console.log(JSON.stringify({ level: result.outcome === "failed" ? "error" : "info", job, ...result }));
  }
  if (job === "notices") {
    const result = await runNoticesTick(createDeps(env), controller.scheduledTime);
    const level = result.daily.outcome === "failed" || result.log.outcome === "failed" ? "error" : "info";
    console.log(JSON.stringify({ level, job, ...result }));
  }
}
