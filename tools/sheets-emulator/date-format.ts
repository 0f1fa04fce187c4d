import { partsFromSerial } from "./dates";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

interface DateToken {
  kind: "literal" | "y" | "M" | "m" | "d" | "h" | "H" | "s" | "ampm";
  text: string;
}

function tokenizeDate(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const rest = pattern.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: "ampm", text: ampm[0] });
      i += ampm[0].length;
      continue;
    }
    const ch = pattern[i] ?? "";
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      tokens.push({ kind: "literal", text: pattern.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (ch === "\\") {
      tokens.push({ kind: "literal", text: pattern[i + 1] ?? "" });
      i += 2;
      continue;
    }
    const run = /^(y+|Y+|M+|m+|d+|D+|h+|H+|s+|S+)/.exec(rest);
    if (run) {
      const first = run[0][0] ?? "";
      const kind = first === "M" ? "M" : first === "H" ? "H" : (first.toLowerCase() as DateToken["kind"]);
      tokens.push({ kind, text: run[0] });
      i += run[0].length;
      continue;
    }
    tokens.push({ kind: "literal", text: ch });
    i += 1;
  }
  return tokens;
}

/** Renders a serial with a date/time pattern; lowercase m next to h or s means minutes. */
export function formatDate(serial: number, pattern: string): string {
  const p = partsFromSerial(serial);
  const tokens = tokenizeDate(pattern);
  const twelveHour = tokens.some((t) => t.kind === "ampm");
  const out: string[] = [];
  tokens.forEach((token, index) => {
    const n = token.text.length;
    switch (token.kind) {
      case "literal":
        out.push(token.text);
        break;
      case "y":
        out.push(n <= 2 ? String(p.year % 100).padStart(2, "0") : String(p.year));
        break;
      case "M":
      case "m": {
        const prev = tokens
          .slice(0, index)
          .reverse()
          .find((t) => t.kind !== "literal");
        const next = tokens.slice(index + 1).find((t) => t.kind !== "literal");
        const minute =
          token.kind === "m" && n <= 2 && (prev?.kind === "h" || prev?.kind === "H" || next?.kind === "s");
        if (minute) out.push(n === 2 ? String(p.minutes).padStart(2, "0") : String(p.minutes));
        else out.push(monthText(p.month, n));
        break;
      }
      case "d":
        if (n >= 4) out.push(WEEKDAYS[p.weekday] ?? "");
        else if (n === 3) out.push((WEEKDAYS[p.weekday] ?? "").slice(0, 3));
        else out.push(n === 2 ? String(p.day).padStart(2, "0") : String(p.day));
        break;
      case "h":
      case "H": {
        const hours = twelveHour && token.kind === "h" ? ((p.hours + 11) % 12) + 1 : p.hours;
        out.push(n >= 2 ? String(hours).padStart(2, "0") : String(hours));
        break;
      }
      case "s":
        out.push(n >= 2 ? String(p.seconds).padStart(2, "0") : String(p.seconds));
        break;
      case "ampm": {
        const am = p.hours < 12;
        const text = token.text.toLowerCase() === "a/p" ? (am ? "a" : "p") : am ? "am" : "pm";
        // en_US Sheets prints the marker in capitals whatever the pattern's case.
        out.push(text.toUpperCase());
        break;
      }
    }
  });
  return out.join("");
}

function monthText(month: number, width: number): string {
  const name = MONTHS[month - 1] ?? "";
  if (width >= 5) return name.slice(0, 1);
  if (width === 4) return name;
  if (width === 3) return name.slice(0, 3);
  return width === 2 ? String(month).padStart(2, "0") : String(month);
}
