import type {
  ApprovalResult,
  HandlingPeriod,
  LedgerStatus,
  Rating,
  ReplyClass,
  ReviewResult,
  Source,
} from "../../sheets-schema";
import { type ledgerStaffColumns, ledgerTab } from "../../sheets-schema";
import { serialFromIso } from "../../src/domain";
import type { Prng } from "./prng";

/** A cell as the Sheets API writes it with RAW: text, a number (dates as serials) or a checkbox. */
export type Cell = string | number | boolean;

export type LedgerHeader = (typeof ledgerStaffColumns)[number]["header"];

/** One suggestion of the demo year, dates as ISO strings until rendered. */
export interface Suggestion {
  /** The status this suggestion was written to reach on DEMO_TODAY (checked by a test). */
  intended: LedgerStatus;
  id: string;
  session: string;
  title: string;
  summary: string;
  lead: string;
  coSigners: string[];
  category: string;
  submittedOn: string;
  review: ReviewResult | null;
  mergedInto?: string;
  isKey?: boolean;
  supervisor?: string;
  leadUnit?: string;
  coUnits: string[];
  assignedOn?: string;
  /** null = left blank (三个月). */
  period?: HandlingPeriod | null;
  repliedOn?: string;
  replyClass?: ReplyClass;
  replyContent?: string;
  rating?: Rating;
  ratedOn?: string;
  reassignedOn?: string;
  secondRepliedOn?: string;
  secondRating?: Rating;
  implementation?: "已落实" | "推进中";
  crossYear?: boolean;
  followUp?: boolean;
  followUpNotes?: string;
  notes?: string;
  /** practice.md's columns. */
  source?: Source;
  preReview?: string;
  handlingLeader?: string;
  replyLetter?: string;
  secondReplyClass?: ReplyClass;
  excellent?: boolean;
  /** The lead unit's extension request (延期申请), if the year had one. */
  extension?: { appliedOn: string; reason: string; result: ApprovalResult | null; decidedOn?: string };
  /** Cells written exactly as given (the planted staff mistakes). */
  overrides: Partial<Record<LedgerHeader, Cell>>;
}

const DATE_HEADERS = new Set<string>([
  "提出日期",
  "交办日期",
  "答复日期",
  "测评日期",
  "二次交办日期",
  "二次答复日期",
]);

/** How staff type a date when they do not pick it from the date picker. */
function typedDate(iso: string, prng: Prng): string {
  const [y, m, d] = iso.split("-").map(Number);
  return prng.pick([iso, `${y}/${m}/${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`]);
}

const yesNo = (value: boolean | undefined, blankWhenNo: boolean): string =>
  value ? "是" : blankWhenNo ? "" : "否";

/** The staff cells of a suggestion, keyed by header. Most dates are serials, some typed text. */
export function suggestionCells(s: Suggestion, prng: Prng): Partial<Record<LedgerHeader, Cell>> {
  const cells: Partial<Record<LedgerHeader, Cell>> = {
    编号: s.id,
    届次: s.session,
    标题: s.title,
    内容摘要: s.summary,
    领衔代表: s.lead,
    附议代表: s.coSigners.join("、"),
    类别: s.category,
    提出日期: s.submittedOn,
    来源: s.source ?? "",
    审查结果: s.review ?? "",
    预审意见: s.preReview ?? "",
    并入编号: s.mergedInto ?? "",
    重点建议: yesNo(s.isKey, prng.chance(0.7)),
    督办领导: s.supervisor ?? "",
    领办领导: s.handlingLeader ?? "",
    主办单位: s.leadUnit ?? "",
    协办单位: s.coUnits.join("、"),
    交办日期: s.assignedOn ?? "",
    办理时限: s.period ?? "",
    答复日期: s.repliedOn ?? "",
    答复类别: s.replyClass ?? "",
    答复内容: s.replyContent ?? "",
    答复函: s.replyLetter ?? "",
    满意度: s.rating ?? "",
    测评日期: s.ratedOn ?? "",
    二次交办日期: s.reassignedOn ?? "",
    二次答复日期: s.secondRepliedOn ?? "",
    二次答复类别: s.secondReplyClass ?? "",
    二次满意度: s.secondRating ?? "",
    落实情况: s.implementation ?? "",
    跨年督办: s.crossYear ? "是" : "",
    回访: s.followUp ? "是" : "",
    回访意见: s.followUpNotes ?? "",
    优秀建议: s.excellent ? "是" : "",
    备注: s.notes ?? "",
  };
  for (const header of DATE_HEADERS) {
    const key = header as LedgerHeader;
    const iso = cells[key];
    if (typeof iso !== "string" || iso === "") continue;
    cells[key] = prng.chance(0.1) ? typedDate(iso, prng) : serialFromIso(iso);
  }
  return { ...cells, ...s.overrides };
}

/** Every ledger header in schema order; the system columns stay blank (the sync fills them). */
export const LEDGER_HEADERS: readonly string[] = ledgerTab.columns.map((c) => c.header);
