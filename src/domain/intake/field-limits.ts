import { LONG_TEXT_MAX, SHEETS_CELL_MAX, SHORT_TEXT_MAX } from "../../../sheets-schema/cells/text-cells";
import { opinionColumns } from "../../../sheets-schema/tabs/evaluation-tabs";
import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";

export { SHEETS_CELL_MAX };

/**
 * How a form answer must fit its 建议台账 column: long text (内容摘要, 答复内容, 备注) is cut to the
 * limit with a marker (the full text stays in the D1 inbox); a list (附议代表) holds names of at
 * most `max` characters each; anything else (标题, names, 编号, enums) must fit whole.
 */
export type FieldLimit =
  | { kind: "long"; max: number }
  | { kind: "list"; itemMax: number }
  | { kind: "whole"; max: number };

// 民意's columns (the opinion form) first: a header both tabs have (备注) keeps the ledger's limit.
const LIMITS: ReadonlyMap<string, FieldLimit> = new Map(
  [...opinionColumns, ...ledgerStaffColumns].map((col): [string, FieldLimit] => {
    const max = "maxLength" in col.cell ? col.cell.maxLength : undefined;
    if (col.cell.kind === "longText") return [col.header, { kind: "long", max: max ?? LONG_TEXT_MAX }];
    if (col.cell.kind === "list") return [col.header, { kind: "list", itemMax: max ?? SHORT_TEXT_MAX }];
    return [col.header, { kind: "whole", max: max ?? SHORT_TEXT_MAX }];
  }),
);

/** A rating's comment (测评意见) goes into 备注 as one line: long text, but a share of 备注's room. */
export const RATING_COMMENT_MAX = 1000;

/** The limit of a 建议台账 column; a column the schema does not know is short text. */
export function fieldLimit(header: string): FieldLimit {
  if (header === "测评意见") return { kind: "long", max: RATING_COMMENT_MAX };
  return LIMITS.get(header) ?? { kind: "whole", max: SHORT_TEXT_MAX };
}

/** The marker that ends cut text, so staff see that something was left out and where it is. */
export function truncationMarker(totalChars: number, max: number): string {
  return `……（原文共 ${totalChars} 字，超出台账 ${max} 字上限，以下从略；完整原文保存在系统的表单收件记录中）`;
}

/** The text itself when it fits, else its beginning and the marker, `max` characters in all. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = truncationMarker(text.length, max);
  let head = text.slice(0, Math.max(0, max - marker.length));
  // Never leave half of a surrogate pair (an emoji, a rare CJK character) at the cut.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return `${head}${marker}`.slice(0, max);
}
