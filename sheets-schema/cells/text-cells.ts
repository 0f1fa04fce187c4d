import * as z from "zod";
import { type CellType, describeRaw, textOf, toHalfWidth, wrongShapeMessage } from "./cell-type";

/** Short free text (titles, names) unless a column says otherwise. */
export const SHORT_TEXT_MAX = 200;
/** Long free text (summaries, replies, notes): generous, but far below Sheets' 50,000-character cell. */
export const LONG_TEXT_MAX = 5000;
/** Google refuses a cell over 50,000 characters, and with it the whole write call it came in. */
export const SHEETS_CELL_MAX = 50_000;

/**
 * A short text (标题, a name) on one line: its line breaks (Alt+Enter in the sheet, a hand-made
 * post) become one space. Lists that name it in one line (the 督办周报) would otherwise start a line
 * of their own that reads as the office's.
 */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*[\r\n\u2028\u2029]+[ \t]*/g, " ").trim();
}

const FORMULA_TEXT = /^=\s*[A-Za-z_][\w.]*\s*\(/;
const EQUALS_SIGN = 0x3d;

/** Text that was pasted from a formula (=IMPORTXML(...)) is kept but flagged. */
function formulaWarning(value: string): string | null {
  // Asked of every text cell: only text starting with "=" can match, so others skip the regex.
  return value.charCodeAt(0) === EQUALS_SIGN && FORMULA_TEXT.test(value)
    ? `内容${describeRaw(value)}像是公式文本：请确认是否误粘贴，需要时删除开头的“=”`
    : null;
}

function textSchema(max: number, expected: string) {
  return z.preprocess(
    textOf,
    z.string({ error: (issue) => wrongShapeMessage(issue.input, expected) }).max(max, {
      error: (issue) =>
        `内容有 ${typeof issue.input === "string" ? issue.input.length : "过多"} 个字符，超过 ${max} 字的上限：请精简`,
    }),
  );
}

/** The usual case of a text cell: a string within the limit, trimmed. */
function fastText(max: number): (raw: unknown) => string | undefined {
  return (raw) => {
    if (typeof raw !== "string") return undefined;
    const text = raw.trim();
    return text.length <= max ? text : undefined;
  };
}

/** Free text, trimmed; a number typed here is kept as its text. */
export function textCell(max = SHORT_TEXT_MAX): CellType<string, ""> {
  const schema = textSchema(max, "文字");
  return { kind: "text", schema, blank: "", maxLength: max, warn: formulaWarning, fast: fastText(max) };
}

/** Multi-line free text. */
export function longTextCell(max = LONG_TEXT_MAX): CellType<string, ""> {
  const schema = textSchema(max, "文字");
  return { kind: "longText", schema, blank: "", maxLength: max, warn: formulaWarning, fast: fastText(max) };
}

const ID_MAX = 50;

/**
 * A 编号: one line of text. Numbers are accepted (format `{序号}` gives 7, which Sheets stores as a
 * number) and written without a decimal point.
 */
export function idCell(): CellType<string, ""> {
  const schema = z.preprocess(
    textOf,
    z
      .string({ error: (issue) => wrongShapeMessage(issue.input, "编号") })
      .max(ID_MAX, { error: `编号超过 ${ID_MAX} 个字符：请改短` })
      .regex(/^[^\r\n]+$/, { error: "编号不能换行：请写在一行内" }),
  );
  return { kind: "id", schema, blank: "", maxLength: ID_MAX, warn: formulaWarning, fast: fastId };
}

/** The usual 编号: one line of text within the limit (every row has one, and zod per row was costly). */
function fastId(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const text = raw.trim();
  const oneLine = text.length > 0 && !text.includes("\n") && !text.includes("\r");
  return oneLine && text.length <= ID_MAX ? text : undefined;
}

const PHONE = /^\+?[\d\s\-()]{7,20}(转\d{1,6})?$/;

/**
 * A phone number: digits with + - ( ) or spaces, optionally 转 and an extension. A number cell is
 * accepted (a mobile typed without a text format arrives as 13800138000).
 */
export function phoneCell(): CellType<string, ""> {
  const schema = z.preprocess(
    (raw) => {
      const text = textOf(raw);
      return typeof text === "string" ? toHalfWidth(text) : text;
    },
    z.string({ error: (issue) => wrongShapeMessage(issue.input, "电话号码") }).regex(PHONE, {
      error: (issue) => `电话号码${describeRaw(issue.input)}格式不对：请只写数字，如 13800138000`,
    }),
  );
  return { kind: "phone", schema, blank: "", maxLength: 30 };
}
