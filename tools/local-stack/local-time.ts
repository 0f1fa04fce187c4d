const pad = (n: number) => String(n).padStart(2, "0");

/** `ms` as the operator's clock shows it, e.g. 2026-03-02 14:07:09 (the machine's time zone). */
export function localTime(ms: number): string {
  const d = new Date(ms);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
