import * as z from "zod";
import { type CellType, describeRaw, textOf, toHalfWidth } from "./cell-type";

/** Turns a raw cell into the text an enum is matched against. */
export type EnumNormaliser = (text: string) => string;

const CHINESE_DIGITS = "〇一二三四五六七八九";
/** A month count in figures, full-width ones too (6个月, ６个月): one digit, as 办理时限 lists them. */
const MONTHS_IN_FIGURES = /^([1-9１-９])个月$/;

/**
 * Spaces inside a choice and a full stop after it (“基本 满意”, “满意。”): no listed value has either,
 * so what staff meant is plain. A month count typed in figures (“6个月”, “６ 个月”) is the value the
 * list spells in Chinese (六个月): only 办理时限 lists one, and the digit leaves no doubt. Anything
 * else (半年, 6月, 6个月内) is left as typed, so it is still shown to staff as not a listed value.
 */
function untidy(text: string): string {
  const tidy = text.replace(/[\s\u3000]+/g, "").replace(/[。．.]+$/, "");
  const months = MONTHS_IN_FIGURES.exec(tidy);
  return months ? `${CHINESE_DIGITS[Number(toHalfWidth(months[1] as string))]}个月` : tidy;
}

/** A/B/C/D typed as "a", "Ａ", "A类" or "A 类" is still that class. */
export const replyClassNormaliser: EnumNormaliser = (text) =>
  toHalfWidth(untidy(text)).toUpperCase().replace(/类$/, "");

/**
 * One value out of a fixed list (the dropdown's values). The message lists the allowed values so
 * staff can fix the cell without opening the docs.
 */
export function enumCell<const V extends readonly [string, ...string[]]>(
  values: V,
  normalise?: EnumNormaliser,
): CellType<V[number], null> {
  const allowed = values.join(" / ");
  const listed = new Set<string>(values);
  const schema = z.preprocess(
    (raw) => {
      const text = textOf(raw);
      if (typeof text !== "string") return text;
      // Only a text that then reads as a listed value is taken so; any other is shown as typed.
      const tidy = (normalise ?? untidy)(text);
      return listed.has(tidy) ? tidy : text;
    },
    z.enum(values, { error: (issue) => `${describeRaw(issue.input)}不是可选的值：请从 ${allowed} 中选择` }),
  );
  const fast = (raw: unknown) =>
    typeof raw === "string" && listed.has(raw) ? (raw as V[number]) : undefined;
  return { kind: "enum", schema, blank: null, values, fast };
}

const YES_NO = ["是", "否"] as const;

/**
 * 是 / 否, blank = the column's default. A checkbox (TRUE/FALSE) is accepted too: staff sometimes
 * turn a yes/no column into checkboxes, and the intent is unambiguous.
 */
export function yesNoCell<const D extends boolean>(defaultValue: D): CellType<boolean, D> {
  const schema = z.preprocess(
    (raw) => (typeof raw === "boolean" ? (raw ? "是" : "否") : textOf(raw)),
    z
      .enum(YES_NO, { error: (issue) => `${describeRaw(issue.input)}不是“是”或“否”：请填写 是 或 否` })
      .transform((value) => value === "是"),
  );
  const fast = (raw: unknown) =>
    typeof raw === "boolean" ? raw : raw === "是" ? true : raw === "否" ? false : undefined;
  return { kind: "yesNo", schema, blank: defaultValue, values: YES_NO, fast };
}
