import { hash53 } from "../hash";
import type { Problem } from "../problems";
import { cellText } from "./row-identity";

export type CellMap = Record<string, string | number | boolean>;

/** A suggestion as last seen in the sheet (kept in D1). */
export interface Snapshot {
  id: string;
  staffValues: CellMap;
  systemValues: CellMap;
  /** The office's own columns (附加列) as last seen, by header (absent: none filled, or kept before they were). */
  extraValues?: CellMap;
  rowNumber: number | null;
  /** When a sync first saw this 编号 in the sheet (absent where a snapshot is made up, as in tests). */
  firstSeenAt?: string;
  removedAt: string | null;
  /** A restore claimed since it vanished: when, and the row it was put back on (once known). */
  restore: { at: string; row: number | null } | null;
  /** Staff confirmed since it vanished that it was deleted on purpose: when, and who. */
  removalConfirmed?: { at: string; by: string | null } | null;
}

/** Where a change came from, as the suggestion's history tells it. */
export type ChangeSource = "sheet" | "form" | "link" | "dashboard" | "system";

export interface FieldChange {
  suggestionId: string;
  column: string;
  oldValue: string | null;
  newValue: string | null;
  /** Absent: a staff edit in the sheet, as the sync saw it. */
  source?: ChangeSource;
  /** Who: the signed-in person (dashboard), the submission id (form), or the link's recipient and id (link). */
  actor?: string | null;
  /** Why, for a change the system made (e.g. a value put back after a sort). */
  note?: string | null;
}

export interface HistoryRow {
  id: string;
  rowNumber: number;
  staffValues: CellMap;
  systemValues: CellMap;
  /**
   * The office's own columns' values (附加列, extra-columns.ts), by header: kept so 恢复 puts them
   * back, not audited (the contract's history is of its own columns). Absent when none is filled.
   */
  extraValues?: CellMap;
}

export interface HistoryPlan {
  upserts: HistoryRow[];
  seen: { id: string; rowNumber: number }[];
  audits: FieldChange[];
  removedIds: string[];
}

const isEmpty = (cells: CellMap | undefined) => !cells || Object.keys(cells).length === 0;

/**
 * A short digest of a row's values, as its snapshot keeps them. The 附加列 count only when one is
 * filled: a row without them keeps the digest older builds gave it (its snapshot is not rewritten).
 */
export function valuesHash(row: Pick<HistoryRow, "staffValues" | "systemValues" | "extraValues">): string {
  const values = [row.staffValues, row.systemValues];
  return hash53(JSON.stringify(isEmpty(row.extraValues) ? values : [...values, row.extraValues]));
}

/** The non-empty cells of some columns, by header. */
export function cellsByHeader(
  raw: readonly unknown[],
  columns: readonly { header: string; index: number }[],
): CellMap {
  const out: CellMap = {};
  for (const c of columns) {
    const v = raw[c.index];
    if ((typeof v === "string" && v !== "") || typeof v === "number" || typeof v === "boolean")
      out[c.header] = v;
  }
  return out;
}

const text = (v: CellMap[string] | undefined) => (v === undefined ? null : String(v));

function changes(id: string, before: CellMap, after: CellMap): FieldChange[] {
  const list: FieldChange[] = [];
  for (const column of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[column] !== after[column]) {
      list.push({ suggestionId: id, column, oldValue: text(before[column]), newValue: text(after[column]) });
    }
  }
  return list;
}

/**
 * Compares the rows seen now with the snapshots: new and changed rows are upserted with a
 * field-level audit trail, unchanged ones only marked seen, and snapshots whose 编号 is gone
 * from the sheet are marked removed (they can be restored from the snapshot).
 */
export function planHistory(
  rows: readonly HistoryRow[],
  snapshots: ReadonlyMap<string, Snapshot>,
  /** Every 编号 in the sheet, a duplicated one included: not vanished while a row holds it. */
  idsInSheet: ReadonlySet<string>,
): HistoryPlan {
  const plan: HistoryPlan = { upserts: [], seen: [], audits: [], removedIds: [] };
  const present = new Set<string>(idsInSheet);
  for (const row of rows) {
    present.add(row.id);
    const before = snapshots.get(row.id);
    if (!before) {
      plan.upserts.push(row);
      continue;
    }
    const audits = changes(row.id, before.staffValues, row.staffValues);
    const systemChanged = changes(row.id, before.systemValues, row.systemValues).length > 0;
    // An office's own column changed: its snapshot is rewritten (for 恢复), with no audit row.
    const extraChanged = changes(row.id, before.extraValues ?? {}, row.extraValues ?? {}).length > 0;
    if (audits.length > 0 || systemChanged || extraChanged || before.removedAt) {
      plan.upserts.push(row);
      plan.audits.push(...audits);
    } else if (before.rowNumber !== row.rowNumber) {
      plan.seen.push({ id: row.id, rowNumber: row.rowNumber });
    }
  }
  for (const [id, snapshot] of snapshots) {
    if (!present.has(id) && !snapshot.removedAt) plan.removedIds.push(id);
  }
  return plan;
}

/**
 * One 错误 per suggestion that vanished from the sheet, naming how to bring it back; or, when a row
 * holds it under another 编号 (`renumbered`: its advice by vanished 编号, renumbered.ts), what that
 * advice says instead: 恢复 would make it twice.
 */
export function removedRowProblems(
  snapshots: readonly Snapshot[],
  ledgerTab: string,
  renumbered: ReadonlyMap<string, string> = new Map(),
): Problem[] {
  // A deletion staff confirmed is no problem: reported on every sync, it would hide the real ones.
  return snapshots
    .filter((s) => !s.removalConfirmed)
    .map((s) => {
      const title = cellText(s.staffValues.标题);
      return {
        tab: ledgerTab,
        row: null,
        column: null,
        level: "错误",
        id: s.id,
        action: "restore",
        message: `编号 ${s.id}${title ? `（${title}）` : ""}已从本表消失：${
          renumbered.get(s.id) ??
          "如系误删，请在看板“校验问题”页或该建议页面点“恢复”，系统会按最后一次记录补回该行；如系有意删除，请在同一页面点“确认已删除”"
        }`,
      };
    });
}
