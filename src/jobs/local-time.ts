/** The local calendar date ("YYYY-MM-DD") at `nowMs` in an IANA time zone (设置 时区). */
export function localDate(nowMs: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD; Intl does the zone arithmetic (DST included) for us.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(nowMs));
}

/** The local hour (0–23) at `nowMs` in a time zone. */
export function localHour(nowMs: number, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(
    new Date(nowMs),
  );
  return Number(hour);
}
