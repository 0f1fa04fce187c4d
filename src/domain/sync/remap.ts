import { cellText, fingerprint, type RawRow, type RowKey, rowKeyString } from "./row-identity";

/** A write planned against the sheet as first read: a row by identity, a column by header. */
export interface PlannedWrite {
  key: RowKey;
  /** Tried when `key` does not find exactly one row (e.g. a 编号 typed twice meanwhile). */
  fallbackKey?: RowKey;
  header: string;
  /**
   * With header "": a repair of a cell in a column with no header (one a person just inserted), by
   * its index at the write; placed there only while that column still has no header.
   */
  column?: number;
  /** The value, or with `appendLine` the line to add under what the cell holds. */
  value: CellScalar;
  /** The 编号 write of a blank row must find the cell still blank, or it is dropped. */
  onlyIfBlank?: boolean;
  /** Add `value` as a new line of the cell (备注), once: a cell already holding it is left alone. */
  appendLine?: boolean;
  /** With appendLine: the text to add the line to, instead of what the cell holds (a repair knows better). */
  base?: string;
  /** The row as first read (for the caller's bookkeeping; never used to place the write). */
  sourceRow: number;
  /**
   * What the cell held before an earlier round of this write put a misplaced value there (verifyCapture):
   * the change's true old value, which a repair round no longer sees in the cell.
   */
  was?: string;
}

export interface PlacedWrite {
  row: number; // 1-based sheet row
  column: number; // 0-based column index
  header: string;
  /** What goes into the cell. */
  value: CellScalar;
  sourceRow: number;
  /** The identity the value is meant for, so the write can be checked after it landed. */
  key: RowKey;
  onlyIfBlank?: boolean;
  /** The cell's text the value was computed from (appendLine): a different text at write time is a person's edit. */
  expect?: string;
  /** The write as planned, to place again if it has to be repaired. */
  planned: PlannedWrite;
  /** Once confirmed: what the cell held just before the write (for the history). */
  was?: string;
}

export interface RemapResult {
  placed: PlacedWrite[];
  /** Writes whose cell already holds the value: nothing to send. */
  unchanged: PlannedWrite[];
  held: { write: PlannedWrite; reason: string }[];
}

export interface LayoutOptions {
  idHeader: string;
  /** Headers of staff-owned columns, 编号 included: their content identifies a row without a unique 编号. */
  staffHeaders: readonly string[];
}

/** Why a write that must find its cell blank (a new 编号) was dropped: a person filled it meanwhile. */
export const CELL_FILLED = "该单元格已有内容";

/** A cell's value as the values API reads and writes it (a checkbox is a boolean). */
export type CellScalar = string | number | boolean;

function sameCell(current: unknown, value: CellScalar): boolean {
  return typeof value === "string" ? cellText(current) === value : current === value;
}

/** A headerless column's repair goes to its index at the write, while that column still has no header. */
function headerless(write: PlannedWrite, header: readonly string[]): number | undefined {
  return write.column !== undefined && !header[write.column] ? write.column : undefined;
}

/**
 * Places planned writes onto the sheet as given (a read made just before): rows found by 编号 or
 * content, columns by header. Whatever cannot be placed for certain is held for the next run, so a
 * value never lands in another suggestion's row on purpose; the write itself is then checked
 * (writeLedgerCells) for what changed between that read and the write.
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
  // Only the 编号 some write is placed by are indexed (every row holding one, so a duplicate is
  // seen): ten notices placed on 2,000 rows index ten, not 2,000. Content fingerprints cost a string
  // per row: only built when some write needs one.
  const wantedIds = new Set<string>();
  for (const w of writes)
    for (const key of [w.key, w.fallbackKey]) if (key?.kind === "id") wantedIds.add(key.id);
  const byContent = writes.some((w) => w.key.kind === "content" || w.fallbackKey?.kind === "content");
  for (let i = 1; i < current.length; i++) {
    const row = current[i] ?? [];
    const id = idColumn === undefined ? "" : cellText(row[idColumn]);
    if (id && wantedIds.has(id)) add(rowKeyString({ kind: "id", id }), i + 1);
    if (byContent) add(rowKeyString({ kind: "content", fingerprint: fingerprint(row, staffColumns) }), i + 1);
  }

  const result: RemapResult = { placed: [], unchanged: [], held: [] };
  for (const write of writes) {
    const column = write.header ? columnOf.get(write.header) : headerless(write, header);
    if (column === undefined || duplicateHeaders.has(write.header)) {
      const reason = write.header ? `表头“${write.header}”已不在原处或重复` : "无表头的列已不在原处";
      result.held.push({ write, reason });
      continue;
    }
    let key = write.key;
    let rows = rowsByKey.get(rowKeyString(key));
    if (rows?.length !== 1 && write.fallbackKey) {
      key = write.fallbackKey;
      rows = rowsByKey.get(rowKeyString(key));
    }
    if (rows?.length !== 1) {
      result.held.push({ write, reason: rows ? "该行无法唯一确定" : "该行已移走或被改动" });
      continue;
    }
    const row = rows[0] as number;
    const cell = current[row - 1]?.[column];
    if (write.onlyIfBlank && cellText(cell) !== "") {
      result.held.push({ write, reason: CELL_FILLED });
      continue;
    }
    let value = write.value;
    let expect: string | undefined;
    if (write.appendLine) {
      expect = cellText(cell);
      const base = write.base ?? expect;
      const line = String(write.value);
      if (base.split("\n").includes(line)) {
        if (base === expect) {
          result.unchanged.push(write);
          continue;
        }
        value = base;
      } else value = base ? `${base}\n${line}` : line;
    } else if (sameCell(cell, value)) {
      result.unchanged.push(write);
      continue;
    }
    result.placed.push({
      row,
      column,
      header: write.header,
      value,
      sourceRow: write.sourceRow,
      key,
      ...(write.onlyIfBlank ? { onlyIfBlank: true } : {}),
      ...(expect !== undefined ? { expect } : {}),
      planned: write,
    });
  }
  return result;
}
