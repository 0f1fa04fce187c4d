import type { LedgerStatus } from "../../../sheets-schema/enums";
import type { Calendar } from "../calendar";
import { byCodePoint } from "../compare-text";
import { contactStageWord } from "../dashboard/practice-timeline";
import { deadlineText, dueText, dueYearProvisional, markedDue } from "../dashboard/suggestion-ref";
import { hasFact } from "../practice/practice-facts";
import type { PracticeIndex } from "../practice/practice-index";
import { inSecondRound } from "../status";
import type { EvaluatedRow } from "../summary/evaluated";
import type { Relation } from "./recipient-rows";
import { AWAITING_REPLY } from "./row-actions";

/**
 * What a deputy's page of her suggestion says in her words where the office's would puzzle her: a
 * plain line beside the 台账状态 badge, the 办理期限 of a round already answered named as that round's,
 * an approved 延期 as a line of its own, and the units' contacts with the deputy (沟通记录) as dates,
 * stages, ways and units only.
 */

/**
 * The plain line beside each 台账状态 a deputy might not read at once, for the lead deputy (她测评)
 * and a co-signer (附议代表, who reads the lead's rating). None where the office's word is plain
 * (待审查, 已撤回, 不予立案, 办理中, 已办结) or the page says it otherwise (已并案: the merged note).
 */
const LEAD_LINES: Partial<Record<LedgerStatus, string>> = {
  退回修改: "代表工委已将建议退回，请您修改后重新提交",
  待交办: "建议已立案，代表工委将交有关单位办理",
  即将到期: "承办单位正在办理，办理期限临近",
  已逾期: "承办单位已超过办理期限，尚未答复",
  待测评: "请您对答复进行测评",
  待二次交办: "您对答复不满意，代表工委将交办单位重新办理",
  跨年督办: "本建议转入下一年度继续督办",
  跟踪落实: "答复的事项正在落实",
};

const CO_SIGNER_LINES: Partial<Record<LedgerStatus, string>> = {
  ...LEAD_LINES,
  退回修改: "代表工委已将建议退回领衔代表修改",
  待测评: "承办单位已答复，等待领衔代表测评",
  待二次交办: "领衔代表对答复不满意，代表工委将交办单位重新办理",
};

/** The plain line beside the deputy's 台账状态; null where the status word says it. */
export function deputyStatusLine(status: LedgerStatus | "", relation: Relation): string | null {
  if (!status) return null;
  return (relation === "lead" ? LEAD_LINES : CO_SIGNER_LINES)[status] ?? null;
}

/**
 * 办理期限 as the deputy's page shows it: while the unit owes a reply, the current round's date
 * (（暂定） as the notices say it); once that round is answered, named as that round's with the day
 * it was answered, no （暂定） then (首轮办理期限 … （首轮已于 … 答复）), so a passed date never reads as current.
 * null before there is one (待审查, 待交办).
 */
export function deputyDue(
  row: EvaluatedRow,
  calendar?: Pick<Calendar, "isYearKnown">,
): { label: string; value: string } | null {
  const due = dueText(row, calendar);
  if (!due) return null;
  const second = inSecondRound(row.record);
  const repliedOn = (second ? row.record.secondRepliedOn : row.record.repliedOn) ?? "";
  if (AWAITING_REPLY.has(row.computed.status) || !repliedOn) return { label: "办理期限", value: due };
  // Answered, the date is history: whether it might still have moved (（暂定）) no longer matters.
  const round = second ? "二次" : "首轮";
  return { label: `${round}办理期限`, value: `${row.computed.dueDate}（${round}已于 ${repliedOn} 答复）` };
}

/**
 * 「已批准延期，办理期限延至 …」 when an approved 延期申请 made round 1 six months (the sync's
 * `extended` fact), its date as round 1's 办理期限 says it; null otherwise.
 */
export function extensionLine(row: EvaluatedRow, calendar?: Pick<Calendar, "isYearKnown">): string | null {
  const first = row.firstDeadline;
  if (!hasFact(row.practice, "extended") || !first?.due) return null;
  const due = first.explanation
    ? deadlineText(first)
    : markedDue(first.due, calendar !== undefined && dueYearProvisional(first.due, calendar));
  return `已批准延期，${inSecondRound(row.record) ? "首轮" : ""}办理期限延至 ${due}`;
}

/**
 * One contact of a unit with the deputy as her page lists it: what is hers to know (when, which of
 * the 三沟通, how, which unit, whether the record says a deputy took part), not the unit's 内容,
 * 参加人员 or its account of her 代表意见.
 */
export interface DeputyContact {
  readonly date: string;
  readonly stage: string;
  readonly method: string;
  readonly unit: string;
  readonly joined: boolean;
}

/** The suggestion's 沟通记录 rows (every unit's, 代表参加 是 or 否), earliest first. */
export function deputyContacts(index: PracticeIndex, id: string): DeputyContact[] {
  return index.contacts
    .of(id)
    .filter((c) => !c.blank)
    .map((c) => ({
      date: c.record.date ?? "",
      stage: c.record.stage ?? "",
      method: c.record.method ?? "",
      unit: c.record.unit,
      joined: c.record.deputyJoined,
    }))
    .sort((a, b) => byCodePoint(a.date, b.date));
}

/** 2026-11-29 · 办前联系 · 面商 · 区教育局 (then （记录为代表本人未参加） for 代表参加 否). */
export function contactLine(c: DeputyContact): string {
  const stage = c.stage ? contactStageWord(c.stage) : "阶段未填";
  const line = [c.date || "日期未填", stage, c.method || "方式未填", c.unit || "单位未填"].join(" · ");
  return c.joined ? line : `${line}（记录为代表本人未参加）`;
}
