import * as z from "zod";
import { CHANNEL_ALIASES } from "../enums";
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

/** A channel typed as its code in any case (WeCom) or by its Chinese name (企业微信, 邮件). */
export const channelNormaliser: EnumNormaliser = (text) => {
  const tidy = untidy(text);
  return CHANNEL_ALIASES[tidy] ?? tidy.toLowerCase();
};

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
type YesNo = (typeof YES_NO)[number];

/**
 * What staff write for 是/否 besides the dropdown's values, keyed by their half-width lower-case form
 * (Ｙ, ｙｅｓ, Yes): the paper tick √ is how Chinese offices mark 是. Only forms that cannot mean
 * anything else: an x (a tick on some forms, a cross on others) or 1/0 stays an 错误.
 */
const YES_NO_VARIANTS: ReadonlyMap<string, YesNo> = new Map([
  ...["√", "✓", "✔", "y", "yes", "是的", "对"].map((text) => [text, "是"] as const),
  ...["×", "✗", "✘", "n", "no", "不是"].map((text) => [text, "否"] as const),
]);

/** The 是/否 a text other than 是/否 stands for (√, Y, 不是…), or undefined. */
function yesNoVariant(text: string): YesNo | undefined {
  return YES_NO_VARIANTS.get(toHalfWidth(text).toLowerCase());
}

/**
 * The 提醒 of a cell read through YES_NO_VARIANTS: the value is used (an overdue key suggestion's
 * 督办领导 is still urged) and the cell is left as typed, but the dropdown's value is asked for.
 */
function variantWarning(raw: unknown, value: boolean): string | null {
  const text = textOf(raw);
  if (typeof text !== "string" || text === "是" || text === "否" || !yesNoVariant(text)) return null;
  const read = value ? "是" : "否";
  return `写的是${describeRaw(text)}，已按“${read}”处理：请改为“${read}”（下拉选项）`;
}

/**
 * 是 / 否, blank = the column's default. A checkbox (TRUE/FALSE) is accepted too: staff sometimes
 * turn a yes/no column into checkboxes, and the intent is unambiguous. So are √, Y, 不是 and the
 * like (YES_NO_VARIANTS), with a 提醒; the shortcut takes 是/否 and checkboxes only, so the
 * variants are looked up only for a cell that is neither.
 */
export function yesNoCell<const D extends boolean>(defaultValue: D): CellType<boolean, D> {
  const schema = z.preprocess(
    (raw) => {
      if (typeof raw === "boolean") return raw ? "是" : "否";
      const text = textOf(raw);
      if (typeof text !== "string" || text === "是" || text === "否") return text;
      return yesNoVariant(text) ?? text;
    },
    z
      .enum(YES_NO, { error: (issue) => `${describeRaw(issue.input)}不是“是”或“否”：请填写 是 或 否` })
      .transform((value) => value === "是"),
  );
  const fast = (raw: unknown) =>
    typeof raw === "boolean" ? raw : raw === "是" ? true : raw === "否" ? false : undefined;
  return { kind: "yesNo", schema, blank: defaultValue, values: YES_NO, fast, warnTyped: variantWarning };
}
