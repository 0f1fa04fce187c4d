import type { Calendar } from "../calendar";
import { type DayHorizon, isAfterToday, isPast } from "../day-horizon";
import type { Problem } from "../problems";
import type { PracticeIndex } from "./practice-index";

export interface PracticeRowsContext {
  readonly today: string;
  readonly calendar: Pick<Calendar, "addWorkingDays">;
  /** 设置 延期审批提醒天数 (working days). */
  readonly extensionReviewDays: number;
  /** Whether a 编号 is in 建议台账; null when the ledger could not be read (nothing is checked then). */
  readonly knownId: ((id: string) => boolean) | null;
  /** Notes how long the answers given against `today` hold (the sync's practice step keeps them). */
  readonly horizon?: DayHorizon;
}

type Sink = { problems: { error(column: string, message: string): void } };

/** The end of the 提醒 on a 延期申请 waiting past 延期审批提醒天数 (isAwaitingReview finds it). */
const AWAITING_REVIEW = "仍待审批：请尽快审批并填写审批结果";

/**
 * Whether a problem is that 提醒. It is raised with the tab's rows, which do not see the ledger;
 * a request round 1's timely reply made moot drops it when reported with its suggestion
 * (checkSuggestionPractice), as the overview no longer lists it for decision.
 */
export function isAwaitingReview(problem: Pick<Problem, "column" | "level" | "message">): boolean {
  return (
    problem.column === "审批结果" && problem.level === "提醒" && problem.message.endsWith(AWAITING_REVIEW)
  );
}

function notAfterToday(row: Sink, header: string, date: string | null, ctx: PracticeRowsContext): void {
  if (date && isAfterToday(date, ctx.today, ctx.horizon))
    row.problems.error(header, `${header} ${date} 晚于今天（${ctx.today}）：请核对`);
}

/**
 * A 编号 on two rows of the ledger has no snapshot (the sync cannot tell which row is the
 * suggestion), so when its rows are deleted 校验问题 lists no 恢复 for it: say where to get them back.
 */
export const NOT_KEPT =
  "；“校验问题”中没有它时（编号在台账中重复的行系统不留存，无法“恢复”），请用表格的“文件 → 版本记录”找回该行";

function checkId(row: Sink & { record: { id: string } }, ctx: PracticeRowsContext): void {
  const { id } = row.record;
  if (id && ctx.knownId && !ctx.knownId(id))
    row.problems.error(
      "编号",
      `编号“${id}”在『建议台账』中找不到：请核对编号；如果是这条建议的行被误删了，请在网页的“校验问题”中找到它并点“恢复”${NOT_KEPT}`,
    );
}

/**
 * The rules of 沟通记录, 延期申请 and 协办意见 that need no more of the ledger than its 编号:
 * the 编号 must exist, dates are not after today, an approval has its date, and a request that has
 * waited longer than 延期审批提醒天数 working days is a 提醒. Problems go onto the parsed rows; the
 * rules that compare a row with its suggestion run with that suggestion (checkSuggestionPractice).
 */
export function checkPracticeRows(index: PracticeIndex, ctx: PracticeRowsContext): void {
  for (const row of index.contacts.read.rows) {
    if (row.blank) continue;
    checkId(row, ctx);
    notAfterToday(row, "日期", row.record.date, ctx);
  }
  for (const row of index.extensions.read.rows) {
    if (row.blank) continue;
    const r = row.record;
    checkId(row, ctx);
    notAfterToday(row, "申请日期", r.appliedOn, ctx);
    notAfterToday(row, "审批日期", r.decidedOn, ctx);
    if (r.decidedOn && r.appliedOn && r.decidedOn < r.appliedOn)
      row.problems.error("审批日期", `审批日期 ${r.decidedOn} 早于申请日期 ${r.appliedOn}：请核对`);
    if (r.result && !r.decidedOn && !row.failed.has("decidedOn"))
      row.problems.warn("审批日期", `审批结果为“${r.result}”，请补上审批日期`);
    if (r.decidedOn && !r.result && !row.failed.has("result"))
      row.problems.warn("审批结果", "填写了审批日期，但没有审批结果：请填写 同意 或 不同意");
    if (!r.result && !row.failed.has("result") && r.appliedOn) {
      const limit = ctx.calendar.addWorkingDays(r.appliedOn, ctx.extensionReviewDays);
      if (isPast(limit, ctx.today, ctx.horizon))
        row.problems.warn(
          "审批结果",
          `延期申请 ${r.appliedOn} 提出，已超过 ${ctx.extensionReviewDays} 个工作日${AWAITING_REVIEW}`,
        );
    }
  }
  for (const row of index.coOpinions.read.rows) {
    if (row.blank) continue;
    checkId(row, ctx);
    notAfterToday(row, "送达日期", row.record.deliveredOn, ctx);
  }
}

/**
 * The problems of the three tabs that no suggestion reports: their header rows, and the rows whose
 * 编号 names no suggestion (`owned` false: unknown, blank or unreadable). A row of a suggestion is
 * reported with it (checkSuggestionPractice), by the sync chunk that holds that suggestion.
 */
export function unownedPracticeProblems(index: PracticeIndex, owned: (id: string) => boolean): Problem[] {
  const out: Problem[] = [];
  for (const tab of [index.contacts, index.extensions, index.coOpinions]) {
    out.push(...tab.read.problems);
    for (const row of tab.read.rows) {
      const id = (row.record as { id?: unknown }).id;
      if (typeof id === "string" && id !== "" && owned(id)) continue;
      out.push(...row.problems.list);
    }
  }
  return out;
}
