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

/** "YYYY-MM-DD HH:mm", local time of an instant in a time zone (通知记录 时间, dashboard times). */
export function localDateTime(nowMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
