import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { daysBetween } from "../deadlines";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";
import { fieldTexts } from "./cell-text";
import { toCsv } from "./csv";

/** Computed columns after the staff columns. */
export const LEDGER_EXPORT_EXTRA = [
  "办理期限",
  "台账状态",
  "剩余天数",
  "首轮办理期限",
  "首轮期限说明",
  "二次办理期限",
  "二次期限说明",
  "校验问题",
] as const;

const OPEN: ReadonlySet<string> = new Set(["办理中", "即将到期", "已逾期"]);

export const LEDGER_EXPORT_HEADER: readonly string[] = [
  ...ledgerStaffColumns.map((c) => c.header),
  ...LEDGER_EXPORT_EXTRA,
];

/** The export's first bytes: the BOM and the header line (the rows' lines follow, from each part). */
export const LEDGER_EXPORT_HEAD = toCsv([LEDGER_EXPORT_HEADER]);

/**
 * One row of the export: every staff column as staff see it, then the computed columns (due dates
 * with how they were reached, status, days left on `today` while a reply is awaited, the problems).
 */
export function ledgerExportRow(row: EvaluatedRow, today: string): (string | number)[] {
  const due = row.computed.dueDate;
  const daysLeft = due && OPEN.has(row.computed.status) ? daysBetween(today, due) : "";
  return [
    ...fieldTexts(row).map((f) => f.text),
    due,
    row.computed.status,
    daysLeft,
    row.firstDeadline?.due ?? "",
    row.firstDeadline?.explanation ?? "",
    row.secondDeadline?.due ?? "",
    row.secondDeadline?.explanation ?? "",
    row.computed.problems,
  ];
}

/** The ledger as a table: the header, then each non-blank row as of the evaluation's day. */
export function ledgerExportTable(evaluation: EvaluatedLedger): (string | number)[][] {
  const rows = evaluation.rows.filter((r) => !r.blank).map((row) => ledgerExportRow(row, evaluation.today));
  return [[...LEDGER_EXPORT_HEADER], ...rows];
}
