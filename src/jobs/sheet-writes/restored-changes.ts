import type { FieldChange } from "../../domain/sync/plan-history";
import type { RestoredCell } from "../../domain/sync/verify-capture";

const text = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));

/** Audit-trail entries for cells a misplaced write had overwritten and the writer put back. */
export function restoredChanges(restored: readonly RestoredCell[]): FieldChange[] {
  return restored.map((r) => ({
    suggestionId: r.id ?? "(无编号)",
    column: r.header,
    oldValue: text(r.overwritten),
    newValue: text(r.restored),
    source: "system",
    actor: null,
    note: "写入时表格刚被排序、插入或删除行，误写到本行的值已按写入瞬间的原值恢复",
  }));
}
