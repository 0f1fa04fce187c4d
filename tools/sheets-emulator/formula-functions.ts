import { partsFromSerial, serialFromParts, serialInTimeZone } from "./dates";
import type { Node } from "./formula-parser";
import {
  FormulaError,
  flatten,
  isRange,
  type Scalar,
  toBool,
  toNumber,
  toText,
  type Value,
  valueError,
} from "./formula-values";

export interface FunctionContext {
  evaluate(node: Node): Value;
  nowMs: number;
  /** The spreadsheet's `properties.timeZone`: TODAY() and NOW() are its wall clock. */
  timeZone: string;
}

type Fn = (args: Node[], ctx: FunctionContext) => Value;

const firstError = (values: Scalar[]): FormulaError | undefined =>
  values.find((v): v is FormulaError => v instanceof FormulaError);

/** Aggregates over the numbers in ranges; literal arguments are coerced, text in ranges is skipped. */
function numbersOf(args: Node[], ctx: FunctionContext): number[] | FormulaError {
  const out: number[] = [];
  for (const node of args) {
    const v = ctx.evaluate(node);
    if (isRange(v)) {
      const cells = flatten([v]);
      const err = firstError(cells);
      if (err) return err;
      for (const c of cells) if (typeof c === "number") out.push(c);
    } else {
      const n = toNumber(v);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}

const aggregate =
  (reduce: (ns: number[]) => number | FormulaError): Fn =>
  (args, ctx) => {
    const ns = numbersOf(args, ctx);
    return ns instanceof FormulaError ? ns : reduce(ns);
  };

const numeric =
  (arity: number, f: (...ns: number[]) => number | FormulaError): Fn =>
  (args, ctx) => {
    if (args.length < arity) return new FormulaError("#N/A", "Wrong number of arguments.");
    const ns: number[] = [];
    for (const node of args) {
      const n = toNumber(ctx.evaluate(node));
      if (n instanceof FormulaError) return n;
      ns.push(n);
    }
    return f(...ns);
  };

const textual =
  (f: (s: string, ...ns: number[]) => Value): Fn =>
  (args, ctx) => {
    const [first, ...rest] = args;
    if (!first) return new FormulaError("#N/A", "Wrong number of arguments.");
    const s = toText(ctx.evaluate(first));
    if (s instanceof FormulaError) return s;
    const ns: number[] = [];
    for (const node of rest) {
      const n = toNumber(ctx.evaluate(node));
      if (n instanceof FormulaError) return n;
      ns.push(n);
    }
    return f(s, ...ns);
  };

const roundTo = (mode: "round" | "up" | "down") =>
  numeric(1, (n, places = 0) => {
    const f = 10 ** Math.trunc(places);
    const scaled = Math.abs(n) * f;
    const r = mode === "round" ? Math.round(scaled) : mode === "up" ? Math.ceil(scaled) : Math.floor(scaled);
    return (Math.sign(n) * r) / f;
  });

const logical =
  (combine: (bs: boolean[]) => boolean): Fn =>
  (args, ctx) => {
    const bs: boolean[] = [];
    for (const v of flatten(args.map((a) => ctx.evaluate(a)))) {
      if (v === null) continue;
      const b = toBool(v);
      if (b instanceof FormulaError) return b;
      bs.push(b);
    }
    return combine(bs);
  };

/** The small function library the emulator evaluates; anything else is #NAME? like an unknown function. */
export const FUNCTIONS: Record<string, Fn> = {
  SUM: aggregate((ns) => ns.reduce((a, b) => a + b, 0)),
  PRODUCT: aggregate((ns) => ns.reduce((a, b) => a * b, 1)),
  AVERAGE: aggregate((ns) =>
    ns.length === 0
      ? new FormulaError("#DIV/0!", "Evaluation of function AVERAGE caused a divide by zero error.")
      : ns.reduce((a, b) => a + b, 0) / ns.length,
  ),
  MIN: aggregate((ns) => (ns.length === 0 ? 0 : Math.min(...ns))),
  MAX: aggregate((ns) => (ns.length === 0 ? 0 : Math.max(...ns))),
  COUNT: (args, ctx) => flatten(args.map((a) => ctx.evaluate(a))).filter((v) => typeof v === "number").length,
  COUNTA: (args, ctx) => flatten(args.map((a) => ctx.evaluate(a))).filter((v) => v !== null).length,
  ROUND: roundTo("round"),
  ROUNDUP: roundTo("up"),
  ROUNDDOWN: roundTo("down"),
  INT: numeric(1, Math.floor),
  ABS: numeric(1, Math.abs),
  SQRT: numeric(1, (n) =>
    n < 0 ? new FormulaError("#NUM!", "SQRT parameter 1 value is negative.") : Math.sqrt(n),
  ),
  POWER: numeric(2, (a, b) => a ** b),
  MOD: numeric(2, (a, b) =>
    b === 0
      ? new FormulaError("#DIV/0!", "Function MOD parameter 2 cannot be zero.")
      : a - b * Math.floor(a / b),
  ),
  IF: (args, ctx) => {
    const [cond, then, otherwise] = args;
    if (!cond || !then) return new FormulaError("#N/A", "Wrong number of arguments to IF.");
    const b = toBool(ctx.evaluate(cond));
    if (b instanceof FormulaError) return b;
    if (b) return ctx.evaluate(then);
    return otherwise ? ctx.evaluate(otherwise) : false;
  },
  IFERROR: (args, ctx) => {
    const [value, fallback] = args;
    if (!value) return new FormulaError("#N/A", "Wrong number of arguments to IFERROR.");
    const v = ctx.evaluate(value);
    return v instanceof FormulaError ? (fallback ? ctx.evaluate(fallback) : null) : v;
  },
  AND: logical((bs) => bs.every(Boolean)),
  OR: logical((bs) => bs.some(Boolean)),
  NOT: logical((bs) => !bs[0]),
  TRUE: () => true,
  FALSE: () => false,
  ISBLANK: (args, ctx) => (args[0] ? ctx.evaluate(args[0]) === null : true),
  ISNUMBER: (args, ctx) => (args[0] ? typeof ctx.evaluate(args[0]) === "number" : false),
  ISTEXT: (args, ctx) => (args[0] ? typeof ctx.evaluate(args[0]) === "string" : false),
  ISERROR: (args, ctx) => (args[0] ? ctx.evaluate(args[0]) instanceof FormulaError : false),
  LEN: textual((s) => s.length),
  UPPER: textual((s) => s.toUpperCase()),
  LOWER: textual((s) => s.toLowerCase()),
  TRIM: textual((s) => s.trim().replace(/ +/g, " ")),
  LEFT: textual((s, n = 1) => s.slice(0, n)),
  RIGHT: textual((s, n = 1) => (n <= 0 ? "" : s.slice(-n))),
  MID: textual((s, start = 1, n = 0) => s.slice(start - 1, start - 1 + n)),
  VALUE: (args, ctx) => (args[0] ? toNumber(ctx.evaluate(args[0])) : valueError()),
  CONCATENATE: (args, ctx) => {
    let out = "";
    for (const v of flatten(args.map((a) => ctx.evaluate(a)))) {
      const s = toText(v);
      if (s instanceof FormulaError) return s;
      out += s;
    }
    return out;
  },
  TODAY: (_args, ctx) => Math.floor(serialInTimeZone(ctx.nowMs, ctx.timeZone)),
  NOW: (_args, ctx) => serialInTimeZone(ctx.nowMs, ctx.timeZone),
  DATE: numeric(3, (y, m, d) => serialFromParts(y, 1, 1) + monthOffsetDays(y, m) + d - 1),
  YEAR: numeric(1, (n) => partsFromSerial(n).year),
  MONTH: numeric(1, (n) => partsFromSerial(n).month),
  DAY: numeric(1, (n) => partsFromSerial(n).day),
};
FUNCTIONS.CONCAT = FUNCTIONS.CONCATENATE as Fn;

/** Days from 1 January of `year` to the first of month `m` (m may overflow, as DATE allows). */
function monthOffsetDays(year: number, m: number): number {
  return (Date.UTC(year, m - 1, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/** Functions whose result Sheets shows as a date when the cell has no format of its own. */
export const DATE_RESULT_FUNCTIONS: Record<string, "DATE" | "DATE_TIME"> = {
  TODAY: "DATE",
  DATE: "DATE",
  NOW: "DATE_TIME",
};
