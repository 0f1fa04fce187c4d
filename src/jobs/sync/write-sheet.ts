import type { sheets_v4 } from "@googleapis/sheets";
import type { PlannedWrite } from "../../domain/sync/remap";
import type { RestoredCell } from "../../domain/sync/verify-capture";
import { enteredValue } from "../../sheets/capture-requests";
import type { SheetsClient } from "../../sheets/client";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import { writeLedgerCells } from "../sheet-writes/write-ledger-cells";
import type { SyncWritePlan } from "./plan-sync";
import type { SheetRead } from "./read-sheet";

export interface WriteOutcome {
  cellsWritten: number;
  held: { write: PlannedWrite; reason: string }[];
  restored: RestoredCell[];
  assignedIds: string[];
  assignedRows: Set<number>;
}

type WriterDeps = { sheets: SheetsClient; lease: Lease; meta: MetaStore };

/** Extra rows a growing system tab gets at once, so a longer problem list does not grow it every sync. */
const GRID_HEADROOM = 500;

/** The system tabs' new content as requests: grow the grid where it is too short, then write the block. */
function tabRewriteRequests(plan: SyncWritePlan, read: SheetRead, ids: Record<string, number>) {
  const requests: sheets_v4.Schema$Request[] = [];
  for (const r of plan.tabRewrites) {
    const sheetId = ids[r.tab] as number;
    const have = read.grid[r.tab]?.rows ?? Number.POSITIVE_INFINITY;
    if (r.rowsNeeded > have) {
      requests.push({
        appendDimension: { sheetId, dimension: "ROWS", length: r.rowsNeeded - have + GRID_HEADROOM },
      });
    }
    requests.push({
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: r.values.map((row) => ({ values: row.map((v) => ({ userEnteredValue: enteredValue(v) })) })),
        fields: "userEnteredValue",
      },
    });
  }
  return requests;
}

/**
 * Writes one sync's plan in one atomic batch: the ledger cells (placed by 编号 on the rows as read,
 * checked against a copy taken in the same batch and repaired when a sort or an insert sent a value
 * elsewhere) and the system tabs 校验问题 and 统计 when their content changed.
 */
export async function writeSyncPlan(
  deps: WriterDeps,
  plan: SyncWritePlan,
  read: SheetRead,
  ledger: readonly (readonly unknown[])[],
): Promise<WriteOutcome> {
  const alongside =
    plan.tabRewrites.length > 0
      ? {
          tabs: plan.tabRewrites.map((r) => r.tab),
          requests: (ids: Record<string, number>) => tabRewriteRequests(plan, read, ids),
        }
      : undefined;
  const written = await writeLedgerCells(deps, plan.ledgerWrites, ledger, alongside);
  const tabCells = plan.tabRewrites.reduce((n, r) => n + r.values.reduce((m, row) => m + row.length, 0), 0);
  // Only the numbering writes: a 编号 put back after a misplaced write is not a new number.
  const assigned = written.confirmed.filter((p) => p.header === "编号" && p.onlyIfBlank);
  return {
    cellsWritten: written.cellsWritten + tabCells,
    held: written.held,
    restored: written.restored,
    assignedIds: assigned.map((p) => String(p.value)),
    assignedRows: new Set(assigned.map((p) => p.sourceRow)),
  };
}
