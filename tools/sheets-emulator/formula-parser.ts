import { parseCellPart, type RangeRef } from "./a1";

/** A reference as written in a formula; `text` keeps the $ signs so shifting can rewrite it faithfully. */
export interface RefToken {
  t: "ref";
  sheet?: string;
  text: string;
  pos: number;
  end: number;
  /** Where the cell part starts (after "Sheet!"). */
  cellPos: number;
}

export type Token =
  | { t: "num"; v: number; pos: number; end: number }
  | { t: "str"; v: string; pos: number; end: number }
  | { t: "ident"; v: string; pos: number; end: number }
  | { t: "op"; v: string; pos: number; end: number }
  | { t: "errlit"; v: string; pos: number; end: number }
  | RefToken;

export type Node =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "errlit"; v: string }
  | { k: "ref"; sheet?: string; ref: RangeRef; single: boolean }
  | { k: "unary"; op: string; a: Node }
  | { k: "pct"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] }
  | { k: "name"; v: string };

export class FormulaParseError extends Error {}

const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*))!/;
const CELL_REF =
  /^(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}(?:\$?\d+)?)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![A-Za-z0-9_(!])/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const IDENT = /^[\p{L}_][\p{L}\p{N}_.]*/u;
const ERROR_LITERAL = /^(#DIV\/0!|#N\/A|#NAME\?|#NULL!|#NUM!|#REF!|#VALUE!|#ERROR!)/;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", "(", ")", ",", ";"];

/** Splits formula text (without the leading "=") into tokens, remembering where each one sits. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = text.slice(i);
    if (ch === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= text.length) throw new FormulaParseError("unterminated string");
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += text[j];
        j += 1;
      }
      tokens.push({ t: "str", v, pos: i, end: j + 1 });
      i = j + 1;
      continue;
    }
    const prefix = SHEET_PREFIX.exec(rest);
    const afterPrefix = prefix ? rest.slice(prefix[0].length) : rest;
    const cell = CELL_REF.exec(afterPrefix);
    const cellText = cell?.[1];
    // "1:2" is a row range only where a range can stand (a function argument) or after "Sheet!".
    if (cellText !== undefined && (prefix || !/^\$?\d/.test(cellText) || isRangeContext(tokens))) {
      const prefixLength = prefix ? prefix[0].length : 0;
      const sheet = prefix ? (prefix[1]?.replaceAll("''", "'") ?? prefix[2]) : undefined;
      const end = i + prefixLength + cellText.length;
      const token: RefToken = { t: "ref", text: cellText, pos: i, end, cellPos: i + prefixLength };
      if (sheet !== undefined) token.sheet = sheet;
      tokens.push(token);
      i = end;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ t: "num", v: Number(num[0]), pos: i, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    const err = ERROR_LITERAL.exec(rest.toUpperCase());
    if (err) {
      tokens.push({ t: "errlit", v: err[0], pos: i, end: i + err[0].length });
      i += err[0].length;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      tokens.push({ t: "ident", v: ident[0], pos: i, end: i + ident[0].length });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (!op) throw new FormulaParseError(`unexpected character ${ch}`);
    tokens.push({ t: "op", v: op, pos: i, end: i + op.length });
    i += op.length;
  }
  return tokens;
}

function isRangeContext(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last?.t === "op" && (last.v === "(" || last.v === "," || last.v === ";");
}

/** Parses formula text (after "=") into an expression tree; throws FormulaParseError. */
export function parseFormula(text: string): Node {
  const tokens = tokenize(text);
  let p = 0;
  const peek = (): Token | undefined => tokens[p];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t?.t === "op" && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new FormulaParseError(`expected ${v}`);
    p += 1;
  };
  const binaryLevel = (ops: string[], next: () => Node) => (): Node => {
    let left = next();
    for (;;) {
      const t = peek();
      if (t?.t !== "op" || !ops.includes(t.v)) return left;
      p += 1;
      left = { k: "bin", op: t.v, a: left, b: next() };
    }
  };
  const primary = (): Node => {
    const t = peek();
    if (!t) throw new FormulaParseError("unexpected end of formula");
    p += 1;
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "errlit":
        return { k: "errlit", v: t.v };
      case "ref": {
        const ref = parseCellPart(t.text.replaceAll("$", ""));
        if (!ref) throw new FormulaParseError(`bad reference ${t.text}`);
        return t.sheet !== undefined
          ? { k: "ref", sheet: t.sheet, ref, single: !t.text.includes(":") }
          : { k: "ref", ref, single: !t.text.includes(":") };
      }
      case "ident": {
        if (isOp("(")) {
          p += 1;
          const args: Node[] = [];
          if (!isOp(")")) {
            for (;;) {
              args.push(comparison());
              if (isOp(",") || isOp(";")) {
                p += 1;
                continue;
              }
              break;
            }
          }
          expect(")");
          return { k: "call", name: t.v.toUpperCase(), args };
        }
        const upper = t.v.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { k: "bool", v: upper === "TRUE" };
        // A bare name stands for a named range, resolved when the formula is evaluated.
        return { k: "name", v: t.v };
      }
      case "op":
        if (t.v === "(") {
          const inner = comparison();
          expect(")");
          return inner;
        }
        throw new FormulaParseError(`unexpected ${t.v}`);
    }
  };
  const postfix = (): Node => {
    let node = primary();
    while (isOp("%")) {
      p += 1;
      node = { k: "pct", a: node };
    }
    return node;
  };
  const unary = (): Node => {
    const t = peek();
    if (t?.t === "op" && (t.v === "-" || t.v === "+")) {
      p += 1;
      return { k: "unary", op: t.v, a: unary() };
    }
    return postfix();
  };
  const power = binaryLevel(["^"], unary);
  const term = binaryLevel(["*", "/"], power);
  const additive = binaryLevel(["+", "-"], term);
  const concat = binaryLevel(["&"], additive);
  const comparison: () => Node = binaryLevel(["=", "<>", "<", ">", "<=", ">="], concat);
  const root = comparison();
  if (p !== tokens.length) throw new FormulaParseError("unexpected trailing input");
  return root;
}
