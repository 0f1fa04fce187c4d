import type { Evaluator } from "./formula-eval";
import { errorType, FormulaError, type Scalar } from "./formula-values";
import { getCell } from "./grid";
import { formatNumber, isDateFormat, type NumberFormat, numberFormatOf } from "./number-format";
import type { EffectiveValue, Json, SheetModel } from "./types";

export const VALUE_RENDER_OPTIONS = ["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"] as const;
export const DATE_TIME_RENDER_OPTIONS = ["SERIAL_NUMBER", "FORMATTED_STRING"] as const;
export type ValueRenderOption = (typeof VALUE_RENDER_OPTIONS)[number];
export type DateTimeRenderOption = (typeof DATE_TIME_RENDER_OPTIONS)[number];

export interface RenderOptions {
  valueRenderOption: ValueRenderOption;
  dateTimeRenderOption: DateTimeRenderOption;
}

export const DEFAULT_RENDER: RenderOptions = {
  valueRenderOption: "FORMATTED_VALUE",
  dateTimeRenderOption: "SERIAL_NUMBER",
};

/** The cell's own number format, or the one Sheets infers for a formula (=TODAY(), =B2+7). */
function formatFor(ev: Evaluator, sheet: SheetModel, r: number, c: number): NumberFormat | undefined {
  const cell = getCell(sheet, r, c);
  const own = numberFormatOf(cell);
  if (own) return own;
  const formula = cell?.userEnteredValue?.formulaValue;
  return formula !== undefined ? ev.impliedFormat(sheet, formula) : undefined;
}

function scalarText(value: Scalar, format: NumberFormat | undefined): string | undefined {
  if (value === null) return undefined;
  if (value instanceof FormulaError) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value, format);
  return value;
}

export function effectiveValue(
  ev: Evaluator,
  sheet: SheetModel,
  r: number,
  c: number,
): EffectiveValue | undefined {
  const value = ev.cellValue(sheet, r, c);
  if (value === null) return undefined;
  if (value instanceof FormulaError)
    return { errorValue: { type: errorType(value.code), message: value.message } };
  if (typeof value === "number") return { numberValue: value };
  if (typeof value === "boolean") return { boolValue: value };
  return { stringValue: value };
}

export function formattedValue(ev: Evaluator, sheet: SheetModel, r: number, c: number): string | undefined {
  return scalarText(ev.cellValue(sheet, r, c), formatFor(ev, sheet, r, c));
}

/**
 * One cell as values.get returns it (§1.4-8): FORMATTED_VALUE gives strings, UNFORMATTED_VALUE gives
 * numbers/booleans (dates as serials unless FORMATTED_STRING), FORMULA gives the formula text.
 * undefined means "empty" so the caller can trim trailing blanks.
 */
export function renderCell(
  ev: Evaluator,
  sheet: SheetModel,
  r: number,
  c: number,
  options: RenderOptions,
): Json | undefined {
  const uev = getCell(sheet, r, c)?.userEnteredValue;
  if (!uev) return undefined;
  if (options.valueRenderOption === "FORMULA" && uev.formulaValue !== undefined) return uev.formulaValue;
  const value = ev.cellValue(sheet, r, c);
  const format = formatFor(ev, sheet, r, c);
  if (options.valueRenderOption === "FORMATTED_VALUE") {
    const text = scalarText(value, format);
    return text === "" ? undefined : text;
  }
  if (value === null) return undefined;
  if (value instanceof FormulaError) return value.code;
  if (typeof value === "number") {
    if (options.dateTimeRenderOption === "FORMATTED_STRING" && isDateFormat(format)) {
      return formatNumber(value, format);
    }
    return value;
  }
  return value === "" ? undefined : value;
}
