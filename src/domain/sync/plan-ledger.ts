import type { ColumnMap } from "../../../sheets-schema/header-map";
import { ledgerSystemColumns } from "../../../sheets-schema/tabs/ledger";
import { isIsoDate, serialFromIso } from "../civil-date";
import type { LedgerRowEvaluation } from "../evaluate-ledger-rows";
import type { PlannedWrite } from "./remap";
import { fingerprint, type RowKey } from "./row-identity";

type SyncedKey = "dueDate" | "status" | "problems";
/** 最近通知 belongs to the notices job; the sync leaves it alone. */
const SYNCED_KEYS: readonly SyncedKey[] = ["dueDate", "status", "problems"];
const HEADER_OF = Object.fromEntries(ledgerSystemColumns.map((c) => [c.key, c.header])) as Record<
  SyncedKey,
  string
>;
const ID_HEADER = "编号";

/** Staff-owned columns present in the sheet, by header: the content that identifies a row. */
export function staffColumnsOf(columns: ColumnMap): { header: string; index: number }[] {
  return columns.present
    .filter((p) => p.column.owner === "staff")
    .map((p) => ({ header: p.column.header, index: p.index }));
}

/** The value a system cell must hold: dates as serial numbers so the sheet's date format shows them. */
function cellValue(key: SyncedKey, computed: string): string | number {
  if (key === "dueDate" && isIsoDate(computed)) return serialFromIso(computed);
  return computed;
}

function isSame(current: unknown, desired: string | number): boolean {
  if (current === undefined || current === null) return desired === "";
  return current === desired;
}

export interface LedgerPlan {
  writes: PlannedWrite[];
  /** Rows of the read that receive a new 编号, with it. */
  assigned: { rowNumber: number; id: string }[];
}

/**
 * Plans the ledger writes of one sync: only system cells whose value changes, and 编号 for rows
 * without one. Each write names its row by identity, never by position (see remapWrites).
 */
export function planLedgerWrites(
  rows: readonly LedgerRowEvaluation[],
  columns: ColumnMap,
  newIds: ReadonlyMap<number, string>,
  /** How many rows of the whole ledger hold a 编号 (a chunk sees only its own rows). */
  rowsHolding?: (id: string) => number,
): LedgerPlan {
  const staffColumns = staffColumnsOf(columns);
  const idCount = new Map<string, number>();
  for (const row of rows) if (row.id && !row.newId) idCount.set(row.id, (idCount.get(row.id) ?? 0) + 1);
  const holding = rowsHolding ?? ((id: string) => idCount.get(id) ?? 0);

  const writes: PlannedWrite[] = [];
  const assigned: LedgerPlan["assigned"] = [];
  for (const row of rows) {
    const typedId = row.newId ? null : row.id;
    const key: RowKey =
      typedId && holding(typedId) === 1
        ? { kind: "id", id: typedId }
        : { kind: "content", fingerprint: fingerprint(row.raw, staffColumns) };
    const newId = row.blank ? undefined : newIds.get(row.rowNumber);
    if (newId) {
      writes.push({ key, header: ID_HEADER, value: newId, onlyIfBlank: true, sourceRow: row.rowNumber });
      assigned.push({ rowNumber: row.rowNumber, id: newId });
    }
    for (const k of SYNCED_KEYS) {
      const at = columns.indexOf[k];
      if (at === undefined) continue;
      const desired = cellValue(k, row.computed[k]);
      // What the cell holds now, read from the row as the sheet gave it.
      if (!isSame(row.raw[at], desired))
        writes.push({ key, header: HEADER_OF[k], value: desired, sourceRow: row.rowNumber });
    }
  }
  return { writes, assigned };
}
