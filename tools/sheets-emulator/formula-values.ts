/** Values flowing through the formula evaluator. null is an empty cell. */
export class FormulaError {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export type Scalar = number | string | boolean | null | FormulaError;

export interface RangeValue {
  kind: "range";
  rows: Scalar[][];
}

export type Value = Scalar | RangeValue;

export function isRange(v: Value): v is RangeValue {
  return typeof v === "object" && v !== null && !(v instanceof FormulaError);
}

export const valueError = (message = "Function expects a number value."): FormulaError =>
  new FormulaError("#VALUE!", message);

/** The errorValue.type Google reports for each error code. */
const ERROR_TYPES: Record<string, string> = {
  "#DIV/0!": "DIVIDE_BY_ZERO",
  "#VALUE!": "VALUE",
  "#REF!": "REF",
  "#NAME?": "NAME",
  "#NUM!": "NUM",
  "#N/A": "N_A",
  "#NULL!": "NULL_VALUE",
  "#ERROR!": "ERROR",
};

export function errorType(code: string): string {
  return ERROR_TYPES[code] ?? "ERROR";
}

/** A range used where one value is expected: a single cell gives its value, anything larger is #VALUE!. */
export function toScalar(v: Value): Scalar {
  if (!isRange(v)) return v;
  const first = v.rows[0];
  if (v.rows.length === 1 && first?.length === 1) return first[0] ?? null;
  return valueError("An array value could not be found.");
}

export function toNumber(v: Value): number | FormulaError {
  const s = toScalar(v);
  if (s instanceof FormulaError) return s;
  if (s === null) return 0;
  if (typeof s === "number") return s;
  if (typeof s === "boolean") return s ? 1 : 0;
  const trimmed = s.trim();
  if (trimmed === "") return 0;
  const n = Number(trimmed.replaceAll(",", ""));
  return Number.isFinite(n)
    ? n
    : valueError(`Function expects number values. But '${s}' is a text and cannot be coerced to a number.`);
}

export function toText(v: Value): string | FormulaError {
  const s = toScalar(v);
  if (s instanceof FormulaError) return s;
  if (s === null) return "";
  if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
  return String(s);
}

export function toBool(v: Value): boolean | FormulaError {
  const s = toScalar(v);
  if (s instanceof FormulaError) return s;
  if (s === null) return false;
  if (typeof s === "boolean") return s;
  if (typeof s === "number") return s !== 0;
  const upper = s.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return valueError(
    `Function expects boolean values. But '${s}' is a text and cannot be coerced to a boolean.`,
  );
}

/** Every scalar inside the arguments, ranges flattened row by row. */
export function flatten(values: Value[]): Scalar[] {
  const out: Scalar[] = [];
  for (const v of values) {
    if (isRange(v)) for (const row of v.rows) out.push(...row);
    else out.push(v);
  }
  return out;
}

/** Sheets' ordering across types: numbers < text < booleans; text compares case-insensitively. */
export function compareScalars(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const x = a === null ? (typeof b === "string" ? "" : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : 0) : b;
  if (x instanceof FormulaError || y instanceof FormulaError) return 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const [lx, ly] = [x.toLowerCase(), y.toLowerCase()];
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  }
  return Number(x) - Number(y);
}
