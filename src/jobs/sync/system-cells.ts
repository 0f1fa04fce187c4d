import type { ColumnMap } from "../../../sheets-schema/header-map";
import { ledgerSystemColumns } from "../../../sheets-schema/tabs/ledger";
import type { LedgerRowEvaluation } from "../../domain/evaluate-ledger-rows";
import type { CellMap } from "../../domain/sync/plan-history";
import type { PlacedWrite } from "../../domain/sync/remap";
import { type OverwrittenCell, SYSTEM_DATE_HEADERS } from "../../domain/sync/typed-system-cells";
import type { LedgerWriteResult } from "../sheet-writes/write-ledger-cells";

const SYSTEM_HEADERS = new Set<string>(ledgerSystemColumns.map((c) => c.header));

/**
 * What a written cell held: as captured at the instant of the write (`was`, text: a date's serial
 * as digits), so a value typed after the chunk read the row is not lost either; else as read.
 */
function heldBefore(p: PlacedWrite, read: unknown): unknown {
  if (p.was === undefined) return read;
  return SYSTEM_DATE_HEADERS.has(p.header) && /^\d+$/.test(p.was) ? Number(p.was) : p.was;
}

/** A row's system cells as the chunk leaves them: what its snapshot keeps, and the cells it wrote over. */
export interface RowSystemCells {
  systemValues: CellMap;
  overwritten: OverwrittenCell[];
}

/**
 * Per row of a chunk, its system values for the snapshot and the system cells the chunk wrote
 * over (what each held just before). A cell whose write was held is left out of the snapshot: the
 * sheet does not hold that value, so the next sync must not take what it finds there for a
 * person's edit (typedOver). Only the chunk's few writes are gone through, not every cell.
 */
export function systemCellsOf(
  written: Pick<LedgerWriteResult, "confirmed" | "held">,
  columns: ColumnMap,
): (id: string, row: LedgerRowEvaluation) => RowSystemCells {
  const confirmed = new Map<number, PlacedWrite[]>();
  for (const p of written.confirmed) {
    if (!SYSTEM_HEADERS.has(p.header)) continue;
    const list = confirmed.get(p.sourceRow);
    if (list) list.push(p);
    else confirmed.set(p.sourceRow, [p]);
  }
  const held = new Set<string>();
  for (const h of written.held)
    if (SYSTEM_HEADERS.has(h.write.header)) held.add(`${h.write.sourceRow}\t${h.write.header}`);
  const indexOf = new Map(columns.present.map((p) => [p.column.header, p.index]));
  return (id, row) => {
    const all: CellMap = {
      办理期限: row.computed.dueDate,
      台账状态: row.computed.status,
      校验问题: row.computed.problems,
    };
    let systemValues = all;
    if (held.size > 0) {
      systemValues = {};
      for (const [header, value] of Object.entries(all))
        if (!held.has(`${row.rowNumber}\t${header}`)) systemValues[header] = value;
    }
    const overwritten = (confirmed.get(row.rowNumber) ?? []).map((p) => ({
      id,
      rowNumber: row.rowNumber,
      header: p.header,
      before: heldBefore(p, row.raw[indexOf.get(p.header) ?? -1]),
      written: typeof p.value === "number" ? p.value : String(p.value ?? ""),
    }));
    return { systemValues, overwritten };
  };
}
