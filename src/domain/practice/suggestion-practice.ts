import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import type { ExtensionRecord } from "../../../sheets-schema/tabs/practice-tabs";
import { nameKey } from "../directory";
import type { Problem } from "../problems";
import type { ParsedRow } from "../read-tab";
import { spacedNames } from "../spaced-names";
import { isAwaitingReview } from "./check-practice-rows";
import {
  approvalExtends,
  extensionStillMatters,
  isCountingContact,
  isCountingRequest,
  isUnitOfSuggestion,
} from "./counting-request";
import { PRACTICE_FACTS } from "./practice-facts";
import type { PracticeIndex } from "./practice-index";
import { PracticeReport as Report, type ReportScope } from "./practice-report";
import { practiceChecked } from "./practice-since";

export interface SuggestionPracticeInput extends ReportScope {
  /** The ledger row: its own 提醒 (答复前未记录办前联系, …) are added to it. */
  readonly row: ParsedRow<LedgerRecord>;
  /**
   * 编号 as typed (practice rows name a suggestion by the 编号 in the sheet). The first ledger row
   * holding it reports the problems of its practice rows (reportsRelated: a 编号 typed twice would
   * report them twice); of a 编号 typed twice (duplicateRows), never against one of its rows.
   */
  readonly id: string;
  readonly index: PracticeIndex;
  /** The day the rows are checked for: a contact dated after it counts for nothing (isCountingContact). */
  readonly today: string;
  /** The round-1 due date by three months (逾期后申请 is judged against it). */
  threeMonthDue(assignedOn: string): string;
  /**
   * 设置 启用日期 ("" or absent: none). A suggestion 交办 before it gets no 提醒 from 沟通记录 or
   * 协办意见 and counts in no 沟通率 (practice-since.ts); its practice rows are still checked.
   */
  readonly practiceSince?: string;
}

export interface SuggestionPractice {
  /** An approved 延期申请 of the lead unit: round 1 runs six months. */
  readonly extended: boolean;
  /** PRACTICE_FACTS flags for the figures. */
  readonly facts: number;
  /** Problems on 沟通记录, 延期申请 and 协办意见 rows of this suggestion. */
  readonly problems: readonly Problem[];
}

const sameName = (a: string, b: string) => a !== "" && nameKey(a) === nameKey(b);
const listed = (names: readonly string[]) => (names.length > 0 ? names.join("、") : "无");

/** Each part as typed: whether the parts are units is the ledger row's check (spacedListProblem). */
const asTyped = (part: string) => ({ write: part, note: "" });

/**
 * Whether `unit` is one of the names a 协办单位 typed with spaces holds (区住建局 区卫健委). The
 * ledger row's own 错误 asks for 、 there; telling this row its unit is no co-unit had staff delete a
 * correct 协办意见.
 */
const inSpacedCoUnits = (unit: string, coUnits: readonly string[]): boolean =>
  coUnits.some((item) => spacedNames(item, asTyped)?.some((part) => sameName(unit, part.write)) ?? false);

/**
 * The approved requests that count: by the lead unit, 同意, with no 错误 (isCountingRequest). The
 * first one extends round 1. Returns
 * PRACTICE_FACTS flags: whether one did, and whether the lead unit has a decided or pending request.
 */
function checkExtensions(input: SuggestionPracticeInput, report: Report): number {
  const r = input.row.record;
  const rows = input.index.extensions.of(input.id);
  let approved: ParsedRow<ExtensionRecord> | null = null;
  let decided = false;
  let pending = false;
  for (const ext of rows) {
    if (ext.blank) continue;
    const e = ext.record;
    const byLead = sameName(e.unit, r.leadUnit);
    if (byLead && e.result) decided = true;
    if (byLead && !e.result && e.appliedOn) pending = true;
    if (e.unit && !byLead && !ext.failed.has("unit")) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "错误",
        "申请单位",
        `只有主办单位可以申请延期：本条建议的主办单位是“${r.leadUnit || "（未填写）"}”，本申请不计入办理期限`,
      );
    }
    if (e.appliedOn && !r.assignedOn) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "错误",
        "申请日期",
        "这条建议还没有交办日期，不能申请延期：请核对编号",
      );
    } else if (e.appliedOn && r.assignedOn && e.appliedOn <= r.assignedOn) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "错误",
        "申请日期",
        `申请日期 ${e.appliedOn} 应晚于交办日期 ${r.assignedOn}：请核对`,
      );
    } else if (
      e.appliedOn &&
      r.assignedOn &&
      r.period !== "六个月" &&
      e.appliedOn > input.threeMonthDue(r.assignedOn)
    ) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "提醒",
        "申请日期",
        `逾期后申请：申请日期 ${e.appliedOn} 已过三个月的办理期限 ${input.threeMonthDue(r.assignedOn)}`,
      );
    }
    if (e.result !== "同意" || !byLead) continue;
    if (!isCountingRequest(r, ext)) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "错误",
        "审批结果",
        "这条延期申请有错误（见本行其他问题），改正前不计入办理期限，也不发延期审批结果和延期告知",
      );
      continue;
    }
    if (approved) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "提醒",
        "审批结果",
        `本条建议已在第 ${approved.rowNumber} 行获准延期，再次批准不再延长：代表法第五十一条规定办理期限最长六个月`,
      );
    } else if (!approvalExtends(r)) {
      report.add(
        TAB_NAMES.extensions,
        ext,
        "提醒",
        "审批结果",
        "台账中办理时限已是六个月，批准延期不再延长：代表法第五十一条规定办理期限最长六个月",
      );
    }
    approved ??= ext;
  }
  // A request round 1's reply made moot waits for no decision (extensionStillMatters): its page says so.
  const waiting =
    pending &&
    extensionStillMatters(r, r.assignedOn ? input.threeMonthDue(r.assignedOn) : null, approved !== null);
  return (
    // An approval that moved no due date (六个月 already, its 提醒 above) is no extension (延期件数).
    (approved && approvalExtends(r) ? PRACTICE_FACTS.extended : 0) |
    (decided ? PRACTICE_FACTS.extensionDecided : 0) |
    (waiting ? PRACTICE_FACTS.extensionPending : 0)
  );
}

/**
 * 沟通记录 of the suggestion against it; returns whether the lead unit contacted the deputy before
 * replying, and whether the reply counts in 沟通率 (the tab kept, 交办 on or after 启用日期).
 */
function checkContacts(input: SuggestionPracticeInput, report: Report): number {
  const r = input.row.record;
  const tab = input.index.contacts;
  if (!tab.available) return 0;
  const checked = practiceChecked(r.assignedOn, input.practiceSince);
  let contacted = false;
  let faceToFace = false;
  for (const c of tab.of(input.id)) {
    if (c.blank) continue;
    const { unit, date, stage, method } = c.record;
    if (unit && !isUnitOfSuggestion(r, unit) && !c.failed.has("unit"))
      report.add(
        TAB_NAMES.contacts,
        c,
        "错误",
        "承办单位",
        `承办单位“${unit}”不是这条建议的主办或协办单位（主办：${r.leadUnit || "未填写"}；协办：${listed(r.coUnits)}）：请核对`,
      );
    if (date && !r.assignedOn)
      report.add(
        TAB_NAMES.contacts,
        c,
        "提醒",
        "日期",
        "这条建议还没有交办日期：请核对编号，或先在台账中填写交办日期",
      );
    else if (date && r.assignedOn && date < r.assignedOn)
      report.add(TAB_NAMES.contacts, c, "错误", "日期", `日期 ${date} 早于交办日期 ${r.assignedOn}：请核对`);
    if (stage === "办前" && date && r.repliedOn && date > r.repliedOn)
      report.add(
        TAB_NAMES.contacts,
        c,
        "提醒",
        "阶段",
        `阶段为办前，但日期 ${date} 晚于答复日期 ${r.repliedOn}：答复之后的联系不是办前联系，请改为办中或办后`,
      );
    const beforeReply = !r.repliedOn || !date || date <= r.repliedOn;
    // 沟通率 and the key suggestion's 面商 count what the year report and the 沟通提醒 count: a
    // contact with an 错误 (its own cells, or against the suggestion: dated before 交办 or after
    // today) is no contact until mended.
    const counts =
      beforeReply &&
      !c.problems.list.some((p) => p.level === "错误") &&
      isCountingContact(r, c.record, input.today);
    if (counts && stage === "办前" && sameName(unit, r.leadUnit)) contacted = true;
    if (counts && (method === "面商" || method === "实地察看")) faceToFace = true;
  }
  // 交办 before 启用日期: handled before contacts were recorded here, so neither 提醒 nor 沟通率.
  if (!checked) return 0;
  if (r.review === "立案" && r.repliedOn) {
    if (!contacted)
      input.row.problems.warn(
        "答复日期",
        `答复前未记录办前联系：主办单位在答复（${r.repliedOn}）之前，『沟通记录』中没有阶段为办前的联系；请补录办前联系（面商、座谈、电话等）`,
      );
    if (r.isKey && !faceToFace)
      input.row.problems.warn(
        "重点建议",
        "重点建议答复前没有面商或实地察看：『沟通记录』中没有方式为面商或实地察看的联系，请核对并补录",
      );
  }
  return PRACTICE_FACTS.contactsKept | (r.repliedOn && contacted ? PRACTICE_FACTS.contacted : 0);
}

/** 协办意见 of the suggestion against its co-units; a reply while a co-unit sent nothing is a 提醒. */
function checkCoOpinions(input: SuggestionPracticeInput, report: Report): void {
  const r = input.row.record;
  const tab = input.index.coOpinions;
  if (!tab.available) return;
  const sent = new Set<string>();
  for (const o of tab.of(input.id)) {
    if (o.blank) continue;
    const { unit, deliveredOn } = o.record;
    const coUnit = r.coUnits.find((u) => sameName(unit, u));
    if (unit && !coUnit && !o.failed.has("unit") && !inSpacedCoUnits(unit, r.coUnits)) {
      const lead = sameName(unit, r.leadUnit) ? `“${unit}”是主办单位，协办意见由协办单位送达主办单位` : "";
      report.add(
        TAB_NAMES.coOpinions,
        o,
        "错误",
        "协办单位",
        lead || `“${unit}”不是这条建议的协办单位（协办：${listed(r.coUnits)}）：请核对编号或单位名称`,
      );
    }
    if (deliveredOn && r.assignedOn && deliveredOn < r.assignedOn)
      report.add(
        TAB_NAMES.coOpinions,
        o,
        "提醒",
        "送达日期",
        `送达日期 ${deliveredOn} 早于交办日期 ${r.assignedOn}：请核对`,
      );
    if (coUnit && (!r.repliedOn || !deliveredOn || deliveredOn <= r.repliedOn)) sent.add(nameKey(coUnit));
  }
  if (r.review !== "立案" || !r.repliedOn || !practiceChecked(r.assignedOn, input.practiceSince)) return;
  const silent = r.coUnits.filter((u) => !sameName(u, r.leadUnit) && !sent.has(nameKey(u)));
  if (silent.length > 0)
    input.row.problems.warn(
      "协办单位",
      `协办单位 ${silent.join("、")} 在答复前没有送达协办意见（『协办意见』表）：请督促其送达书面意见，并记入协办意见表`,
    );
}

/**
 * Whether a decision on this suggestion's waiting requests no longer matters (extensionStillMatters):
 * asked only where it has a request without 审批结果, so a suggestion without one costs nothing. Of a
 * duplicated 编号 the requests are not judged by one of its rows: their own 提醒 stay.
 */
function reviewIsMoot(
  input: SuggestionPracticeInput,
  requests: readonly ParsedRow<ExtensionRecord>[],
): boolean {
  const r = input.row.record;
  if (!r.repliedOn || input.duplicateRows || !requests.some((e) => !e.blank && !e.record.result))
    return false;
  const approved = requests.some((e) => e.record.result === "同意" && isCountingRequest(r, e));
  return !extensionStillMatters(r, r.assignedOn ? input.threeMonthDue(r.assignedOn) : null, approved);
}

/**
 * The rules practice.md ties to a suggestion across tabs: its 沟通记录, 延期申请 and 协办意见 rows
 * against it (unit, dates), and its own 提醒 from them. Looks up only this 编号's rows in the index,
 * so each ledger row costs O(its rows there). A tab the sheet lacks adds no rule.
 */
export function checkSuggestionPractice(input: SuggestionPracticeInput): SuggestionPractice {
  const report = new Report(input);
  if (input.reportsRelated) {
    // The rows' own problems (cells, dates, approvals) first, then each against the suggestion.
    const { contacts, extensions, coOpinions } = input.index;
    report.addOwn(TAB_NAMES.contacts, contacts.of(input.id));
    const requests = extensions.of(input.id);
    report.addOwn(
      TAB_NAMES.extensions,
      requests,
      reviewIsMoot(input, requests) ? isAwaitingReview : undefined,
    );
    report.addOwn(TAB_NAMES.coOpinions, coOpinions.of(input.id));
  }
  report.facts = checkExtensions(input, report) | checkContacts(input, report);
  checkCoOpinions(input, report);
  // The report is the result: one object per suggestion, not two.
  return report;
}
