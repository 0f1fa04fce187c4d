import type { sheets_v4 } from "@googleapis/sheets";
import { SCRATCH_TAB, TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { type PlacedWrite, type PlannedWrite, remapWrites } from "../../domain/sync/remap";
import { type CaptureCheck, type RestoredCell, verifyCapture } from "../../domain/sync/verify-capture";
import { columnLetter, quoteSheet } from "../../sheets/a1";
import { captureAndWrite } from "../../sheets/capture-requests";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import { BusyError } from "./busy-error";
import { NOTHING_TO_CHECK, serviceFailureText } from "./service-failure";
import { createSheetIds, META_SHEET_IDS } from "./sheet-ids";
import { takeWriteLock } from "./write-lock";

export interface LedgerWriteDeps {
  sheets: SheetsClient;
  lease: Lease;
  meta: MetaStore;
}

/** Requests to send in the same batch as the first write (e.g. the sync's system tabs). */
export interface Alongside {
  tabs: readonly string[];
  requests(ids: Record<string, number>): sheets_v4.Schema$Request[];
}

export interface LedgerWriteResult {
  /** Values that landed on the suggestion they were meant for. */
  confirmed: PlacedWrite[];
  /** Values not written: their row could not be found for certain, or Google kept failing (kept for the next run). */
  held: HeldWrite[];
  /** Staff cells a misplaced value had overwritten, and what was put back. */
  restored: RestoredCell[];
  /** Cells written, the repairs included. */
  cellsWritten: number;
}

export interface HeldWrite {
  write: PlannedWrite;
  reason: string;
  /** Google kept answering errors: nothing about the row or the sheet is wrong, there is nothing to mend. */
  serviceFailure?: true;
}

const ID_HEADER = "编号";
const STAFF_HEADERS = ledgerStaffColumns.map((c) => c.header);
const STAFF_OWNED: ReadonlySet<string> = new Set(STAFF_HEADERS);
const LAYOUT = { idHeader: ID_HEADER, staffHeaders: STAFF_HEADERS };
/**
 * A first try and at most two repairs: more means staff are reshaping the sheet right now, or
 * (when the last batch failed and never landed) that Google keeps answering errors.
 */
const MAX_ROUNDS = 3;
const GAVE_UP = "表格正在被大幅调整，本次未能写入";
const LOCK_WAIT_MS = 15_000;
/** A write interrupted between landing and being checked is finished by the next writer. */
export const META_PENDING_WRITE = "ledger_write_pending";

/** A round whose batch Google answered with a retryable error, and which did not land. */
interface RoundCheck extends CaptureCheck {
  failure?: SheetsError;
}

/**
 * Why the writes still pending after the last round were held: the sheet changing under each write,
 * or (when the last batch failed and never landed) Google's service or the connection to it, which
 * staff cannot mend by checking rows, so they are told not to look for merged cells or sorting.
 */
function gaveUp(write: PlannedWrite, last: RoundCheck): HeldWrite {
  const failure = last.failure;
  if (!failure) return { write, reason: GAVE_UP };
  return {
    write,
    reason: `${serviceFailureText(failure)}，本次未能写入；${NOTHING_TO_CHECK}`,
    serviceFailure: true,
  };
}

interface PendingWrite {
  placed: PlacedWrite[];
  rows: number[];
  scratchWidth: number;
  nonce: string;
}

/**
 * Writes cells of 建议台账, each onto the row that holds its identity (编号, or the row's content).
 * The rows are placed on `basis` (a read of the ledger), written in one atomic batch that first
 * copies each target row into the scratch tab, then checked against that copy: a value that a sort,
 * an inserted or deleted row, a moved or inserted column or a person's typing sent to the wrong
 * place is put back (in a new column with no header too) and written again where it belongs, by the
 * repair round that follows anyway. A 编号 typed into a cell at that moment is never lost.
 */
export async function writeLedgerCells(
  deps: LedgerWriteDeps,
  writes: readonly PlannedWrite[],
  basis: readonly (readonly unknown[])[],
  alongside?: Alongside,
): Promise<LedgerWriteResult> {
  const result: LedgerWriteResult = { confirmed: [], held: [], restored: [], cellsWritten: 0 };
  if (writes.length === 0 && !alongside) return result;
  const lock = await takeWriteLock(deps.lease, LOCK_WAIT_MS);
  if (!lock) throw new BusyError("另一项表格写入正在进行，稍后再写");
  try {
    // One query for what the write reads of D1 before it starts: a write left unfinished, and the
    // tabs' sheetIds (each was a round trip of its own on every ledger write).
    const kept = await deps.meta.getMany([META_PENDING_WRITE, META_SHEET_IDS]);
    const finished = await finishPendingWrite(deps, result, kept.get(META_PENDING_WRITE) ?? null);
    // Read before finishing a pending write, which may have asked Google for them anew.
    let knownIds: string | null | undefined = finished ? undefined : (kept.get(META_SHEET_IDS) ?? null);
    let pending: readonly PlannedWrite[] = writes;
    let current = basis;
    let extra = alongside;
    let last: RoundCheck = NOTHING;
    for (let round = 1; pending.length > 0 || extra; round++) {
      if (round > 1) current = await readLedger(deps.sheets);
      const { placed, held } = remapWrites(pending, current, LAYOUT);
      if (round > MAX_ROUNDS) {
        result.held.push(...held, ...placed.map((p) => gaveUp(p.planned, last)));
        break;
      }
      const check = await captureRound(deps, placed, headerWidth(current), extra, knownIds);
      last = check;
      extra = undefined;
      knownIds = undefined;
      result.confirmed.push(...check.confirmed);
      result.restored.push(...check.restored);
      // A batch Google refused wrote nothing: counting it would tell of cells that are not there.
      if (check.landed) result.cellsWritten += placed.length;
      // What could not be placed gets another try when a repair round follows anyway, or when this
      // round was a repair (putting a row back may make it findable again).
      const again = check.next.length > 0 || (round > 1 && placed.length > 0 && held.length > 0);
      if (!again) result.held.push(...held);
      pending = again ? [...check.next, ...held.map((h) => h.write)] : [];
    }
    return result;
  } finally {
    await lock.release();
  }
}

function headerWidth(rows: readonly (readonly unknown[])[]): number {
  return (rows[0] ?? []).length;
}

async function readLedger(sheets: SheetsClient): Promise<unknown[][]> {
  return ((await sheets.get(quoteSheet(TAB_NAMES.ledger))).values ?? []) as unknown[][];
}

const NOTHING: CaptureCheck = { landed: true, confirmed: [], next: [], restored: [] };

/** One capture-and-write batch (with whatever goes alongside it) and its check. */
async function captureRound(
  deps: LedgerWriteDeps,
  placed: PlacedWrite[],
  width: number,
  alongside: Alongside | undefined,
  /** META_SHEET_IDS as the caller read it (see createSheetIds); undefined: read it here. */
  knownIds?: string | null,
  retried = false,
): Promise<RoundCheck> {
  const sheetIds = createSheetIds(deps.sheets, deps.meta, retried ? undefined : knownIds);
  const resolved = await sheetIds.resolve([TAB_NAMES.ledger, ...(alongside?.tabs ?? [])]);
  const extra = alongside?.requests(resolved.ids) ?? [];
  const nonce = crypto.randomUUID();
  const plan = captureAndWrite(placed, {
    ledgerSheetId: resolved.ids[TAB_NAMES.ledger] as number,
    scratchSheetId: resolved.ids[SCRATCH_TAB] as number,
    width,
    nonce,
  });
  const pending: PendingWrite = { placed, rows: plan.rows, scratchWidth: plan.scratchWidth, nonce };
  const requests = [...resolved.create, ...(placed.length > 0 ? plan.requests : []), ...extra];
  if (requests.length === 0) return NOTHING;
  if (placed.length > 0) await setPending(deps.meta, pending);
  let failure: SheetsError | undefined;
  try {
    await deps.sheets.batchUpdate(requests, { notIdempotent: true });
    await resolved.keep();
  } catch (error) {
    if (error instanceof SheetsError && error.httpStatus === 400 && !retried) {
      // A tab was deleted and made again (new sheetId) since the ids were cached: ask once more.
      await setPending(deps.meta, null);
      await sheetIds.forget();
      return captureRound(deps, placed, width, alongside, undefined, true);
    }
    // A 5xx may come after Google applied the batch: the scratch tab tells (checked below).
    if (!(error instanceof SheetsError) || !error.retryable || placed.length === 0) {
      await setPending(deps.meta, null);
      throw error;
    }
    failure = error;
  }
  if (placed.length === 0) return NOTHING;
  const check = await checkPending(deps, pending);
  // Landed after all: what is left to write was misplaced by a change to the sheet, not by Google.
  return check.landed || !failure ? check : { ...check, failure };
}

async function setPending(meta: MetaStore, pending: PendingWrite | null): Promise<void> {
  await meta.set(META_PENDING_WRITE, pending ? JSON.stringify(pending) : "", new Date().toISOString());
}

async function checkPending(deps: LedgerWriteDeps, pending: PendingWrite): Promise<CaptureCheck> {
  const range = `${quoteSheet(SCRATCH_TAB)}!A1:${columnLetter(pending.scratchWidth - 1)}${pending.rows.length + 1}`;
  // No scratch tab, no capture: verifyCapture finds no nonce and has every write made again.
  const scratch = (await readScratch(deps.sheets, range)) ?? [];
  const check = verifyCapture(pending.placed, pending.rows, scratch, pending.nonce, LAYOUT, STAFF_OWNED);
  await setPending(deps.meta, null);
  return check;
}

/**
 * The scratch tab's capture; null when the sheet has no scratch tab (Google answers 400 to its
 * range). On a sheet never written to, the tab is made by the batch that first uses it: when that
 * batch failed (a 5xx before Google applied it) or never went out (the Worker ended after setPending),
 * the tab is not there, and the write is to be made again, not the run failed over a range.
 */
async function readScratch(sheets: SheetsClient, range: string): Promise<unknown[][] | null> {
  try {
    return ((await sheets.get(range)).values ?? []) as unknown[][];
  } catch (error) {
    if (error instanceof SheetsError && error.httpStatus === 400) return null;
    throw error;
  }
}

/**
 * A Worker that died between a write and its check left the capture in the scratch tab (nobody
 * else writes there while a write is pending): check it now and put back what was misplaced.
 * `raw` is META_PENDING_WRITE as read under the write lock. True when there was one to finish.
 */
async function finishPendingWrite(
  deps: LedgerWriteDeps,
  result: LedgerWriteResult,
  raw: string | null,
): Promise<boolean> {
  if (!raw) return false;
  const check = await checkPending(deps, JSON.parse(raw) as PendingWrite);
  result.restored.push(...check.restored);
  if (!check.landed || check.next.length === 0) return true;
  const current = await readLedger(deps.sheets);
  const { placed, held } = remapWrites(check.next, current, LAYOUT);
  result.held.push(...held);
  const again = await captureRound(deps, placed, headerWidth(current), undefined);
  result.restored.push(...again.restored);
  result.held.push(...again.next.map((write) => gaveUp(write, again)));
  return true;
}
