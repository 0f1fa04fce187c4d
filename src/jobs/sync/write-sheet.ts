import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { groupRowWrites, type RangeWrite } from "../../domain/sync/group-writes";
import { type PlacedWrite, type RemapResult, remapWrites } from "../../domain/sync/remap";
import { quoteSheet } from "../../sheets/a1";
import type { SheetsClient } from "../../sheets/client";
import type { SyncWritePlan } from "./plan-sync";
import type { SheetRead } from "./read-sheet";

export interface WriteOutcome {
  cellsWritten: number;
  held: RemapResult["held"];
  assignedIds: string[];
  assignedRows: Set<number>;
}

/** Grows a system tab's grid when its new content is longer (values writes never grow a grid). */
async function growGrids(sheets: SheetsClient, plan: SyncWritePlan, read: SheetRead): Promise<void> {
  const short = plan.tabRewrites.filter(
    (r) => r.rowsNeeded > (read.grid[r.tab]?.rows ?? Number.POSITIVE_INFINITY),
  );
  if (short.length === 0) return;
  const spreadsheet = await sheets.getSpreadsheet({
    fields: "sheets.properties(sheetId,title,gridProperties)",
  });
  const requests = short.flatMap((r) => {
    const props = spreadsheet.sheets?.find((s) => s.properties?.title === r.tab)?.properties;
    const have = props?.gridProperties?.rowCount ?? 0;
    if (props?.sheetId === undefined || props.sheetId === null || have >= r.rowsNeeded) return [];
    // Some headroom, so a growing problem list does not cost an extra call on every sync.
    const length = r.rowsNeeded - have + 500;
    return [{ appendDimension: { sheetId: props.sheetId, dimension: "ROWS", length } }];
  });
  if (requests.length > 0) await sheets.batchUpdate(requests);
}

/**
 * Writes the plan in one values.batchUpdate (RAW: nothing staff typed is ever parsed as a formula).
 * Ledger writes are first placed onto the rows as they are right now (one re-read), so a sort or an
 * inserted row between the read and the write never sends a value to another suggestion's row.
 */
export async function writeWithRemap(
  sheets: SheetsClient,
  plan: SyncWritePlan,
  read: SheetRead,
): Promise<WriteOutcome> {
  let placed: PlacedWrite[] = [];
  let held: RemapResult["held"] = [];
  if (plan.ledgerWrites.length > 0) {
    const current = await sheets.get(quoteSheet(TAB_NAMES.ledger));
    ({ placed, held } = remapWrites(plan.ledgerWrites, (current.values ?? []) as unknown[][], plan.layout));
  }
  const data: RangeWrite[] = [
    ...groupRowWrites(TAB_NAMES.ledger, placed),
    ...plan.tabRewrites.map((r) => ({ range: r.range, values: r.values })),
  ];
  if (data.length > 0) {
    await growGrids(sheets, plan, read);
    await sheets.batchUpdateValues(data, "RAW");
  }
  const assigned = placed.filter((p) => p.header === "编号");
  return {
    cellsWritten: data.reduce((n, d) => n + d.values.reduce((m, row) => m + row.length, 0), 0),
    held,
    assignedIds: assigned.map((p) => String(p.value)),
    assignedRows: new Set(assigned.map((p) => p.sourceRow)),
  };
}
