import { formatDate } from "./date-format";
import type { CellModel } from "./types";
import { isJsonObject } from "./types";

export interface NumberFormat {
  type: string;
  pattern?: string;
}

const DATE_TYPES = new Set(["DATE", "TIME", "DATE_TIME"]);

/** Patterns Sheets uses for a type when the format names no pattern (en_US). */
const DEFAULT_PATTERNS: Record<string, string> = {
  NUMBER: "#,##0.00",
  PERCENT: "0.00%",
  CURRENCY: '"$"#,##0.00',
  SCIENTIFIC: "0.00E+00",
  DATE: "M/d/yyyy",
  TIME: "h:mm:ss am/pm",
  DATE_TIME: "M/d/yyyy H:mm:ss",
};

export function numberFormatOf(cell: CellModel | undefined): NumberFormat | undefined {
  const nf = cell?.userEnteredFormat?.numberFormat;
  if (!isJsonObject(nf) || typeof nf.type !== "string") return undefined;
  return typeof nf.pattern === "string" && nf.pattern.length > 0
    ? { type: nf.type, pattern: nf.pattern }
    : { type: nf.type };
}

export function isDateFormat(format: NumberFormat | undefined): boolean {
  return format !== undefined && DATE_TYPES.has(format.type);
}

/** A number as Sheets shows it under a cell's format (spreadsheet locale en_US). */
export function formatNumber(value: number, format: NumberFormat | undefined): string {
  if (!format || format.type === "TEXT" || format.type === "NUMBER_FORMAT_TYPE_UNSPECIFIED") {
    return formatAutomatic(value);
  }
  const pattern = format.pattern ?? DEFAULT_PATTERNS[format.type];
  if (!pattern) return formatAutomatic(value);
  return DATE_TYPES.has(format.type) ? formatDate(value, pattern) : formatWithPattern(value, pattern);
}

/**
 * The automatic format: integers in full, fractions to 10 significant digits ("= 1 / 1024" →
 * "0.0009765625", 1/3 → "0.3333333333"), exponent form for very large or small magnitudes.
 */
export function formatAutomatic(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(10));
  const text = String(rounded);
  if (!text.includes("e")) return text;
  const [mantissa = "", exponent = "0"] = rounded.toExponential().split("e");
  const exp = Number(exponent);
  const m = Number(Number(mantissa).toPrecision(6));
  return `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function splitSections(pattern: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of pattern) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

export function formatWithPattern(value: number, pattern: string): string {
  const sections = splitSections(pattern);
  if (value < 0 && sections[1] !== undefined) return renderSection(-value, sections[1], "");
  if (value === 0 && sections[2] !== undefined) return renderSection(0, sections[2], "");
  return renderSection(Math.abs(value), sections[0] ?? "", value < 0 ? "-" : "");
}

function renderSection(value: number, section: string, sign: string): string {
  let prefix = "";
  let suffix = "";
  let numeric = "";
  let percent = 0;
  const emit = (text: string) => {
    if (numeric.length > 0) suffix += text;
    else prefix += text;
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      emit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      emit(section[i + 1] ?? "");
      i += 1;
    } else if (ch === "_" || ch === "*") {
      i += 1; // padding directives: width-only in the UI
    } else if ("0#?.,".includes(ch) && suffix.length === 0) {
      numeric += ch;
    } else {
      if (ch === "%") percent += 1;
      emit(ch);
    }
  }
  if (numeric.length === 0) return `${sign}${prefix}${suffix}`;
  const scaled = value * 100 ** percent;
  const [intSpec = "", decSpec] = numeric.split(".");
  const minInt = (intSpec.match(/0/g) ?? []).length;
  const minDec = (decSpec?.match(/0/g) ?? []).length;
  const maxDec = (decSpec?.match(/[0#?]/g) ?? []).length;
  let [intText = "0", fracText = ""] = scaled.toFixed(maxDec).split(".");
  while (fracText.length > minDec && fracText.endsWith("0")) fracText = fracText.slice(0, -1);
  if (intText === "0" && minInt === 0) intText = "";
  intText = intText.padStart(minInt, "0");
  if (intSpec.includes(",")) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = fracText.length > 0 ? `${intText}.${fracText}` : intText;
  return `${sign}${prefix}${number}${suffix}`;
}
