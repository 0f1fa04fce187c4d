import type * as z from "zod";

/** The kinds of cell the ledger knows; provisioning and the docs switch on these. */
export type CellKind =
  | "text"
  | "longText"
  | "id"
  | "list"
  | "channels"
  | "enum"
  | "yesNo"
  | "date"
  | "dateTime"
  | "url"
  | "email"
  | "phone"
  | "integer"
  | "number"
  | "integerList";

/**
 * One cell type: a zod schema applied to a non-blank raw value (whatever values.batchGet returned
 * with UNFORMATTED_VALUE + SERIAL_NUMBER), the value a blank (or unreadable) cell stands for, and
 * facts for provisioning (enum values, number format).
 */
export interface CellType<T, B> {
  readonly kind: CellKind;
  readonly schema: z.ZodType<T>;
  readonly blank: B;
  /** Allowed values of an enum or yes/no cell, in dropdown order. */
  readonly values?: readonly string[];
  /** Sheets number format for date cells, so provisioning can set it. */
  readonly numberFormat?: string;
  readonly maxLength?: number;
  /**
   * A 提醒 for a value that parsed but looks like a mistake (formula text pasted into a title).
   * A plain function: readers call it on its own, without the cell as `this`.
   */
  warn?(value: T): string | null;
  /**
   * A 提醒 about how the cell was typed rather than what it holds (√ read as 是), asked only when the
   * schema read the cell: `fast` must take none of the values it warns of (a test checks it).
   * A plain function: readers call it on its own, without the cell as `this`.
   */
  warnTyped?(raw: unknown, value: T): string | null;
  /**
   * The schema's result for the everyday valid inputs (a listed enum value, a serial date), or
   * undefined to let the schema decide. Only a shortcut: a test checks it agrees with the schema.
   * A plain function: readers call it on its own, without the cell as `this`.
   */
  fast?(raw: unknown): T | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: a bound for "any cell type"; T and B are read back with infer.
export type AnyCellType = CellType<any, any>;

/** The value a cell of this type holds after parsing: the parsed value or its blank value. */
export type CellValue<C> = C extends CellType<infer T, infer B> ? T | B : never;

export interface CellResult<T, B> {
  value: T | B;
  /** True when the cell was blank (or whitespace only). */
  blank: boolean;
  /** Chinese message when the value could not be used; `value` is then the blank value. */
  error: string | null;
  warning: string | null;
}

/** Blank: missing, null, "" or whitespace only (staff "clearing" a cell with a space). */
export function isBlankCell(raw: unknown): boolean {
  if (raw === undefined || raw === null || raw === "") return true;
  if (typeof raw !== "string") return false;
  // A cell that starts with a printable character is not blank: no trim() (a new string) for it.
  // Every cell of every row is asked this; trim() was the row loop's costliest line.
  const first = raw.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  if (first >= 0x4e00 && first <= 0x9fff) return false;
  return raw.trim() === "";
}

/**
 * Parses one raw cell. Never throws: garbage of any shape becomes `error` with the blank value, so a
 * row with one bad cell still gets every other field.
 */
export function parseCell<T, B>(cell: CellType<T, B>, raw: unknown): CellResult<T, B> {
  if (isBlankCell(raw)) return { value: cell.blank, blank: true, error: null, warning: null };
  const fast = cell.fast?.(raw);
  if (fast !== undefined)
    return { value: fast, blank: false, error: null, warning: cell.warn ? cell.warn(fast) : null };
  try {
    const result = cell.schema.safeParse(raw);
    if (!result.success) {
      const message = result.error.issues[0]?.message ?? `无法识别的内容${describeRaw(raw)}`;
      return { value: cell.blank, blank: false, error: message, warning: null };
    }
    const warning =
      (cell.warn ? cell.warn(result.data) : null) ??
      (cell.warnTyped ? cell.warnTyped(raw, result.data) : null);
    return { value: result.data, blank: false, error: null, warning };
  } catch {
    // A zod bug or an exotic object must not stop the sync of 10,000 other rows.
    return { value: cell.blank, blank: false, error: `无法识别的内容${describeRaw(raw)}`, warning: null };
  }
}

const MAX_QUOTED_CHARS = 24;

/**
 * A short, safe rendering of a raw value for messages: “…” quoted text, cut after 24 characters.
 * Never calls toString on objects (a cell matrix from a fuzzer may hold anything).
 */
export function describeRaw(raw: unknown): string {
  if (typeof raw === "string") {
    const chars = Array.from(raw);
    const shown = chars.length > MAX_QUOTED_CHARS ? `${chars.slice(0, MAX_QUOTED_CHARS).join("")}…` : raw;
    return `“${shown.replace(/\s+/g, " ")}”`;
  }
  if (typeof raw === "number") return `“${Number.isFinite(raw) ? String(raw) : "非数字"}”`;
  if (typeof raw === "boolean") return raw ? "“TRUE”" : "“FALSE”";
  return "（无法识别的内容）";
}

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ－／．：＋（）％]/g;

/**
 * Full-width digits, Latin letters, the date punctuation －／．： and ％ typed with a Chinese IME are
 * turned into ASCII. Only applied where the content is numeric or coded (dates, numbers, A–D).
 */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Text of a string or a finite number (a number typed into a text cell is still text). */
export function textOf(raw: unknown): unknown {
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return raw;
}

/** The message for a value of the wrong shape (a checkbox where text belongs, an object). */
export function wrongShapeMessage(raw: unknown, expected: string): string {
  if (typeof raw === "boolean") return `单元格里是勾选框或逻辑值${describeRaw(raw)}，这里应填${expected}`;
  return `无法识别的内容${describeRaw(raw)}，这里应填${expected}`;
}
