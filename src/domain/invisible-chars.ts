/**
 * Characters that show as nothing: the zero-width space, non-joiner and joiner (U+200B–U+200D), the
 * word joiner (U+2060) and the zero-width no-break space or BOM (U+FEFF). Text copied from WeChat or
 * Word brings them along: a 编号 or a name holding one looks like another and matches nothing, and
 * `trim()` and `\s` leave all but U+FEFF. As a regular-expression class body, for patterns of their own.
 */
export const INVISIBLE_CLASS = "\\u200b-\\u200d\\u2060\\ufeff";

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]+`, "g");
const AROUND = new RegExp(`^[\\s${INVISIBLE_CLASS}]+|[\\s${INVISIBLE_CLASS}]+$`, "g");

/**
 * The text without any invisible character, for a value that cannot mean one (a 编号, a name).
 * Not for free text: U+200D joins the parts of an emoji (👨‍👩‍👧).
 */
export function dropInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** `trim()` that also drops invisible characters at either end. */
export function trimInvisible(text: string): string {
  return text.replace(AROUND, "");
}
