import type { Scalar } from "../formula-values";
import { FormulaError } from "../formula-values";
import type { JsonObject, SheetModel } from "../types";
import { isJsonObject } from "../types";

function inRange(range: JsonObject, r: number, c: number): boolean {
  const n = (key: string, fallback: number) =>
    typeof range[key] === "number" ? (range[key] as number) : fallback;
  return (
    n("startRowIndex", 0) <= r &&
    r < n("endRowIndex", Number.POSITIVE_INFINITY) &&
    n("startColumnIndex", 0) <= c &&
    c < n("endColumnIndex", Number.POSITIVE_INFINITY)
  );
}

function operands(condition: JsonObject): string[] {
  const values = Array.isArray(condition.values) ? condition.values : [];
  return values.map((v) =>
    isJsonObject(v) && typeof v.userEnteredValue === "string" ? v.userEnteredValue : "",
  );
}

/** Whether a BooleanCondition holds for a cell; conditions the page cannot evaluate never match. */
function holds(condition: JsonObject, value: Scalar, text: string): boolean {
  const [a = "", b = ""] = operands(condition);
  const num = typeof value === "number" ? value : undefined;
  const lower = text.toLowerCase();
  switch (condition.type) {
    case "BLANK":
      return text === "";
    case "NOT_BLANK":
      return text !== "";
    case "TEXT_EQ":
      return text === a;
    case "TEXT_CONTAINS":
      return lower.includes(a.toLowerCase());
    case "TEXT_NOT_CONTAINS":
      return !lower.includes(a.toLowerCase());
    case "TEXT_STARTS_WITH":
      return lower.startsWith(a.toLowerCase());
    case "TEXT_ENDS_WITH":
      return lower.endsWith(a.toLowerCase());
    case "NUMBER_GREATER":
      return num !== undefined && num > Number(a);
    case "NUMBER_GREATER_THAN_EQ":
      return num !== undefined && num >= Number(a);
    case "NUMBER_LESS":
      return num !== undefined && num < Number(a);
    case "NUMBER_LESS_THAN_EQ":
      return num !== undefined && num <= Number(a);
    case "NUMBER_EQ":
      return num !== undefined && num === Number(a);
    case "NUMBER_NOT_EQ":
      return num === undefined || num !== Number(a);
    case "NUMBER_BETWEEN":
      return num !== undefined && num >= Number(a) && num <= Number(b);
    case "NUMBER_NOT_BETWEEN":
      return num !== undefined && (num < Number(a) || num > Number(b));
    default:
      return false;
  }
}

/** The format of the first boolean rule that applies to the cell, as Sheets shows it. */
export function conditionalFormat(
  sheet: SheetModel,
  r: number,
  c: number,
  value: Scalar,
  text: string,
): JsonObject | undefined {
  if (value instanceof FormulaError) return undefined;
  for (const rule of sheet.conditionalFormats) {
    const ranges = Array.isArray(rule.ranges) ? rule.ranges : [];
    if (!ranges.some((range) => isJsonObject(range) && inRange(range, r, c))) continue;
    const boolean = isJsonObject(rule.booleanRule) ? rule.booleanRule : undefined;
    if (!boolean || !isJsonObject(boolean.condition)) continue;
    if (holds(boolean.condition, value, text)) return isJsonObject(boolean.format) ? boolean.format : {};
  }
  return undefined;
}
