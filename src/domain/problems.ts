import type { ProblemLevel } from "../../sheets-schema/enums";

/**
 * A problem staff can fix, shown in 校验问题 (tab and row column) and on the dashboard. `row` is the
 * 1-based sheet row (null = the whole tab); `column` the header text (null = the whole row or tab).
 */
export interface Problem {
  readonly tab: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly level: ProblemLevel;
  readonly message: string;
  readonly id: string | null;
  /**
   * A fix the dashboard offers as a button: 恢复 for a vanished suggestion, 作废 for a submission the
   * sync could not place (`submission` names it).
   */
  readonly action?: "restore" | "discard";
  readonly submission?: { readonly form: string; readonly submissionId: string };
}

/** A problem of a whole tab (no row, no column, no suggestion). */
export function tabProblem(tab: string, level: ProblemLevel, message: string): Problem {
  return { tab, row: null, column: null, level, id: null, message };
}

/** Shared by every row with no problem of a kind: an empty array per row was garbage to collect. */
export const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

/** Collects problems for one tab (and optionally one row) without repeating tab, row and id. */
export class ProblemSink {
  /** Made at the first problem: most rows have none, and an empty list each was kept all sync long. */
  private items: Problem[] | null = null;

  constructor(
    readonly tab: string,
    private readonly row: number | null = null,
    private id: string | null = null,
  ) {}

  get list(): readonly Problem[] {
    return this.items ?? NO_PROBLEMS;
  }

  /** Forgets every problem (a row found blank reports none). */
  clear(): void {
    this.items = null;
  }

  /** Sets the 编号 once it is known (after numbering). */
  setId(id: string | null): void {
    this.id = id;
    const items = this.items;
    if (items === null) return;
    for (let i = 0; i < items.length; i += 1) items[i] = { ...(items[i] as Problem), id };
  }

  /** Rewrites the first problem `match` accepts; false when there is none. */
  amendFirst(match: (problem: Problem) => boolean, amend: (problem: Problem) => Problem): boolean {
    const items = this.items;
    const at = items === null ? -1 : items.findIndex(match);
    if (items === null || at < 0) return false;
    items[at] = amend(items[at] as Problem);
    return true;
  }

  error(column: string | null, message: string): void {
    this.add("错误", column, message);
  }

  warn(column: string | null, message: string): void {
    this.add("提醒", column, message);
  }

  add(level: ProblemLevel, column: string | null, message: string): void {
    const problem = { tab: this.tab, row: this.row, column, level, message, id: this.id };
    if (this.items === null) this.items = [problem];
    else this.items.push(problem);
  }
}

/**
 * One 提醒 naming the tabs of `known` the sheet does not have yet (`missing`), on the first of them:
 * 表格中还没有工作表『…』（what they hold）：what that means now. None when all are there.
 */
export function missingTabsNotice(
  known: readonly string[],
  missing: readonly string[],
  holds: string,
  meanwhile: string,
): Problem[] {
  const absent = known.filter((tab) => missing.includes(tab));
  if (absent.length === 0) return [];
  const names = absent.map((tab) => `『${tab}』`).join("");
  return [tabProblem(absent[0] as string, "提醒", `表格中还没有工作表${names}（${holds}）：${meanwhile}`)];
}

/**
 * The 校验问题 cell of a row: one line per problem, errors first, each "[错误] 列：说明" (the column
 * is left out when the message already starts with it, so lines stay short).
 */
export function formatRowProblems(problems: readonly Problem[]): string {
  if (problems.length === 0) return "";
  if (problems.length === 1) return singleProblemText(problems[0] as Problem);
  const lines: string[] = [];
  for (const level of ["错误", "提醒"] as const) {
    for (const problem of problems) {
      if (problem.level !== level) continue;
      const column = problem.column;
      const text =
        column && !problem.message.startsWith(column) ? `${column}：${problem.message}` : problem.message;
      lines.push(`[${level}] ${text}`);
    }
  }
  return lines.join("\n");
}

/**
 * The text of a row with one problem, kept by its message: many rows share one (a 提醒 asked of a
 * whole year's suggestions, a shared deadline's), and each built its own two strings.
 */
const singleTexts = new Map<string, { column: string | null; level: string; text: string }>();

function singleProblemText(problem: Problem): string {
  const kept = singleTexts.get(problem.message);
  if (kept && kept.column === problem.column && kept.level === problem.level) return kept.text;
  const { column, level, message } = problem;
  const text = `[${level}] ${column && !message.startsWith(column) ? `${column}：${message}` : message}`;
  // Bounded: messages that name a row's own values (an unknown name, a date) are seldom met twice.
  if (singleTexts.size >= 1_000) singleTexts.clear();
  singleTexts.set(message, { column, level, text });
  return text;
}

/**
 * Rows of the 校验问题 tab (工作表 · 行号 · 编号 · 列 · 级别 · 问题): every 错误 first, then the 提醒s,
 * each in the order found, as a row's own 校验问题 cell lists them. In January a hundred rows' 提醒
 * that next year's 放假安排 is not entered buried the few rows that are wrong.
 */
export function problemTabRows(problems: readonly Problem[]): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const level of ["错误", "提醒"] as const)
    for (const p of problems)
      if (p.level === level) rows.push([p.tab, p.row ?? "", p.id ?? "", p.column ?? "", p.level, p.message]);
  return rows;
}
