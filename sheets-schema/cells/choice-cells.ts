import * as z from "zod";
import { type CellType, describeRaw, textOf, toHalfWidth } from "./cell-type";

/** Turns a raw cell into the text an enum is matched against. */
export type EnumNormaliser = (text: string) => string;

/**
 * Spaces inside a choice and a full stop after it (“基本 满意”, “满意。”): no listed value has either,
 * so what staff meant is plain.
 */
const untidy = (text: string) => text.replace(/[\s\u3000]+/g, "").replace(/[。．.]+$/, "");

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
