/**
 * The Worker's cron triggers. wrangler.toml lists the same strings (a unit test keeps them equal).
 * Notices run hourly and decide themselves whether it is 09:00 or later in 设置 时区, so an office
 * outside Asia/Shanghai needs no new trigger.
 */
export const CRON = {
  sync: "*/10 * * * *",
  notices: "0 * * * *",
} as const;

export type CronJob = keyof typeof CRON;

export function jobForCron(cron: string): CronJob | undefined {
  return (Object.keys(CRON) as CronJob[]).find((job) => CRON[job] === cron);
}
