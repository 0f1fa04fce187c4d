import { cellText, fingerprint, type RawRow, type RowKey, rowKeyString } from "./row-identity";

/** A write planned against the sheet as first read: a row by identity, a column by header. */
export interface PlannedWrite {
  key: RowKey;
  header: string;
  value: string | number;
  /** The 编号 write of a blank row must find the cell still blank, or it is dropped. */
  onlyIfBlank?: boolean;
  /** The row as first read (for the caller's bookkeeping; never used to place the write). */
  sourceRow: number;
}

export interface PlacedWrite {
  row: number; // 1-based sheet row
  column: number; // 0-based column index
  header: string;
  value: string | number;
  sourceRow: number;
}

export interface RemapResult {
  placed: PlacedWrite[];
  held: { write: PlannedWrite; reason: string }[];
}

export interface LayoutOptions {
  idHeader: string;
  /** Headers of staff-owned columns, 编号 included: their content identifies a row without a unique 编号. */
  staffHeaders: readonly string[];
}

/**
 * Places planned writes onto the sheet as it is *now* (re-read just before writing): rows found by
 * 编号 or content, columns by header. Whatever cannot be placed for certain is held for the next
 * sync, so a value never lands in another suggestion's row even when staff sorted or inserted rows.
 */
export function remapWrites(
  writes: readonly PlannedWrite[],
  current: readonly RawRow[],
  layout: LayoutOptions,
): RemapResult {
  const header = (current[0] ?? []).map((c) => cellText(c));
  const columnOf = new Map<string, number>();
  const duplicateHeaders = new Set<string>();
  header.forEach((h, i) => {
    if (!h) return;
    if (columnOf.has(h)) duplicateHeaders.add(h);
    columnOf.set(h, i);
  });
  const idColumn = columnOf.get(layout.idHeader);
  const staffColumns = layout.staffHeaders.flatMap((h) => {
    const index = columnOf.get(h);
    return index === undefined ? [] : [{ header: h, index }];
  });

  // Identity → rows; an identity held by more than one row is never used.
  const rowsByKey = new Map<string, number[]>();
  const add = (k: string, row: number) => {
    const list = rowsByKey.get(k);
    if (list) list.push(row);
    else rowsByKey.set(k, [row]);
  };
  for (let i = 1; i < current.length; i++) {
    const row = current[i] ?? [];
    const id = idColumn === undefined ? "" : cellText(row[idColumn]);
    if (id) add(rowKeyString({ kind: "id", id }), i + 1);
    add(rowKeyString({ kind: "content", fingerprint: fingerprint(row, staffColumns) }), i + 1);
  }

  const placed: PlacedWrite[] = [];
  const held: RemapResult["held"] = [];
  for (const write of writes) {
    const column = columnOf.get(write.header);
    if (column === undefined || duplicateHeaders.has(write.header)) {
      held.push({ write, reason: `表头“${write.header}”已不在原处或重复` });
      continue;
    }
    const rows = rowsByKey.get(rowKeyString(write.key));
    if (rows?.length !== 1) {
      held.push({ write, reason: rows ? "该行无法唯一确定" : "该行已移走或被改动" });
      continue;
    }
    const row = rows[0]!;
    if (write.onlyIfBlank && cellText(current[row - 1]?.[column]) !== "") {
      held.push({ write, reason: "该单元格已有内容" });
      continue;
    }
    placed.push({ row, column, header: write.header, value: write.value, sourceRow: write.sourceRow });
  }
  return { placed, held };
}
