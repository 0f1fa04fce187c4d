import { evaluateLedger, type LedgerEvaluation } from "../../../src/domain/evaluate-ledger";
import type { Problem } from "../../../src/domain/problems";
import { type LedgerCells, makeRow, makeTabs } from "./make-row";

/** The fixed "today" of the row-rule tests. */
export const TODAY = "2026-05-10";

/** Evaluates ledger rows (given as cells) against the fixture 代表 and 承办单位 tabs. */
export function evaluateRows(
  rows: LedgerCells[],
  extra: Partial<Record<string, unknown[][]>> = {},
  today = TODAY,
): LedgerEvaluation {
  return evaluateLedger({
    tabs: makeTabs(
      rows.map((cells) => makeRow(cells)),
      extra,
    ),
    today,
  });
}

/** Problems of one ledger row, as { column, level, message }. */
export function rowProblems(
  evaluation: LedgerEvaluation,
  rowNumber: number,
): Pick<Problem, "column" | "level" | "message">[] {
  const row = evaluation.rows.find((r) => r.rowNumber === rowNumber);
  return (row?.problems ?? []).map(({ column, level, message }) => ({ column, level, message }));
}

/** Problems of a single-row ledger. */
export function problemsOf(cells: LedgerCells, extra: Partial<Record<string, unknown[][]>> = {}) {
  return rowProblems(evaluateRows([cells], extra), 2);
}
