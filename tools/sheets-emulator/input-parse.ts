import { parseUserDate } from "./dates";
import { badRequest } from "./errors";
import { parseCached } from "./formula-eval";
import { FormulaError } from "./formula-values";
import type { CellModel, ExtendedValue, Json } from "./types";

export const VALUE_INPUT_OPTIONS = ["RAW", "USER_ENTERED"] as const;
export type ValueInputOption = (typeof VALUE_INPUT_OPTIONS)[number];

export interface ParsedInput {
  /** undefined clears the value ("" does that in both input modes). */
  value?: ExtendedValue;
  /** The format Sheets remembers for typed dates, percentages, grouped numbers… */
  numberFormat?: { type: string; pattern: string };
}

/** Google's per-cell limit (Drive "Files you can store": 50,000 characters in a single cell). */
export const MAX_CELL_CHARACTERS = 50_000;

/** Google's answer to a longer entry, whichever method wrote it. */
export function assertCellLength(text: string): void {
  if (text.length > MAX_CELL_CHARACTERS) {
    throw badRequest(
      `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
    );
  }
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const CURRENCY = /^(-?)\$(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** Parses text as the Sheets UI does for locale en_US; undefined when it stays text. */
function parseTyped(text: string): ParsedInput | undefined {
  const t = text.trim();
  const upper = t.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: { boolValue: upper === "TRUE" } };
  if (PLAIN_NUMBER.test(t)) return { value: { numberValue: Number(t) } };
  if (GROUPED_NUMBER.test(t)) {
    const decimals = t.includes(".") ? ".00" : "";
    return {
      value: { numberValue: Number(t.replaceAll(",", "")) },
      numberFormat: { type: "NUMBER", pattern: `#,##0${decimals}` },
    };
  }
  const pct = PERCENT.exec(t);
  if (pct) {
    const decimals = (pct[1] ?? "").includes(".") ? ".00" : "";
    return {
      value: { numberValue: Number(pct[1]) / 100 },
      numberFormat: { type: "PERCENT", pattern: `0${decimals}%` },
    };
  }
  const cur = CURRENCY.exec(t);
  if (cur) {
    const amount = Number(`${cur[2] ?? ""}${cur[4] ?? ""}`.replaceAll(",", ""));
    return {
      value: { numberValue: cur[1] === "-" ? -amount : amount },
      numberFormat: { type: "CURRENCY", pattern: '"$"#,##0.00' },
    };
  }
  const date = parseUserDate(t);
  if (date)
    return { value: { numberValue: date.serial }, numberFormat: { type: date.type, pattern: date.pattern } };
  return undefined;
}

/**
 * Turns one input value into what a cell stores. RAW keeps everything verbatim (a string that looks
 * like a formula or a number stays a string). USER_ENTERED parses like typing into the UI: "=…" is a
 * formula, "+…" is a formula when what follows is one, a leading ' forces text (and is dropped),
 * numbers, TRUE/FALSE and dates are recognised. Returns "skip" for null, which leaves the cell alone.
 */
export function parseInput(raw: Json, option: ValueInputOption): ParsedInput | "skip" {
  if (raw === null) return "skip";
  if (typeof raw === "boolean") return { value: { boolValue: raw } };
  if (typeof raw === "number") return { value: { numberValue: raw } };
  if (typeof raw !== "string") throw new TypeError("values must be strings, numbers, booleans or null");
  if (raw === "") return {};
  assertCellLength(raw);
  if (option === "RAW") return { value: { stringValue: raw } };
  if (raw.startsWith("'")) {
    const rest = raw.slice(1);
    return rest === "" ? {} : { value: { stringValue: rest } };
  }
  if (raw.startsWith("=") && raw.length > 1) return { value: { formulaValue: raw } };
  const typed = parseTyped(raw);
  if (typed) return typed;
  if (raw.startsWith("+") && raw.length > 1 && !(parseCached(raw.slice(1)) instanceof FormulaError)) {
    return { value: { formulaValue: `=${raw}` } };
  }
  return { value: { stringValue: raw } };
}

/** Stores a parsed input in a cell; an explicit number format already on the cell wins, as in Sheets. */
export function applyInput(cell: CellModel, input: ParsedInput): void {
  if (input.value) cell.userEnteredValue = input.value;
  else delete cell.userEnteredValue;
  const existing = cell.userEnteredFormat?.numberFormat;
  if (input.numberFormat && existing === undefined) {
    cell.userEnteredFormat = { ...(cell.userEnteredFormat ?? {}), numberFormat: { ...input.numberFormat } };
  }
}
