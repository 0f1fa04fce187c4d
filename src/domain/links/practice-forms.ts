import type { TabDef } from "../../../sheets-schema/columns";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../../sheets-schema/tabs/practice-tabs";
import type { Calendar } from "../calendar";
import { dateCellText, isIsoDate, serialFromIso } from "../civil-date";
import { checkPracticeRows } from "../practice/check-practice-rows";
import { buildPracticeIndex } from "../practice/practice-index";
import { checkSuggestionPractice } from "../practice/suggestion-practice";
import { ProblemSink } from "../problems";
import type { ParsedRow } from "../read-tab";
import { type FormFields, type FormProblem, type FormResult, one, refused } from "./forms";

/**
 * The forms a unit fills for practice.md's tabs (沟通记录, 延期申请, 协办意见), checked by the very
 * rules the sync applies to those tabs: the row the unit would add is parsed as the sync parses the
 * tab (cells, enums, lengths) and checked against its suggestion (dates, who may). What the sync
 * calls an 错误 refuses the form; what it calls a 提醒 (逾期后申请, a 办前 contact after the reply)
 * is accepted and told. Pure: `today` and the calendar are arguments.
 */

export type PracticeForm = "contact" | "extension" | "co-opinion";

/** A row for one practice tab, by header (dates as sheet serials, written RAW like the sheet stores them). */
export interface PracticeRow {
  readonly cells: Readonly<Record<string, string | number>>;
  /** The sync's 提醒 about this row, to tell the unit at once. */
  readonly warnings: readonly string[];
}

export interface PracticeFormContext {
  /** The unit as 承办单位 names it (the link's recipient). */
  readonly unit: string;
  readonly id: string;
  /** The suggestion whole (交办日期, 答复日期, 主办, 协办, 办理时限). */
  readonly record: LedgerRecord;
  readonly today: string;
  readonly calendar: Pick<Calendar, "addWorkingDays">;
  /** 设置 延期审批提醒天数. */
  readonly extensionReviewDays: number;
  /** The round-1 due date by three months (逾期后申请 is judged against it). */
  threeMonthDue(assignedOn: string): string;
}

export const PRACTICE_TAB_OF: Record<PracticeForm, TabDef> = {
  contact: contactsTab,
  extension: extensionsTab,
  "co-opinion": coOpinionsTab,
};

const dateCell = (iso: string): string | number => (isIsoDate(iso) ? serialFromIso(iso) : iso);

/** The sync's problems of one row the unit would add, as 错误 and 提醒 messages. */
function ruleProblems(
  form: PracticeForm,
  cells: Record<string, string | number>,
  ctx: PracticeFormContext,
): { errors: { column: string | null; message: string }[]; warnings: string[] } {
  const tab = PRACTICE_TAB_OF[form];
  const header = tab.columns.map((c) => c.header);
  const index = buildPracticeIndex({ [tab.name]: [header, header.map((h) => cells[h] ?? "")] });
  checkPracticeRows(index, {
    today: ctx.today,
    calendar: ctx.calendar,
    extensionReviewDays: ctx.extensionReviewDays,
    knownId: () => true,
  });
  // The suggestion's row as the sync holds it; its own 提醒 (答复前未记录办前联系…) are not this form's.
  const ledgerRow: ParsedRow<LedgerRecord> = {
    rowNumber: 2,
    raw: [],
    record: ctx.record,
    blank: false,
    failed: new Set(),
    problems: new ProblemSink(TAB_NAMES.ledger, 2, ctx.id),
  };
  const { problems } = checkSuggestionPractice({
    row: ledgerRow,
    id: ctx.id,
    index,
    reportsRelated: true,
    today: ctx.today,
    threeMonthDue: ctx.threeMonthDue,
  });
  const errors: { column: string | null; message: string }[] = [];
  const warnings: string[] = [];
  for (const p of problems) {
    if (p.tab !== tab.name) continue;
    if (p.level === "错误") errors.push({ column: p.column, message: p.message });
    else warnings.push(p.message);
  }
  return { errors, warnings };
}

/**
 * The form's outcome: its own words for a field left empty (by column), then the sync's 错误 about
 * the other columns; accepted with the sync's 提醒 when there is no 错误.
 */
function result(
  form: PracticeForm,
  cells: Record<string, string | number>,
  ctx: PracticeFormContext,
  own: Readonly<Record<string, string>>,
): FormResult<PracticeRow> {
  const { errors, warnings } = ruleProblems(form, cells, ctx);
  // A column of the tab is the form's field of that name (日期, 内容, 理由…); the page places only
  // those it shows (not 承办单位, which the form does not ask).
  const all: FormProblem[] = [
    ...Object.entries(own),
    ...errors
      .filter((e) => e.column === null || !(e.column in own))
      .map((e) => [e.column, e.message] as const),
  ];
  return all.length > 0 ? refused(all) : { ok: true, value: { cells, warnings } };
}

/** 沟通记录: 日期 (not before 交办日期, not after today), 阶段, 方式, 代表参加, 参加人员, 内容, 代表意见. */
export function checkContactForm(fields: FormFields, ctx: PracticeFormContext): FormResult<PracticeRow> {
  const date = one(fields, "日期");
  const own: Record<string, string> = {};
  if (!date) own.日期 = "请选择联系的日期";
  else if (!isIsoDate(date)) own.日期 = "日期格式不对：请选择日期";
  const cells = {
    编号: ctx.id,
    日期: date && isIsoDate(date) ? dateCell(date) : date,
    阶段: one(fields, "阶段"),
    方式: one(fields, "方式"),
    承办单位: ctx.unit,
    代表参加: one(fields, "代表参加") || "否",
    参加人员: one(fields, "参加人员"),
    内容: one(fields, "内容"),
    代表意见: one(fields, "代表意见"),
  };
  if (!cells.阶段) own.阶段 = "请选择阶段：办前、办中或办后";
  if (!cells.方式) own.方式 = "请选择联系方式：面商、座谈、实地察看、电话、书面或其他";
  if (!cells.内容) own.内容 = "请填写沟通的内容";
  return result("contact", cells, ctx, own);
}

/** 延期申请 by the lead unit, dated today: 理由 required (涉及面广、处理难度大…). */
export function checkExtensionForm(fields: FormFields, ctx: PracticeFormContext): FormResult<PracticeRow> {
  const reason = one(fields, "理由");
  const own: Record<string, string> = reason
    ? {}
    : { 理由: "请填写申请延期的理由（如涉及面广、处理难度大，需要的时间和已做的工作）" };
  const cells = { 编号: ctx.id, 申请日期: dateCell(ctx.today), 申请单位: ctx.unit, 理由: reason };
  return result("extension", cells, ctx, own);
}

/** 协办意见 of a co-unit, delivered today through the link: 内容摘要 required. */
export function checkCoOpinionForm(fields: FormFields, ctx: PracticeFormContext): FormResult<PracticeRow> {
  const summary = one(fields, "内容摘要");
  const own: Record<string, string> = summary ? {} : { 内容摘要: "请填写协办意见的内容" };
  const cells = { 编号: ctx.id, 协办单位: ctx.unit, 送达日期: dateCell(ctx.today), 内容摘要: summary };
  return result("co-opinion", cells, ctx, own);
}

/** An objection's text: short enough for one 校验问题 line with room for who and when. */
export const OBJECTION_REASON_MAX = 1000;
export const OBJECTION_PROPOSAL_MAX = 100;

export interface ObjectionAnswers {
  理由: string;
  建议承办单位: string;
}

/** 异议: 理由 required; 建议承办单位 (who should handle it instead) optional, not the unit itself. */
export function checkObjectionForm(fields: FormFields, unit: string): FormResult<ObjectionAnswers> {
  const reason = one(fields, "理由");
  const proposal = one(fields, "建议承办单位");
  const errors: FormProblem[] = [];
  if (!reason) errors.push(["理由", "请填写异议的理由（为什么不应由本单位承办）"]);
  else if (reason.length > OBJECTION_REASON_MAX)
    errors.push(["理由", `理由有 ${reason.length} 字，超过 ${OBJECTION_REASON_MAX} 字：请精简`]);
  if (proposal.length > OBJECTION_PROPOSAL_MAX)
    errors.push([
      "建议承办单位",
      `建议承办单位有 ${proposal.length} 字，超过 ${OBJECTION_PROPOSAL_MAX} 字：请只填单位名称`,
    ]);
  else if (proposal && proposal === unit) errors.push(["建议承办单位", "建议承办单位不能是本单位"]);
  return errors.length > 0 ? refused(errors) : { ok: true, value: { 理由: reason, 建议承办单位: proposal } };
}

function cut(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}……` : text;
}

/** One line for the suggestion's history: what the unit added to which tab. */
export function practiceRowSummary(
  form: PracticeForm,
  cells: Readonly<Record<string, string | number>>,
): string {
  const text = (header: string) => String(cells[header] ?? "");
  switch (form) {
    case "contact":
      return `新增一行：${dateCellText(cells.日期)} ${text("阶段")} ${text("方式")}（代表参加：${text("代表参加") || "否"}）${cut(text("内容"))}`;
    case "extension":
      return `新增一行：申请日期 ${dateCellText(cells.申请日期)}，理由：${cut(text("理由"))}`;
    case "co-opinion":
      return `新增一行：送达日期 ${dateCellText(cells.送达日期)}，${cut(text("内容摘要"))}`;
  }
}
