import type { ColumnMap } from "../../../sheets-schema/header-map";
import type { LedgerRowEvaluation } from "../../domain/evaluate-ledger-rows";
import type { Problem } from "../../domain/problems";
import { keptExtraColumns, withExtraValues } from "../../domain/sync/extra-columns";
import { type CellMap, cellsByHeader, type HistoryRow } from "../../domain/sync/plan-history";
import { staffColumnsOf } from "../../domain/sync/plan-ledger";
import type { SeenRow } from "../../domain/sync/shifted-column";
import type { LastSeen } from "./chunk-history";
import { type ChunkResult, problemsDigestOf } from "./sync-context";
import { systemCellsOf } from "./system-cells";

/** A row the history keeps under its typed 编号: one of its own (not duplicated, not handed out now). */
const ownId = (r: LedgerRowEvaluation, rowsHolding: (id: string) => number): string | null =>
  !r.blank && !r.newId && r.id && rowsHolding(r.id) === 1 ? r.id : null;

/**
 * The chunk's rows as its history will keep them, before any write: their staff values (and the
 * office's own columns', 附加列) and the system values they are evaluated to (what the snapshot's
 * digest is compared with; a write held later leaves a cell out, and keepHistory loads that row's
 * snapshot then).
 */
export function lastSeenRows(
  rows: readonly LedgerRowEvaluation[],
  columns: ColumnMap,
  rowsHolding: (id: string) => number,
): Map<number, HistoryRow> {
  const staffColumns = staffColumnsOf(columns);
  const extraColumns = keptExtraColumns(columns);
  const systemOf = systemCellsOf({ confirmed: [], held: [] }, columns);
  const out = new Map<number, HistoryRow>();
  for (const r of rows) {
    const id = ownId(r, rowsHolding);
    if (!id) continue;
    const staffValues = cellsByHeader(r.raw, staffColumns);
    const row = { id, rowNumber: r.rowNumber, staffValues, systemValues: systemOf(id, r).systemValues };
    // The office's own columns too (附加列): what 恢复 puts back besides the contract's.
    out.set(r.rowNumber, withExtraValues(row, r.raw, extraColumns));
  }
  return out;
}

/** Whether the row lastSeenRows made still stands for the row after the writes (its system cells the same). */
export function sameRow(known: HistoryRow, id: string, systemValues: CellMap): boolean {
  if (known.id !== id) return false;
  const keys = Object.keys(systemValues);
  return (
    keys.length === Object.keys(known.systemValues).length &&
    keys.every((k) => known.systemValues[k] === systemValues[k])
  );
}

/**
 * The rows whose snapshot lastSeen loaded (their values differ from it), with their staff values
 * stored and read now (as lastSeenRows took them): the only rows whose cells can have moved. A row
 * whose digest matched is unchanged, and a vanished suggestion put back has no last values to go by.
 */
export function changedRows(rows: ReadonlyMap<number, HistoryRow>, seen: LastSeen): SeenRow[] {
  if (seen.loaded.size === 0) return [];
  const out: SeenRow[] = [];
  for (const row of rows.values()) {
    const snapshot = seen.loaded.get(row.id);
    if (snapshot && !snapshot.removedAt)
      out.push({ rowNumber: row.rowNumber, before: snapshot.staffValues, now: row.staffValues });
  }
  return out;
}

type ReusedParts = Pick<
  ChunkResult,
  "problems" | "relatedProblems" | "unknownYears" | "provisionalDue" | "problemsDigest"
>;

/**
 * The result a later sync may reuse for the same rows (the chunk's steady one), without `once`: the
 * problems only the sync that saw a change says (a pasted block). The next sync finds those rows as
 * the snapshots now hold them and says nothing of them; reusing this result must not either.
 */
export function reusableResult<T extends ReusedParts>(result: T, once: readonly Problem[]): T {
  if (once.length === 0) return result;
  const problems = result.problems.filter((p) => !once.includes(p));
  return { ...result, problems, problemsDigest: problemsDigestOf({ ...result, problems }) };
}
