/**
 * Maps the headers of an existing Excel 台账 onto the contract's 建议台账 headers: exactly, then
 * ignoring spaces, brackets and their notes, marks such as * and ：, then through a table of the
 * names offices commonly use for the same column.
 */
import { ledgerTab } from "../../sheets-schema";

/** Other names of each contract header, as seen in county and city offices' own ledgers. */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  编号: ["建议编号", "建议号", "案号", "编码"],
  届次: ["会议", "届次会议", "会次"],
  标题: ["建议标题", "案由", "建议题目", "题目", "建议名称", "建议案由"],
  内容摘要: ["建议内容", "主要内容", "内容", "摘要", "内容提要", "建议摘要"],
  领衔代表: ["领衔人", "领衔", "提出人", "建议人", "提议人", "代表姓名", "领衔代表姓名", "提出代表"],
  附议代表: ["附议人", "附议", "联名代表", "联名人", "附议代表姓名"],
  类别: ["分类", "建议类别", "类型", "建议类型", "建议分类"],
  提出日期: ["提出时间", "提交日期", "提交时间", "建议日期", "提出日"],
  审查结果: ["审查意见", "立案情况", "是否立案"],
  并入编号: ["并案编号", "并入建议编号"],
  重点建议: ["是否重点", "是否重点建议", "重点"],
  督办领导: ["包案领导", "领导督办", "督办领导姓名", "牵头督办领导"],
  主办单位: ["承办单位", "主办", "主办部门", "承办部门", "牵头单位", "主办单位名称"],
  协办单位: ["协办", "会办单位", "协办部门", "配合单位"],
  交办日期: ["交办时间", "交办日"],
  办理时限: ["时限", "办理时间要求"],
  答复日期: ["答复时间", "办复日期", "办复时间", "答复日"],
  答复类别: ["答复分类", "办复类别", "答复类型", "办理结果类别"],
  答复内容: ["答复意见", "办复内容", "答复情况", "办理结果", "办理情况"],
  满意度: ["代表意见", "测评结果", "满意程度", "代表满意度", "代表测评意见"],
  测评日期: ["测评时间", "反馈日期", "反馈时间"],
  二次交办日期: ["二次交办时间", "重新交办日期", "再次交办日期"],
  二次答复日期: ["二次答复时间", "重新答复日期", "再次答复日期"],
  二次满意度: ["二次测评结果", "二次代表意见"],
  落实情况: ["落实进度", "办理进度"],
  跨年督办: ["是否跨年督办", "跨年"],
  回访: ["是否回访"],
  回访意见: ["回访情况", "回访结果"],
  备注: ["说明", "其他"],
};

/** Spaces (full-width too), required marks and a trailing colon carry no meaning in a header. */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC") // full-width brackets, colons and letters become their ASCII forms
    .replace(/\s+/g, "")
    .replace(/^[*★※]+|[*★※]+$/g, "")
    .replace(/:$/, "");
}

/** The header without a bracketed note: 答复类别(A/B/C/D) → 答复类别. */
function withoutNotes(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, "");
}

const CONTRACT = ledgerTab.columns.map((c) => c.header);
const LOOKUP = new Map<string, string>();
for (const header of CONTRACT) LOOKUP.set(normaliseHeader(header), header);
for (const [header, names] of Object.entries(HEADER_SYNONYMS)) {
  for (const name of names) LOOKUP.set(normaliseHeader(name), header);
}

/** The contract header a source header stands for, or null when it is none of them. */
export function contractHeaderFor(text: string): string | null {
  const plain = normaliseHeader(text);
  if (plain === "") return null;
  return LOOKUP.get(plain) ?? LOOKUP.get(withoutNotes(plain)) ?? null;
}

/** Columns the sync computes: a source column with one of these names is not imported. */
export const SYSTEM_HEADERS: ReadonlySet<string> = new Set(
  ledgerTab.columns.filter((c) => c.owner === "system").map((c) => c.header),
);
