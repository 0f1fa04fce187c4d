import type { sheets_v4 } from "@googleapis/sheets";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { cellText } from "../../domain/sync/row-identity";
import { runsOf } from "../../sheets/capture-requests";
import {
  type CallOptions,
  type CellValue,
  isQuotaRefusal,
  type SheetsClient,
  SheetsError,
} from "../../sheets/client";
import { newRowsRequests } from "../../sheets/new-rows-requests";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import { type LedgerColumns, readLedgerColumns } from "./ledger-columns";
import { createSheetIds } from "./sheet-ids";
import { takeWriteLock } from "./write-lock";

export interface NewLedgerRow {
  /** 编号: with 标题, how the row is recognised once it is in the sheet. */
  id: string;
  title: string;
  cells: Record<string, CellValue>;
}

export type InsertResult =
  | {
      outcome: "ok";
      /** 1-based sheet row of each row inserted now, by 编号. */
      inserted: Map<string, number>;
      /** Rows an earlier attempt had already put in the sheet (row number as found). */
      alreadyThere: Map<string, number>;
      /**
       * The ledger's header the rows were laid out under (the last read's): a cell whose header it
       * lacks was not written (a column staff deleted since). Empty when no row was asked for.
       */
      header: string[];
    }
  | { outcome: "busy" };

const LOCK_WAIT_MS = 15_000;
/** An unclear failure is followed by a read and at most this many more tries. */
const MAX_TRIES = 3;

/** Where each 编号 + 标题 pair of these rows' 编号 sits in the ledger now. */
function rowsByIdentity(
  ledger: readonly (readonly unknown[])[],
  rows: readonly NewLedgerRow[],
): Map<string, number> {
  const header = (ledger[0] ?? []).map((h) => cellText(h));
  const idColumn = header.indexOf("编号");
  const titleColumn = header.indexOf("标题");
  const asked = new Set(rows.map((r) => r.id));
  const at = new Map<string, number>();
  for (let i = 1; i < ledger.length; i++) {
    const row = ledger[i] ?? [];
    const id = cellText(row[idColumn]);
    if (id && asked.has(id)) at.set(`${id}\u0001${cellText(row[titleColumn])}`, i + 1);
  }
  return at;
}

const KNOWN_HEADERS = new Set(ledgerTab.columns.map((c) => c.header));

/**
 * The office's own columns (附加列) of the rows just laid out take the formats of the row above, in
 * the same batch: newRowsRequests gives the contract's columns theirs and clears the others', so a
 * date 恢复 puts back in an office's 督办日期 would show as a serial number (46356).
 */
function ownColumnFormats(
  sheetId: number,
  header: readonly string[],
  at: number,
  count: number,
): sheets_v4.Schema$Request[] {
  if (at <= 1) return [];
  const own = header.flatMap((h, c) => (h !== "" && !KNOWN_HEADERS.has(h) ? [c] : []));
  return runsOf(own).map(([from, to]) => ({
    copyPaste: {
      source: {
        sheetId,
        startRowIndex: at - 1,
        endRowIndex: at,
        startColumnIndex: from,
        endColumnIndex: to + 1,
      },
      destination: {
        sheetId,
        startRowIndex: at,
        endRowIndex: at + count,
        startColumnIndex: from,
        endColumnIndex: to + 1,
      },
      pasteType: "PASTE_FORMAT",
    },
  }));
}

/**
 * Adds new rows to 建议台账 exactly once, from a read of its 编号 and 标题 columns (not the whole
 * tab). One atomic batch inserts them right after the last row with data, formatted like the rows `sheet:init` laid out (date formats, grey system columns, the
 * dropdowns of the row above) and filled with their values. A failure whose outcome is unclear (a
 * 5xx may arrive after the batch was applied) is followed by a read: only rows not in the sheet
 * are sent again, so a retry never doubles a suggestion.
 */
export async function insertLedgerRows(
  deps: { sheets: SheetsClient; lease: Lease; meta: MetaStore },
  rows: readonly NewLedgerRow[],
  /**
   * A read of 编号 and 标题 the caller just made and found none of `rows` in (by 编号 and 标题, as
   * planApply does): the first attempt inserts them all at its end without looking them up again.
   */
  justRead?: LedgerColumns,
  /**
   * What its calls do about a refusal: a 恢复 click (failOnQuota) gives up on the first 429, neither
   * the client nor this loop sending it again (Google did nothing, so nothing is half written).
   */
  call: CallOptions = {},
): Promise<InsertResult> {
  const inserted = new Map<string, number>();
  const alreadyThere = new Map<string, number>();
  if (rows.length === 0) return { outcome: "ok", inserted, alreadyThere, header: [] };
  const lock = await takeWriteLock(deps.lease, LOCK_WAIT_MS);
  if (!lock) return { outcome: "busy" };
  try {
    for (let attempt = 1; ; attempt++) {
      const first = attempt === 1 && justRead !== undefined;
      const read = first ? justRead : await readLedgerColumns(deps, ["编号", "标题"], [], "data", call);
      // After an unclear failure, the rows a try may have added are looked up in a fresh read.
      const present = first ? new Map<string, number>() : rowsByIdentity(read.rows, rows);
      const missing = rows.filter((r) => {
        const row = present.get(`${r.id}\u0001${cellText(r.title)}`);
        if (row !== undefined && !inserted.has(r.id)) alreadyThere.set(r.id, row);
        return row === undefined;
      });
      const header = read.header;
      if (missing.length === 0) return { outcome: "ok", inserted, alreadyThere, header };
      const resolved = await createSheetIds(deps.sheets, deps.meta, undefined, call).resolve([
        TAB_NAMES.ledger,
      ]);
      const at = Math.max(read.lastRow, 1);
      const gridRows = read.gridRows ?? at;
      const sheetId = resolved.ids[TAB_NAMES.ledger] as number;
      const requests = newRowsRequests({
        sheetId,
        header,
        at,
        gridRows,
        rows: missing.map((r) => header.map((h) => r.cells[h] ?? "")),
      });
      requests.push(...ownColumnFormats(sheetId, header, at, missing.length));
      try {
        await deps.sheets.batchUpdate([...resolved.create, ...requests], { ...call, notIdempotent: true });
        await resolved.keep();
        for (const [i, r] of missing.entries()) inserted.set(r.id, at + i + 1);
        return { outcome: "ok", inserted, alreadyThere, header };
      } catch (error) {
        if (!(error instanceof SheetsError) || !error.retryable || attempt >= MAX_TRIES) throw error;
        if (call.failOnQuota && isQuotaRefusal(error)) throw error;
      }
    }
  } finally {
    await lock.release();
  }
}
