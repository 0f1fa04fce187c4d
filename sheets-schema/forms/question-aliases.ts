import { ledgerStaffColumns } from "../tabs/ledger";

/**
 * Question titles seen on suggestion forms (Google Forms, 问卷星, 金数据) and the 建议台账 header each
 * one fills. Titles equal to a header need no entry. Keys are compared after `normaliseQuestion`.
 */
export const QUESTION_ALIASES: Readonly<Record<string, string>> = {
  建议标题: "标题",
  建议题目: "标题",
  题目: "标题",
  案由: "标题",
  代表姓名: "领衔代表",
  领衔代表姓名: "领衔代表",
  领衔人: "领衔代表",
  提出代表: "领衔代表",
  提出人: "领衔代表",
  姓名: "领衔代表",
  您的姓名: "领衔代表",
  附议代表姓名: "附议代表",
  附议人: "附议代表",
  联名代表: "附议代表",
  联名人: "附议代表",
  建议内容: "内容摘要",
  主要内容: "内容摘要",
  内容: "内容摘要",
  建议摘要: "内容摘要",
  具体建议: "内容摘要",
  建议类别: "类别",
  分类: "类别",
  所属类别: "类别",
  建议分类: "类别",
  提出时间: "提出日期",
  提交日期: "提出日期",
  提交时间: "提出日期",
  日期: "提出日期",
  // Reply and rating forms name the suggestion they answer (docs/deploy.md lists 建议编号→编号).
  建议编号: "编号",
  答复时间: "答复日期",
  届别: "届次",
  会议届次: "届次",
  其他说明: "备注",
  补充说明: "备注",
};

const LEDGER_HEADERS: ReadonlySet<string> = new Set(ledgerStaffColumns.map((col) => col.header));

const DECORATION = /[\s*＊:：?？]+|[（(]\s*(必填|选填|可选|多个以顿号分隔)\s*[)）]/g;

/**
 * The number a platform puts before a title: 问卷星's `1. `, `二、`, `3）`, `（4）`, `Q5.` (also
 * full-width: `１．`). Only with its punctuation: a title that merely starts with a digit is kept.
 */
const NUMBERING =
  /^\s*(?:[Qq]?[0-9０-９]+\s*[.、．:：)）]|[一二三四五六七八九十]+\s*[.、．:：)）]|[（(]\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)\s*[)）])\s*/;

/** What a form's prompt adds before the title itself: 请填写建议标题, 请选择答复类别. */
const PROMPT = /^(?:请填写|请输入|请选择|请填|请选)/;

/**
 * Strips what forms add around a title: its numbering (1. 建议标题), a prompt (请填写…), spaces,
 * required-marks, colons, “（必填）”.
 */
export function normaliseQuestion(title: string): string {
  return title.replace(NUMBERING, "").replace(DECORATION, "").replace(PROMPT, "");
}

/**
 * The 建议台账 header a form question fills, or null when the question has no column (the intake
 * job then keeps the answer in 备注 or drops it, its choice).
 */
export function headerForQuestion(title: string): string | null {
  const key = normaliseQuestion(title);
  if (LEDGER_HEADERS.has(key)) return key;
  return QUESTION_ALIASES[key] ?? null;
}

/**
 * Titles by which a rating form asks who rates (besides those of 领衔代表: 姓名, 代表姓名…), and a
 * reply form which unit replies. Not columns: planApply checks the name against the row's 领衔代表
 * or 主办单位, so a mistyped 编号 does not rate or answer someone else's suggestion.
 */
const RATER_TITLES: ReadonlySet<string> = new Set(["测评人", "测评人姓名", "测评代表", "测评代表姓名"]);
const REPLYING_UNIT_TITLES: ReadonlySet<string> = new Set([
  "答复单位",
  "答复单位名称",
  "主办单位",
  "承办单位",
  "办理单位",
  "单位",
  "单位名称",
  "填报单位",
]);

/** Whether a question names who sends a rating (`rater`) or which unit sends a reply (`unit`). */
export function namesSender(kind: "rater" | "unit", title: string): boolean {
  const key = normaliseQuestion(title);
  if (kind === "unit") return REPLYING_UNIT_TITLES.has(key);
  return RATER_TITLES.has(key) || headerForQuestion(title) === "领衔代表";
}
