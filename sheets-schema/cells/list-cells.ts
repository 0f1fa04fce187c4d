import * as z from "zod";
import { CHANNELS, type Channel } from "../enums";
import { type CellType, describeRaw, toHalfWidth, wrongShapeMessage } from "./cell-type";
import { channelNormaliser } from "./choice-cells";

/** Blank lists are shared between records, so they are frozen: records are read-only. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

const LIST_ITEM_MAX = 100;
/**
 * A list cell's bounds as a whole. A cell pasted full of names (7,000 units in one 协办单位, still
 * under Google's 50,000 characters) was thousands of problems, one per name, and a sync that stored
 * them failed in D1 for good: past these, the cell is one 错误 and its names are not checked.
 */
export const LIST_ITEMS_MAX = 200;
export const LIST_TEXT_MAX = 5000;

/** 、，,;； and line breaks separate list items (names never contain them). */
function isListSeparator(code: number): boolean {
  return (
    code === 0x3001 || // 、
    code === 0xff0c || // ，
    code === 0x2c || // ,
    code === 0x3b || // ;
    code === 0xff1b || // ；
    code === 0x0d ||
    code === 0x0a
  );
}

/** Stands in for a value no sheet cell can hold (an array), so the list schema rejects it. */
const NOT_A_CELL = Symbol("not a cell value");

/** The names a list cell's text holds (splitList's items), none for what is no list text. */
export function listItems(text: string): string[] {
  const items = splitList(text);
  return Array.isArray(items) ? (items as string[]) : [];
}

/**
 * Splits list text into trimmed, non-empty items; a lone number is a one-item list. Scanned by hand
 * rather than split() on a regex: every ledger row has two list cells, and the regex split with its
 * array of untrimmed parts was a measurable share of a sync.
 */
export function splitList(raw: unknown): unknown {
  if (typeof raw === "number" && Number.isFinite(raw)) return [String(raw)];
  if (typeof raw !== "string") return Array.isArray(raw) ? NOT_A_CELL : raw;
  let count = 0;
  let start = 0;
  for (let i = 0; i <= raw.length; i += 1) {
    if (i < raw.length && !isListSeparator(raw.charCodeAt(i))) continue;
    if (i > start) {
      const item = raw.slice(start, i).trim();
      if (item !== "") scratch[count++] = item;
    }
    start = i + 1;
  }
  // An exact-size copy: an array grown by push keeps room for 17 items, and these lists live as
  // long as the sync (two per ledger row).
  const items = scratch.slice(0, count);
  // Emptied slot by slot, not by `length = 0`: that gives the array's storage back, and growing
  // it again for the next cell was a new store per list cell (2.7 MB of garbage per 10,000 rows).
  for (let k = 0; k < count; k += 1) scratch[k] = "";
  return items;
}

/** Reused by splitList while it scans (holds only blank strings between calls). */
const scratch: string[] = [];

function allWithin(items: readonly string[], max: number): boolean {
  for (const item of items) if (item.length > max) return false;
  return true;
}

/** The 错误 of a list past LIST_ITEMS_MAX items or LIST_TEXT_MAX characters; null within them. */
function oversizeMessage(raw: string, items: readonly unknown[]): string | null {
  if (items.length <= LIST_ITEMS_MAX && raw.length <= LIST_TEXT_MAX) return null;
  return `内容有 ${items.length} 项、${raw.length} 个字符，超过清单的上限（至多 ${LIST_ITEMS_MAX} 项、${LIST_TEXT_MAX} 个字符）：像是误粘贴，请核对后只保留应填的各项`;
}

/** A list of names or words (附议代表, 协办单位, 类别), within LIST_ITEMS_MAX and LIST_TEXT_MAX. */
export function listCell(itemMax = LIST_ITEM_MAX): CellType<string[], string[]> {
  const schema = z.preprocess(
    (raw, ctx) => {
      const items = splitList(raw);
      const oversize = typeof raw === "string" && Array.isArray(items) ? oversizeMessage(raw, items) : null;
      if (oversize === null) return items;
      ctx.addIssue({ code: "custom", message: oversize });
      return z.NEVER;
    },
    z.array(
      z
        .string()
        .max(itemMax, { error: (issue) => `${describeRaw(issue.input)}过长（超过 ${itemMax} 个字符）` }),
      { error: (issue) => wrongShapeMessage(issue.input, "以顿号或逗号分隔的清单") },
    ),
  );
  const fast = (raw: unknown) => {
    if (typeof raw !== "string" || raw.length > LIST_TEXT_MAX) return undefined;
    const items = splitList(raw) as string[];
    return items.length <= LIST_ITEMS_MAX && allWithin(items, itemMax) ? items : undefined;
  };
  return { kind: "list", schema, blank: EMPTY, maxLength: itemMax, fast };
}

/**
 * 通知渠道: one or more channel codes; 邮件 / 企业微信 / 钉钉 / 飞书 are read as their codes.
 * Duplicates are dropped.
 */
export function channelsCell(): CellType<Channel[], Channel[]> {
  const allowed = CHANNELS.join("、");
  const schema = z.preprocess(
    (raw) => {
      const items = splitList(raw);
      return Array.isArray(items) ? [...new Set((items as string[]).map(channelNormaliser))] : items;
    },
    z.array(
      z.enum(CHANNELS, {
        error: (issue) =>
          `通知渠道${describeRaw(issue.input)}无法识别：可填 ${allowed}（也可写 邮件、企业微信、钉钉、飞书）`,
      }),
      { error: (issue) => wrongShapeMessage(issue.input, "通知渠道") },
    ),
  );
  return { kind: "channels", schema, blank: EMPTY, values: CHANNELS };
}

const INTEGER_TEXT = /^[+-]?\d+$/;

/** Reads "15", "１５" or 15 as a number; anything else goes to zod unchanged (and fails). */
export function integerOf(raw: unknown): unknown {
  if (typeof raw !== "string") return raw;
  const text = toHalfWidth(raw.trim());
  return INTEGER_TEXT.test(text) ? Number(text) : raw;
}

function integerSchema(min: number, max: number) {
  const range = `请填写 ${min}–${max} 之间的整数`;
  return z
    .int({ error: (issue) => `${describeRaw(issue.input)}不是整数：${range}` })
    .min(min, { error: (issue) => `${describeRaw(issue.input)}小于 ${min}：${range}` })
    .max(max, { error: (issue) => `${describeRaw(issue.input)}大于 ${max}：${range}` });
}

/** A whole number within bounds (settings day counts). */
export function integerCell(min: number, max: number): CellType<number, null> {
  return { kind: "integer", schema: z.preprocess(integerOf, integerSchema(min, max)), blank: null };
}

const YEAR_TEXT = /^(\d{4})\s*年?(度)?$/;

/** A year: 2026, "2026" or "2026年度" (as a committee's minutes write it), within bounds. */
export function yearCell(min: number, max: number): CellType<number, null> {
  const schema = z.preprocess(
    (raw) => {
      if (typeof raw !== "string") return raw;
      const match = YEAR_TEXT.exec(toHalfWidth(raw.trim()));
      return match ? Number(match[1]) : raw;
    },
    integerSchema(min, max),
  );
  return { kind: "integer", schema, blank: null };
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A number within bounds, decimals allowed (a score such as 92.5; "９２．５" reads too). */
export function numberCell(min: number, max: number): CellType<number, null> {
  const range = `请填写 ${min}–${max} 之间的数`;
  const schema = z.preprocess(
    (raw) => {
      if (typeof raw !== "string") return raw;
      const text = toHalfWidth(raw.trim());
      return NUMBER_TEXT.test(text) ? Number(text) : raw;
    },
    z
      .number({ error: (issue) => `${describeRaw(issue.input)}不是数字：${range}` })
      .min(min, { error: (issue) => `${describeRaw(issue.input)}小于 ${min}：${range}` })
      .max(max, { error: (issue) => `${describeRaw(issue.input)}大于 ${max}：${range}` }),
  );
  return { kind: "number", schema, blank: null };
}

/** A list of whole numbers ("15,7,3"), each within bounds. */
export function integerListCell(min: number, max: number): CellType<number[], number[]> {
  const schema = z.preprocess(
    (raw) => {
      const items = splitList(raw);
      return Array.isArray(items) ? items.map(integerOf) : items;
    },
    z.array(integerSchema(min, max), {
      error: (issue) => wrongShapeMessage(issue.input, "以逗号分隔的整数"),
    }),
  );
  return { kind: "integerList", schema, blank: EMPTY };
}
