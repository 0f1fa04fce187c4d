import { DATE_RESULT_FUNCTIONS, FUNCTIONS } from "./formula-functions";
import { FormulaParseError, type Node, parseFormula } from "./formula-parser";
import {
  compareScalars,
  FormulaError,
  type RangeValue,
  type Scalar,
  toNumber,
  toScalar,
  toText,
  type Value,
} from "./formula-values";
import { dataColumnExtent, dataRowExtent, getCell } from "./grid";
import { type NumberFormat, numberFormatOf } from "./number-format";
import { findNamedRange, findSheetByTitle, namedRangeRef } from "./ranges";
import type { SheetModel, SpreadsheetModel } from "./types";

const PARSE_CACHE_LIMIT = 5000;
const parseCache = new Map<string, Node | FormulaError>();

/** Parses "=…" once per distinct text; a syntax error becomes #ERROR! as in Sheets. */
export function parseCached(formula: string): Node | FormulaError {
  let parsed = parseCache.get(formula);
  if (parsed) return parsed;
  try {
    parsed = parseFormula(formula.replace(/^=/, ""));
  } catch (e) {
    if (!(e instanceof FormulaParseError)) throw e;
    parsed = new FormulaError("#ERROR!", "Formula parse error.");
  }
  if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
  parseCache.set(formula, parsed);
  return parsed;
}

/**
 * Computes formula results on demand, once per read: values are cached for the lifetime of one
 * evaluator, and a cell that depends on itself evaluates to #REF! like a circular dependency in Sheets.
 */
export class Evaluator {
  private readonly cache = new Map<string, Scalar>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly ss: SpreadsheetModel,
    private readonly nowMs: number,
  ) {}

  cellValue(sheet: SheetModel, r: number, c: number): Scalar {
    const uev = getCell(sheet, r, c)?.userEnteredValue;
    if (!uev) return null;
    if (uev.numberValue !== undefined) return uev.numberValue;
    if (uev.stringValue !== undefined) return uev.stringValue;
    if (uev.boolValue !== undefined) return uev.boolValue;
    if (uev.formulaValue === undefined) return null;
    const key = `${sheet.sheetId}:${r}:${c}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(key)) {
      return new FormulaError(
        "#REF!",
        "Circular dependency detected. To resolve with iterative calculation, see File > Settings.",
      );
    }
    this.inProgress.add(key);
    const value = this.evaluateFormula(sheet, uev.formulaValue);
    this.inProgress.delete(key);
    this.cache.set(key, value);
    return value;
  }

  /**
   * The number format Sheets infers for a formula cell that has none of its own: =TODAY() and
   * =DATE(…) show dates, and =B2+7 takes B2's format (so a date plus days is still a date).
   */
  impliedFormat(sheet: SheetModel, formula: string, depth = 0): NumberFormat | undefined {
    const node = parseCached(formula);
    return node instanceof FormulaError || depth > 8 ? undefined : this.nodeFormat(node, sheet, depth);
  }

  private nodeFormat(node: Node, sheet: SheetModel, depth: number): NumberFormat | undefined {
    if (node.k === "call") {
      const type = DATE_RESULT_FUNCTIONS[node.name];
      return type ? { type } : undefined;
    }
    if (node.k === "bin" && (node.op === "+" || node.op === "-")) {
      return (
        this.nodeFormat(node.a, sheet, depth) ??
        (node.op === "+" ? this.nodeFormat(node.b, sheet, depth) : undefined)
      );
    }
    if (node.k !== "ref" || !node.single) return undefined;
    const target = node.sheet === undefined ? sheet : findSheetByTitle(this.ss, node.sheet);
    if (!target) return undefined;
    const cell = getCell(target, node.ref.startRow ?? 0, node.ref.startCol ?? 0);
    const own = numberFormatOf(cell);
    const formula = cell?.userEnteredValue?.formulaValue;
    return own ?? (formula !== undefined ? this.impliedFormat(target, formula, depth + 1) : undefined);
  }

  evaluateFormula(sheet: SheetModel, formula: string): Scalar {
    const node = parseCached(formula);
    if (node instanceof FormulaError) return node;
    // Unlike Excel, Sheets shows =A5 of a blank A5 as blank, so null passes through.
    return toScalar(this.evaluate(node, sheet));
  }

  private evaluate(node: Node, sheet: SheetModel): Value {
    switch (node.k) {
      case "num":
      case "str":
      case "bool":
        return node.v;
      case "errlit":
        return new FormulaError(node.v, node.v === "#NAME?" ? "Unknown range name." : node.v);
      case "ref":
        return this.reference(node, sheet);
      case "name": {
        const named = findNamedRange(this.ss, node.v);
        const bound = named ? namedRangeRef(this.ss, named) : undefined;
        if (!bound) return new FormulaError("#NAME?", `Unknown range name: '${node.v.toUpperCase()}'.`);
        const { ref } = bound;
        const single = ref.endRow === (ref.startRow ?? 0) + 1 && ref.endCol === (ref.startCol ?? 0) + 1;
        return this.reference({ k: "ref", sheet: bound.sheet.title, ref, single }, sheet);
      }
      case "unary": {
        const n = toNumber(this.evaluate(node.a, sheet));
        return n instanceof FormulaError || node.op === "+" ? n : -n;
      }
      case "pct": {
        const n = toNumber(this.evaluate(node.a, sheet));
        return n instanceof FormulaError ? n : n / 100;
      }
      case "bin":
        return this.binary(node.op, this.evaluate(node.a, sheet), this.evaluate(node.b, sheet));
      case "call": {
        const fn = FUNCTIONS[node.name];
        if (!fn) return new FormulaError("#NAME?", `Unknown function: '${node.name}'.`);
        return fn(node.args, {
          evaluate: (n) => this.evaluate(n, sheet),
          nowMs: this.nowMs,
          timeZone: this.ss.timeZone,
        });
      }
    }
  }

  private reference(node: Extract<Node, { k: "ref" }>, sheet: SheetModel): Value {
    const target = node.sheet === undefined ? sheet : findSheetByTitle(this.ss, node.sheet);
    if (!target) return new FormulaError("#REF!", `Unresolved sheet name '${node.sheet}'.`);
    const { ref } = node;
    const { rowCount, columnCount } = target.gridProperties;
    const r0 = ref.startRow ?? 0;
    const c0 = ref.startCol ?? 0;
    if (r0 >= rowCount || c0 >= columnCount) return new FormulaError("#REF!", "Reference does not exist.");
    if (node.single) return this.cellValue(target, r0, c0);
    // Cells past the data are empty, so open ranges (A:A) stop at the data instead of the grid.
    const r1 = Math.min(ref.endRow ?? rowCount, rowCount, Math.max(dataRowExtent(target), r0 + 1));
    const c1 = Math.min(ref.endCol ?? columnCount, columnCount, Math.max(dataColumnExtent(target), c0 + 1));
    const range: RangeValue = { kind: "range", rows: [] };
    for (let r = r0; r < r1; r++) {
      const row: Scalar[] = [];
      for (let c = c0; c < c1; c++) row.push(this.cellValue(target, r, c));
      range.rows.push(row);
    }
    return range;
  }

  private binary(op: string, av: Value, bv: Value): Value {
    if (op === "&") {
      const [a, b] = [toText(av), toText(bv)];
      if (a instanceof FormulaError) return a;
      return b instanceof FormulaError ? b : a + b;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const [a, b] = [toScalar(av), toScalar(bv)];
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      const cmp = compareScalars(a, b);
      const results: Record<string, boolean> = {
        "=": cmp === 0,
        "<>": cmp !== 0,
        "<": cmp < 0,
        ">": cmp > 0,
        "<=": cmp <= 0,
        ">=": cmp >= 0,
      };
      return results[op] ?? false;
    }
    const [a, b] = [toNumber(av), toNumber(bv)];
    if (a instanceof FormulaError) return a;
    if (b instanceof FormulaError) return b;
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return b === 0 ? new FormulaError("#DIV/0!", "Function DIVIDE parameter 2 cannot be zero.") : a / b;
      case "^":
        return a ** b;
      default:
        return new FormulaError("#ERROR!", "Formula parse error.");
    }
  }
}
