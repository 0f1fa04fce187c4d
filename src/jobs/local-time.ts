/**
 * Creating an Intl.DateTimeFormat costs about a millisecond (measured in workerd); a page formats
 * dozens of times. Formatters are made once per zone and kind, and kept for the isolate's life.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "date" | "hour" | "minute", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    // en-CA formats as YYYY-MM-DD; Intl does the zone arithmetic (DST included) for us.
    f =
      kind === "hour"
        ? new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" })
        : new Intl.DateTimeFormat("en-CA", {
            timeZone,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            ...(kind === "minute" ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
          });
    formatters.set(key, f);
  }
  return f;
}

/** The local calendar date ("YYYY-MM-DD") at `nowMs` in an IANA time zone (设置 时区). */
export function localDate(nowMs: number, timeZone: string): string {
  return formatter("date", timeZone).format(new Date(nowMs));
}

/** The local hour (0–23) at `nowMs` in a time zone. */
export function localHour(nowMs: number, timeZone: string): number {
  return Number(formatter("hour", timeZone).format(new Date(nowMs)));
}

/** "YYYY-MM-DD HH:mm", local time of an instant in a time zone (通知记录 时间, dashboard times). */
export function localDateTime(nowMs: number, timeZone: string): string {
  const parts = formatter("minute", timeZone).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
