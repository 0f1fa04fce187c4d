import { fixedOffsetAt } from "../domain/time-zones";

/**
 * Local dates and times of an instant in the office's time zone (设置 时区): China's zones by their
 * fixed offset (src/domain/time-zones.ts), others, and instants before 1992, through Intl, whose
 * formatters are made once per zone and kind and kept for the isolate's life.
 */

/** The instant's wall-clock time in the zone, as the UTC fields of a Date; null: ask Intl. */
function shifted(nowMs: number, timeZone: string): Date | null {
  const offset = fixedOffsetAt(timeZone, nowMs);
  return offset === null ? null : new Date(nowMs + offset * 60_000);
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

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
  const local = shifted(nowMs, timeZone);
  return local ? ymd(local) : formatter("date", timeZone).format(new Date(nowMs));
}

/** The local hour (0–23) at `nowMs` in a time zone. */
export function localHour(nowMs: number, timeZone: string): number {
  const local = shifted(nowMs, timeZone);
  return local ? local.getUTCHours() : Number(formatter("hour", timeZone).format(new Date(nowMs)));
}

/** "YYYY-MM-DD HH:mm", local time of an instant in a time zone (通知记录 时间, dashboard times). */
export function localDateTime(nowMs: number, timeZone: string): string {
  const local = shifted(nowMs, timeZone);
  if (local) return `${ymd(local)} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const parts = formatter("minute", timeZone).formatToParts(new Date(nowMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
