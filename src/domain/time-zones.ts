/**
 * The time zones a Chinese office uses have had one fixed offset for decades (China dropped
 * daylight saving after 1991; Hong Kong, Macau and Taipei after 1979), so for any instant since
 * 1992 their local time is UTC plus that offset, and they need no Intl: creating the first
 * Intl.DateTimeFormat in an isolate cost about 17 ms of CPU in workerd (its time-zone data), more
 * than the Workers Free plan allows a whole invocation, and Cloudflare starts isolates often.
 */

/** Minutes east of UTC, for zones without daylight saving since 1992 (aliases included). */
const FIXED_OFFSETS: ReadonlyMap<string, number> = new Map([
  ["Asia/Shanghai", 480],
  ["Asia/Chongqing", 480],
  ["Asia/Chungking", 480],
  ["Asia/Harbin", 480],
  ["PRC", 480],
  ["Asia/Urumqi", 360],
  ["Asia/Kashgar", 360],
  ["Asia/Hong_Kong", 480],
  ["Hongkong", 480],
  ["Asia/Macau", 480],
  ["Asia/Macao", 480],
  ["Asia/Taipei", 480],
  ["ROC", 480],
  ["UTC", 0],
  ["Etc/UTC", 0],
]);

/** 1992-01-01T00:00:00Z: every zone above has kept its offset since. */
const FIXED_SINCE_MS = Date.UTC(1992, 0, 1);

/** The zone's offset at `atMs` in minutes east of UTC when it is one of these; else null (ask Intl). */
export function fixedOffsetAt(timeZone: string, atMs: number): number | null {
  const offset = FIXED_OFFSETS.get(timeZone);
  return offset === undefined || atMs < FIXED_SINCE_MS ? null : offset;
}

/** A zone known without Intl (a valid IANA name or alias). */
export function isFixedOffsetZone(timeZone: string): boolean {
  return FIXED_OFFSETS.has(timeZone);
}
