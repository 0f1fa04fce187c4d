import { LEDGER_DATE_HEADERS, rawText } from "../../domain/dashboard/cell-text";
import type { FieldChange } from "../../domain/sync/plan-history";
import type { RestoredCell } from "../../domain/sync/verify-capture";

const text = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));

const ROWS_MOVED = "写入时表格刚被排序、插入或删除行，误写到本行的值已按写入瞬间的原值恢复";
const COLUMNS_MOVED = "写入时表格刚插入、移动或删除了列，误写到本行的值已按写入瞬间的原值恢复";

/**
 * What was written by mistake, as staff would read it: a date meant for 答复日期 that landed in
 * another column (a moved one) is shown as a date, not the serial the sheet API carries.
 */
function overwrittenText(r: RestoredCell): string | null {
  if (r.meantFor && LEDGER_DATE_HEADERS.has(r.meantFor)) return text(rawText(r.overwritten, true));
  return text(r.overwritten);
}

/** Audit-trail entries for cells a misplaced write had overwritten and the writer put back. */
export function restoredChanges(restored: readonly RestoredCell[]): FieldChange[] {
  return restored.map((r) => ({
    suggestionId: r.id ?? "(无编号)",
    column: r.header,
    oldValue: overwrittenText(r),
    newValue: text(r.restored),
    source: "system",
    actor: null,
    note: r.meantFor === undefined ? ROWS_MOVED : COLUMNS_MOVED,
  }));
}
