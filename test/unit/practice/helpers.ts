import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { leadersTab } from "../../../sheets-schema/tabs/directory";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../../sheets-schema/tabs/practice-tabs";
import type { LedgerEvaluation } from "../../../src/domain/evaluate-ledger";
import type { Problem } from "../../../src/domain/problems";
import { evaluateRows } from "../helpers/evaluate";
import type { LedgerCells } from "../helpers/make-row";

type Cells = Partial<Record<string, unknown>>;

function tabValues(tab: { columns: readonly { header: string }[] }, rows: readonly Cells[]): unknown[][] {
  const headers = tab.columns.map((c) => c.header);
  return [headers, ...rows.map((cells) => headers.map((h) => cells[h] ?? ""))];
}

/** The four tabs of practice.md with the given rows (cells keyed by header). */
export function practiceTabs(
  rows: { contacts?: Cells[]; extensions?: Cells[]; coOpinions?: Cells[]; leaders?: Cells[] } = {},
): Record<string, unknown[][]> {
  return {
    [TAB_NAMES.leaders]: tabValues(leadersTab, rows.leaders ?? []),
    [TAB_NAMES.contacts]: tabValues(contactsTab, rows.contacts ?? []),
    [TAB_NAMES.extensions]: tabValues(extensionsTab, rows.extensions ?? []),
    [TAB_NAMES.coOpinions]: tabValues(coOpinionsTab, rows.coOpinions ?? []),
  };
}

/** A suggestion assigned to 区教育局 (co: 区住建局, 区卫健委) on 2026-03-02 and replied on 2026-04-20. */
export const REPLIED: LedgerCells = {
  编号: "2026-001",
  主办单位: "区教育局",
  协办单位: "区住建局、区卫健委",
  交办日期: "2026-03-02",
  答复日期: "2026-04-20",
  答复类别: "A",
};

/** The same suggestion before its reply. */
export const ASSIGNED: LedgerCells = { ...REPLIED, 答复日期: "", 答复类别: "" };

/** A 办前 contact of the lead unit before the reply. */
export const BEFORE_CONTACT: Cells = {
  编号: "2026-001",
  日期: "2026-03-10",
  阶段: "办前",
  方式: "面商",
  承办单位: "区教育局",
  代表参加: "是",
};

/** The lead unit's 延期申请 for 2026-001, approved (cells keyed by header; `cells` override). */
export const extensionRequest = (cells: Cells = {}): Cells => ({
  编号: "2026-001",
  申请日期: "2026-04-01",
  申请单位: "区教育局",
  理由: "涉及多个部门，需统筹资金",
  审批结果: "同意",
  审批日期: "2026-04-03",
  ...cells,
});

/** Both co-units' written opinions. */
export const CO_OPINIONS: Cells[] = [
  { 编号: "2026-001", 协办单位: "区住建局", 送达日期: "2026-03-20" },
  { 编号: "2026-001", 协办单位: "区卫健委", 送达日期: "2026-03-25" },
];

export function evaluateWith(
  ledger: LedgerCells[],
  practice: Parameters<typeof practiceTabs>[0],
  extra: Partial<Record<string, unknown[][]>> = {},
  today?: string,
): LedgerEvaluation {
  return evaluateRows(ledger, { ...practiceTabs(practice), ...extra }, today);
}

export type Shown = Pick<Problem, "tab" | "row" | "column" | "level" | "message">;

/** Problems of one tab (all rows), as { row, column, level, message }. */
export function problemsIn(evaluation: LedgerEvaluation, tab: string): Omit<Shown, "tab">[] {
  return evaluation.problems
    .filter((p) => p.tab === tab)
    .map(({ row, column, level, message }) => ({ row, column, level, message }));
}

/** Problems of the first ledger row. */
export function ledgerProblems(evaluation: LedgerEvaluation): Omit<Shown, "tab" | "row">[] {
  return (evaluation.rows[0]?.problems ?? []).map(({ column, level, message }) => ({
    column,
    level,
    message,
  }));
}
