import type { ProblemLevel } from "../../../sheets-schema/enums";
import { NO_PROBLEMS, type Problem } from "../problems";
import type { ParsedRow } from "../read-tab";
import { PRACTICE_FACTS } from "./practice-facts";

/** Who reports a suggestion's practice rows, and whether they may be compared with its ledger row. */
export interface ReportScope {
  /** 编号 as typed. */
  readonly id: string;
  /** This ledger row reports the practice rows (the first holding the 编号). */
  readonly reportsRelated: boolean;
  /**
   * The sheet rows of a 编号 typed on more than one ledger row; null when it is on one. The rows of
   * such a 编号 are not compared with any ledger row (see duplicateNote). A unit's form (a row not
   * yet in the sheet, of a suggestion of its own) leaves it out.
   */
  readonly duplicateRows?: readonly number[] | null;
}

/**
 * The 提醒 a practice row of a duplicated 编号 gets instead of its comparisons with the suggestion.
 * Which ledger row it belongs to is what the duplicate's 错误 asks staff to decide: checked against
 * whichever row came first, a sort of the ledger (by 主办单位) made and unmade 错误 on rows nobody
 * touched. Checking against all of them would need every duplicate's units and dates, which a
 * split sync's index of the ledger does not carry.
 */
export function duplicateNote(id: string, rows: readonly number[]): string {
  return `编号 ${id} 在『建议台账』中重复（第 ${rows.join("、")} 行），本行的单位和日期暂未与台账核对：请先改正台账中的重复编号，改正后再核对`;
}

/**
 * Where a suggestion's practice rules put a problem on a related row. A class, not a closure made
 * per suggestion: the bundler wraps every closure it creates at run time in a naming call. Its list
 * is made at the first problem: the sync checks thousands of suggestions, most with none.
 */
export class PracticeReport {
  private found: Problem[] | null = null;
  /** PRACTICE_FACTS flags, set once the checks have run: the report is also their result. */
  facts = 0;

  constructor(private readonly scope: ReportScope) {}

  get extended(): boolean {
    return (this.facts & PRACTICE_FACTS.extended) !== 0;
  }

  get problems(): readonly Problem[] {
    return this.found ?? NO_PROBLEMS;
  }

  /** Whether the rows are compared with this ledger row (false for a duplicated 编号: duplicateNote). */
  get compares(): boolean {
    return !this.scope.duplicateRows;
  }

  /** A problem found by comparing a related row with the suggestion. */
  add(tab: string, row: ParsedRow<unknown>, level: ProblemLevel, column: string, message: string): void {
    if (this.scope.reportsRelated && this.compares) this.push(tab, row, level, column, message);
  }

  /**
   * A related row's own problems (cells, dates, approvals), reported with the suggestion; those
   * `dropped` says no longer apply to it. For a duplicated 编号, each row's duplicateNote after them.
   */
  addOwn(tab: string, rows: readonly ParsedRow<unknown>[], dropped?: (problem: Problem) => boolean): void {
    if (!this.scope.reportsRelated) return;
    // A row's own sink does not know the 编号 it names: each problem is listed under it.
    for (const row of rows) {
      for (const problem of row.problems.list)
        if (!dropped?.(problem))
          this.listToAdd().push(problem.id ? problem : { ...problem, id: this.scope.id });
      const duplicates = this.scope.duplicateRows;
      if (duplicates && !row.blank)
        this.push(tab, row, "提醒", "编号", duplicateNote(this.scope.id, duplicates));
    }
  }

  private push(tab: string, row: ParsedRow<unknown>, level: ProblemLevel, column: string, message: string) {
    this.listToAdd().push({ tab, row: row.rowNumber, column, level, message, id: this.scope.id });
  }

  private listToAdd(): Problem[] {
    this.found ??= [];
    return this.found;
  }
}
