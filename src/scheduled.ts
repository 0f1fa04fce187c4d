import { jobForCron } from "./cron";
import type { Env } from "./env";

/** Cron entry point: maps the trigger to its job. Jobs arrive with their issues (sync, notices). */
export async function scheduled(controller: ScheduledController, _env: Env, _ctx: ExecutionContext) {
  const job = jobForCron(controller.cron);
  if (!job) {
    console.warn(JSON.stringify({ level: "warn", message: `no job for cron ${controller.cron}` }));
    return;
  }
  console.log(JSON.stringify({ level: "info", message: `cron ${controller.cron}: ${job}` }));
}
