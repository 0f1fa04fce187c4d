import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { groupRowWrites } from "../../domain/sync/group-writes";
import { type PlannedWrite, remapWrites } from "../../domain/sync/remap";
import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import type { SheetsClient } from "../../sheets/client";

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

/**
 * Writes 回访 = 是 for the given 编号 with one read of the ledger and at most one values.batchUpdate
 * (RAW), whatever the number: each write is placed by 编号 on the ledger as it is right now (the
 * sync's remap), so a sort or an inserted row never sends 是 into another suggestion's row.
 */
export async function writeFollowUps(sheets: SheetsClient, ids: readonly string[]): Promise<FollowUpResult> {
  if (ids.length === 0) return { marked: 0, cellsWritten: 0, held: [] };
  const current = ((await sheets.get(quoteSheet(TAB_NAMES.ledger))).values ?? []) as unknown[][];
  const writes: PlannedWrite[] = ids.map((id) => ({
    key: { kind: "id", id },
    header: FOLLOW_UP,
    value: YES,
    sourceRow: 0,
  }));
  const { placed, held } = remapWrites(writes, current, {
    idHeader: "编号",
    staffHeaders: ledgerStaffColumns.map((c) => c.header),
  });
  const changed = placed.filter((p) => cellText(current[p.row - 1]?.[p.column]) !== YES);
  if (changed.length > 0) {
    await sheets.batchUpdateValues(groupRowWrites(TAB_NAMES.ledger, changed), "RAW");
  }
  return {
    marked: placed.length,
    cellsWritten: changed.length,
    held: held.map((h) => ({ id: h.write.key.kind === "id" ? h.write.key.id : "", reason: h.reason })),
  };
}
