import { toHalfWidth } from "../../../sheets-schema/cells/cell-type";
import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { oneLine, SHORT_TEXT_MAX } from "../../../sheets-schema/cells/text-cells";
import type { ColumnDef } from "../../../sheets-schema/columns";
import {
  headerForQuestion,
  namesSender,
  normaliseQuestion,
} from "../../../sheets-schema/forms/question-aliases";
import { ledgerTab } from "../../../sheets-schema/tabs/ledger";
import { serialFromIso } from "../civil-date";
import { dropInvisible, trimInvisible } from "../invisible-chars";
import { fieldLimit, fitText, SHEETS_CELL_MAX } from "./field-limits";

export const FORM_KINDS = ["suggestion", "reply", "rating", "opinion"] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export type AnswerValue = string | number | boolean | null | readonly string[];
export type CellWrite = string | number;

/**
 * The 建议台账 columns each form may fill; anything else a form sends is kept in 备注. 测评意见 (a
 * deputy's comment with the rating) has no column of its own: it is added to 备注 as a line.
 */
export const FORM_COLUMNS: Record<FormKind, readonly string[]> = {
  suggestion: ["届次", "标题", "内容摘要", "领衔代表", "附议代表", "类别", "提出日期", "来源", "备注"],
  reply: ["编号", "答复日期", "答复类别", "答复内容", "落实情况", "答复函"],
  rating: ["编号", "满意度", "测评日期", "测评意见"],
  // A voter's opinion received at a liaison station: a row of 民意, not of 建议台账.
  opinion: ["日期", "联络站", "反映人", "内容", "接待代表", "处理方式", "建议编号", "备注"],
};

/** A rating's comment: not a ledger column, written into 备注 as `测评意见（…）：…`. */
export const RATING_COMMENT = "测评意见";

/**
 * A reply's or rating's answers without a column (联系人, 答复单位…), kept together under this key
 * and written into 备注 as one line `答复附言（…）：…` / `测评附言（…）：…` (jobs/intake/plan-apply).
 */
export const FORM_EXTRAS = "附言";

/**
 * Where a webhook reply or rating keeps the name its sender gave (答复单位; the rater's 姓名), beside
 * its 附言 line: not a column, but checked by planApply against the row's 主办单位 or 领衔代表, so a
 * mistyped 编号 does not answer or rate someone else's suggestion.
 */
export const SENDER_CELL = { reply: "答复单位", rating: "测评人" } as const;

/** The question titles a form's clerk is told would work, the most needed first. */
const FORM_TITLES: Record<FormKind, readonly string[]> = {
  suggestion: ["标题", "领衔代表", "内容摘要", "附议代表", "类别", "提出日期"],
  reply: ["编号（或建议编号）", "答复类别", "答复内容", "答复日期", "落实情况", "答复单位"],
  rating: ["编号（或建议编号）", "满意度", "测评日期", "测评意见", "姓名"],
  opinion: ["日期", "联络站", "反映人", "内容", "接待代表"],
};

/** How many unrecognised titles a refusal names at most. */
const NAMED_TITLES = 10;

/** Whether a question names a reply's unit or a rating's rater (SENDER_CELL). */
function sendsName(form: FormKind, question: string): boolean {
  if (form === "reply") return namesSender("unit", question);
  return form === "rating" && namesSender("rater", question);
}

/**
 * The answered questions a form sent that fill nothing of its own (kept in 备注 as they are), as
 * sent; its own sender's name (SENDER_CELL) counts as recognised.
 */
export function unrecognisedQuestions(
  form: FormKind,
  answers: Readonly<Record<string, AnswerValue>>,
): string[] {
  return Object.entries(answers)
    .filter(
      ([question, value]) =>
        answerText(value) && !formColumnFor(form, question) && !sendsName(form, question),
    )
    .map(([question]) => question.trim());
}

/**
 * For the clerk who set the form up, when something required did not arrive: the titles that
 * matched nothing and those that would work, or null when every title was recognised (the sender
 * then left the answer blank, and is told so alone).
 */
export function titlesAdvice(form: FormKind, answers: Readonly<Record<string, AnswerValue>>): string | null {
  const unknown = unrecognisedQuestions(form, answers);
  if (unknown.length === 0) return null;
  const named = unknown.slice(0, NAMED_TITLES).join("、");
  const more = unknown.length > NAMED_TITLES ? ` 等 ${unknown.length} 项` : "";
  const titles = FORM_TITLES[form];
  const first = (titles[0] ?? "").replace(/（.*$/, "");
  return `未识别的题目：${named}${more}；请把表单的题目改为：${titles.join("、")}（前面可带序号，如“1. ${first}”）`;
}

export const DATE_HEADERS: ReadonlySet<string> = new Set(["提出日期", "答复日期", "测评日期", "日期"]);
/** The date a form fills by itself when the sender left it out: the day of submission. */
export const DEFAULT_DATE: Partial<Record<FormKind, string>> = {
  suggestion: "提出日期",
  reply: "答复日期",
  rating: "测评日期",
  opinion: "日期",
};

export interface MappedAnswers {
  cells: Record<string, CellWrite>;
}

/**
 * An answer as cell text: trimmed, of the zero-width characters a paste from WeChat or Word leaves
 * at its ends too (invisible-chars); a checkbox answer's choices joined with 、.
 */
export function answerText(value: AnswerValue): string {
  if (value === null) return "";
  if (Array.isArray(value))
    return value
      .map((v) => trimInvisible(String(v)))
      .filter(Boolean)
      .join("、");
  return trimInvisible(String(value));
}

/** The column of this form a question fills (by ledger header or known alias), or null. */
export function formColumnFor(form: FormKind, question: string): string | null {
  const allowed = FORM_COLUMNS[form];
  // A header of the form's own tab first: 民意's 内容 is its own column, not an alias of 内容摘要.
  if (allowed.includes(question.trim())) return question.trim();
  const key = normaliseQuestion(question);
  if (allowed.includes(key)) return key;
  const header = headerForQuestion(question) ?? key;
  return allowed.includes(header) ? header : null;
}

/**
 * Answers naming an existing suggestion: typed with a Chinese IME (`２０２６－１２７`) they are read
 * as ASCII, as the ledger reads its dates and numbers, and a zero-width character pasted with them
 * (`2026-001\u200b` from WeChat) is dropped wherever it is, or the 编号 would match no row while
 * looking, in 校验问题, exactly like the one in the ledger.
 */
const ID_HEADERS: ReadonlySet<string> = new Set(["编号", "建议编号"]);

/**
 * The ledger's choice columns a reply or a rating fills, by header, each with its 建议台账 cell type
 * (a round-2 answer goes to 二次答复类别 / 二次满意度, which read it alike). The hook takes what that
 * type reads as a listed value (choiceProblems); the cell gets the listed value itself.
 */
export const CHOICE_COLUMNS: ReadonlyMap<string, ColumnDef> = new Map(
  ledgerTab.columns
    .filter((c) => c.header === "答复类别" || c.header === "满意度" || c.header === "落实情况")
    .map((c) => [c.header, c]),
);

/**
 * A choice answer as the listed value its column reads it as (`b 类` → B, `满意。` → 满意). Written
 * as typed, Google's dropdown on the column showed the cell as invalid, and intake's own checks
 * (`答复类别 === "B"`) misread it. One the list lacks is kept as typed: the hook refused it already.
 */
function choiceCell(column: ColumnDef, text: string): CellWrite {
  const parsed = column.cell.schema.safeParse(choiceText(column, text));
  return parsed.success && typeof parsed.data === "string" ? parsed.data : textCell(column.header, text);
}

/**
 * A choice answer as its column reads it: as sent, or, an option label a platform sends whole
 * (`A类（已解决或基本解决）`, `基本满意(请说明)`), the listed value it starts with, followed by 类 or a
 * bracket. Anything else is as sent, for the column to read or refuse.
 */
export function choiceText(column: ColumnDef, text: string): string {
  if (column.cell.schema.safeParse(text).success) return text;
  const typed = toHalfWidth(text);
  // The longest first: 不满意 is not 满意 with something before it, but 基本满意 starts with neither.
  const values = [...(column.cell.values ?? [])].map(String).sort((a, b) => b.length - a.length);
  for (const value of values) {
    if (!typed.toUpperCase().startsWith(value.toUpperCase())) continue;
    return /^\s*(?:类|[（(【[〔])/.test(typed.slice(value.length)) ? value : text;
  }
  return text;
}

/** Beijing time (UTC+8), in which an epoch-milliseconds date answer is a day. */
const BEIJING_MS = 8 * 3_600_000;

/**
 * A date answer as a date the sheet can show (serial number): one the ledger reads, one with its
 * time (`2026-12-07 19:08`, the date kept) or epoch milliseconds (飞书's date questions, the day in
 * Beijing); else the text as typed, which the sync then reports.
 */
function dateCell(text: string): CellWrite {
  if (/^\d{13}$/.test(text))
    return serialFromIso(new Date(Number(text) + BEIJING_MS).toISOString().slice(0, 10));
  const withTime = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T]\d{1,2}:\d{2}(?::\d{2})?$/.exec(text);
  const parsed = parseDateValue(withTime ? (withTime[1] as string) : text);
  return parsed.ok ? serialFromIso(parsed.iso) : fitText(text, SHORT_TEXT_MAX);
}

/**
 * Text within its column's limit. Callers refuse over-long short fields first (answerProblems). A
 * short field (标题, a name) is one line: a line break in it (a hand-made post, a paste) becomes a
 * space, since the dashboard, the notices and the 督办周报 show it inside one line, where a break
 * would start a line of its own that reads as the office's.
 */
function textCell(header: string, text: string): string {
  const limit = fieldLimit(header);
  // A list's names are checked one by one; the cell as a whole only has to fit Google's limit.
  if (limit.kind === "list") return fitText(text, SHEETS_CELL_MAX);
  return fitText(limit.kind === "whole" ? oneLine(text) : text, limit.max);
}

/**
 * Maps a form's answers (keyed by ledger header or a known question title) onto the columns that
 * form may fill. Nothing is dropped: unknown questions go into 备注 (a suggestion's or opinion's
 * own; a reply's or rating's as one line under FORM_EXTRAS, added to its suggestion's 备注).
 * Values stay text (written RAW later), except recognised dates, which become serial numbers, and a
 * choice (答复类别, 满意度, 落实情况), which becomes the listed value its column reads it as. Every
 * cell fits its 建议台账 limit: long text and 备注 are cut with a marker (the D1 inbox keeps the
 * body verbatim).
 */
export function mapAnswers(
  form: FormKind,
  answers: Readonly<Record<string, AnswerValue>>,
  submittedOn: string,
): MappedAnswers {
  const cells: Record<string, CellWrite> = {};
  const extras: string[] = [];
  for (const [question, value] of Object.entries(answers)) {
    const typed = answerText(value);
    if (!typed) continue;
    const header = formColumnFor(form, question);
    const text = header && ID_HEADERS.has(header) ? toHalfWidth(dropInvisible(typed)) : typed;
    const choice = header ? CHOICE_COLUMNS.get(header) : undefined;
    if (choice) cells[choice.header] = choiceCell(choice, text);
    else if (header) cells[header] = DATE_HEADERS.has(header) ? dateCell(text) : textCell(header, text);
    else {
      // Kept in 备注 as before, and aside for planApply's check of who sent it.
      const sender = form === "reply" || form === "rating" ? SENDER_CELL[form] : null;
      if (sender && cells[sender] === undefined && sendsName(form, question))
        cells[sender] = fitText(oneLine(text), SHORT_TEXT_MAX);
      extras.push(`${question.trim()}：${text}`);
    }
  }
  const dateHeader = DEFAULT_DATE[form];
  if (dateHeader && cells[dateHeader] === undefined) cells[dateHeader] = serialFromIso(submittedOn);
  if (extras.length === 0) return { cells };
  if (form === "suggestion" || form === "opinion")
    cells.备注 = textCell("备注", [cells.备注, ...extras].filter(Boolean).join("\n"));
  else cells[FORM_EXTRAS] = textCell("备注", extras.join("；"));
  return { cells };
}
