import type { FieldChange } from "../../domain/sync/plan-history";
import type { PlannedWrite } from "../../domain/sync/remap";
import { readRowsHolding } from "../../jobs/sheet-writes/ledger-columns";
import { restoredChanges } from "../../jobs/sheet-writes/restored-changes";
import { writeLedgerCells } from "../../jobs/sheet-writes/write-ledger-cells";
import type { SheetsClient } from "../../sheets/client";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";

const FOLLOW_UP = "回访";
const YES = "是";

export interface FollowUpResult {
  /** Suggestions whose 回访 is 是 now (written now, or already 是). */
  marked: number;
  /** Cells written by this call. */
  cellsWritten: number;
  /** Suggestions that could not be placed for certain (moved, duplicated 编号, header gone). */
  held: { id: string; reason: string }[];
}

export interface FollowUpDeps {
  sheets: SheetsClient;
  lease: Lease;
  meta: MetaStore;
  snapshots: Pick<SnapshotStore, "record">;
}

/**
 * Writes 回访 = 是 for the given 编号 with two reads of the ledger (a few columns of every row,
 * then the drawn rows) and one checked write, whatever the number: each value is placed by 编号
 * and checked against a copy taken in the same atomic call, so a sort or an inserted row never
 * sends 是 into another suggestion's row. The history records who confirmed the sample.
 */
export async function writeFollowUps(
  deps: FollowUpDeps,
  ids: readonly string[],
  by: string,
  at: string,
): Promise<FollowUpResult> {
  if (ids.length === 0) return { marked: 0, cellsWritten: 0, held: [] };
  // The 编号 column and the drawn rows, not the whole tab (2,000 rows of forty columns is MBs to parse).
  const current = (await readRowsHolding(deps, ids)).rows;
  const writes: PlannedWrite[] = ids.map((id) => ({
    key: { kind: "id", id },
    header: FOLLOW_UP,
    value: YES,
    sourceRow: 0,
  }));
  const result = await writeLedgerCells(deps, writes, current);
  const changes: FieldChange[] = result.confirmed.map((p) => ({
    suggestionId: p.key.kind === "id" ? p.key.id : "",
    column: FOLLOW_UP,
    oldValue: null,
    newValue: YES,
    source: "dashboard",
    actor: by,
    note: "确认回访抽样",
  }));
  await deps.snapshots.record([...changes, ...restoredChanges(result.restored)], at);
  const held = result.held.map((h) => ({
    id: h.write.key.kind === "id" ? h.write.key.id : "",
    reason: h.reason,
  }));
  return { marked: ids.length - held.length, cellsWritten: result.cellsWritten, held };
}
