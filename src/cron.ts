/**
 * The Worker's cron triggers. wrangler.toml lists the same strings (a unit test keeps them equal).
 * Notices run hourly and decide themselves whether it is between 09:00 and 18:00 in 设置 时区, so an office
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
