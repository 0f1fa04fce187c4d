import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { digestOf } from "../../digest";
import { columnLetter } from "../../domain/a1";
import { serialFromIso } from "../../domain/civil-date";
import { evaluateChunk, idEntry } from "../../domain/evaluate-chunk";
import { contactsById } from "../../domain/figures/contacts-part";
import { hash53 } from "../../domain/hash";
import { withPracticeTabs } from "../../domain/ledger-context";
import {
  awaitingReplyIds,
  CLEARED_REPLY_CELLS,
  clearedFlags,
  clearedHoldProblems,
  clearedHolds,
  clearedSince,
} from "../../domain/notices/reply-cleared";
import { PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { derivePart } from "../../domain/summary/derive-part";
import { factsOf, type StoredSummaryRow, storeRow } from "../../domain/summary/summary-row";
import { keptExtraColumns, withExtraValues } from "../../domain/sync/extra-columns";
import { heldWriteProblems } from "../../domain/sync/held-problems";
import { pastedBlockProblems, pastedBlocks } from "../../domain/sync/pasted-block";
import { cellsByHeader, type HistoryRow } from "../../domain/sync/plan-history";
import { planLedgerWrites, staffColumnsOf } from "../../domain/sync/plan-ledger";
import { cellText } from "../../domain/sync/row-identity";
import { holdShiftedCells, shiftedColumnProblems, shiftedColumns } from "../../domain/sync/shifted-column";
import { type OverwrittenCell, putBackProblems } from "../../domain/sync/typed-system-cells";
import { mayHoldVolatile } from "../../domain/sync/volatile-formulas";
import type { SheetsClient } from "../../sheets/client";
import type { IdAllocator } from "../../store/id-allocator";
import type { Lease } from "../../store/lease";
import type { MetaStore } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";
import type { SummaryPart, SummaryStore } from "../../store/summary-store";
import type { TabCache } from "../../store/tab-cache";
import { localDate } from "../local-time";
import { restoredChanges } from "../sheet-writes/restored-changes";
import { writeLedgerCells } from "../sheet-writes/write-ledger-cells";
import { keepHistory, lastSeen } from "./chunk-history";
import { allocate, giveBackUnwritten, writeGivingBackOnThrow } from "./chunk-ids";
import { chunkInput } from "./chunk-input";
import { changedRows, lastSeenRows, reusableResult, sameRow } from "./chunk-shifts";
import { duplicatedIn } from "./derive-stored";
import { readRowsKeepingVolatile } from "./read-sheet";
import { placedRows } from "./seen-once";
import { smallTabsContext } from "./small-tabs";
import { type ChunkResult, leftSheetAsIs, problemsDigestOf, type SyncContext } from "./sync-context";
import { systemCellsOf } from "./system-cells";
import { isTooBig, tooBigError } from "./too-big";

export interface ChunkDeps {
  sheets: SheetsClient;
  buildId: string;
  lease: Lease;
  meta: MetaStore;
  ids: IdAllocator;
  snapshots: SnapshotStore;
  tabCache: TabCache;
  summaries: SummaryStore;
}

/** The sheet rows a chunk covers: its start to the row before the next chunk's (the last to lastRow). */
export function chunkRange(context: SyncContext, index: number): { first: number; last: number } {
  const first = context.chunkStarts[index] ?? 2;
  const next = context.chunkStarts[index + 1];
  return { first, last: next === undefined ? context.lastRow : next - 1 };
}

/** The 编号 typed in these rows (trimmed text, as practice rows are matched by). */
function idsOf(header: readonly unknown[], rows: readonly (readonly unknown[])[]): string[] {
  const at = header.findIndex((cell) => cellText(cell) === "编号");
  if (at < 0) return [];
  const ids = new Set<string>();
  for (const row of rows) {
    const id = cellText(row[at]);
    if (id) ids.add(id);
  }
  return [...ids];
}

/** The ledger's header and one chunk's rows, as read. */
export interface ChunkRows {
  header: unknown[];
  rows: unknown[][];
}

const STAFF_DATES = new Set(
  ledgerTab.columns.filter((c) => c.owner === "staff" && c.cell.kind === "date").map((c) => c.header),
);

/** Where the ledger's staff date columns are in `header` (a volatile formula there slides daily). */
function staffDateColumns(header: readonly string[]): number[] {
  return header.flatMap((h, c) => (STAFF_DATES.has(h) ? [c] : []));
}

/** Gives a chunk's rows (by chunk index); see chunkReader. */
export type ChunkRowsOf = (index: number) => Promise<ChunkRows>;

/**
 * A step's reader of chunk rows: the first chunk asked for reads chunks `from` … `to - 1` (and
 * the header) in one values.batchGet, so a step that goes through two reused chunks spends one
 * read; a chunk outside them is read alone. Nothing is read until a chunk is asked for.
 */
export function chunkReader(
  sheets: SheetsClient,
  context: SyncContext,
  from: number,
  to: number,
): ChunkRowsOf {
  const width = Math.max(1, context.header?.length ?? 1);
  const dateColumns = staffDateColumns(context.header ?? []);
  const todaySerial = serialFromIso(context.today);
  const read = async (indexes: readonly number[]) => {
    const lastColumn = columnLetter(width - 1);
    const firstRows = new Map<string, number>([["header", 1]]);
    const ranges = indexes.map((index) => {
      const { first, last } = chunkRange(context, index);
      firstRows.set(`rows${index}`, first);
      return { key: `rows${index}`, tab: TAB_NAMES.ledger, a1: `A${first}:${lastColumn}${last}` };
    });
    const got = await readRowsKeepingVolatile(
      sheets,
      [{ key: "header", tab: TAB_NAMES.ledger, a1: "1:1" }, ...ranges],
      (request, row) => request.key !== "header" && mayHoldVolatile(row, dateColumns, todaySerial),
      (request, r) => {
        const row = (firstRows.get(request.key) ?? 1) + r;
        return `A${row}:${lastColumn}${row}`;
      },
    );
    const header = got.values.header?.[0] ?? [];
    return new Map(indexes.map((index) => [index, { header, rows: got.values[`rows${index}`] ?? [] }]));
  };
  let together: Promise<Map<number, ChunkRows>> | null = null;
  return async (index) => {
    if (index < from || index >= to) return (await read([index])).get(index) as ChunkRows;
    together ??= read(Array.from({ length: to - from }, (_, i) => from + i));
    return (await together).get(index) as ChunkRows;
  };
}

type Probe =
  | { reused: ChunkResult }
  | { reused: null; input: string; header: unknown[]; raw: unknown[][]; first: number; placed: number };

/** Reads a chunk's rows and digests what its evaluation depends on: its steady result when the same. */
async function probeChunk(
  deps: ChunkDeps,
  context: SyncContext,
  index: number,
  rowsOf: ChunkRowsOf,
  callsBefore: number,
): Promise<Probe> {
  const { first } = chunkRange(context, index);
  const { header, rows: raw } = await rowsOf(index);
  // The plan's digest of the small tabs covers the practice tabs too: any change there checks again.
  // SHA-1 (native), not hash53, whose first long text in a fresh isolate runs before V8 has
  // compiled its loop (a few milliseconds for the 40 KB or so of a chunk's input).
  const input = `h${await digestOf(chunkInput(context, deps.buildId, header, first, raw))}`;
  // Counted from the rows as read now: a result stored by an older build has no count.
  const placed = placedRows(context, header, first, raw);
  const steady = await deps.summaries.steady(index);
  if (steady?.input === input) {
    const stored = JSON.parse(steady.result) as ChunkResult;
    return { reused: { ...stored, placed, reused: true, sheetsCalls: deps.sheets.callCount - callsBefore } };
  }
  return { reused: null, input, header, raw, first, placed };
}

/**
 * A chunk's steady result when its rows (read by `rowsOf`) can be reused as they are; else null,
 * nothing done: the caller leaves the chunk to a step that checks it (runChunk).
 */
export async function reuseChunk(
  deps: ChunkDeps,
  context: SyncContext,
  index: number,
  rowsOf: ChunkRowsOf,
): Promise<ChunkResult | null> {
  return (await probeChunk(deps, context, index, rowsOf, deps.sheets.callCount)).reused;
}

/**
 * One chunk of a sync run (a hundred rows, one invocation): read those rows, check and compute
 * them against the whole ledger's 编号 index, number the rows without 编号, write the system cells
 * that changed (placed by identity and checked, see writeLedgerCells), keep the history in D1, and
 * store the rows as evaluated for the dashboard and notices. A chunk whose input is the same as a
 * steady run's reuses that run's result. With `deriveLater`, a part whose rows changed is stored
 * without what derives from them, for a step of its own (deriveStored): a queued run's chunk
 * step then fits the Free plan's CPU with a margin.
 */
export async function runChunk(
  deps: ChunkDeps,
  context: SyncContext,
  index: number,
  nowMs: number,
  rowsOf: ChunkRowsOf,
  options: { deriveLater?: boolean } = {},
): Promise<ChunkResult> {
  const callsBefore = deps.sheets.callCount;
  const probe = await probeChunk(deps, context, index, rowsOf, callsBefore);
  if (probe.reused) return probe.reused;
  try {
    return await checkChunk(deps, context, nowMs, index, probe, callsBefore, options);
  } catch (error) {
    throw isTooBig(error) ? tooBigError(probe.header, probe.raw, probe.first) : error;
  }
}

/** runChunk's work on rows it could not reuse. */
async function checkChunk(
  deps: ChunkDeps,
  context: SyncContext,
  nowMs: number,
  index: number,
  probe: Exclude<Probe, { reused: ChunkResult }>,
  callsBefore: number,
  options: { deriveLater?: boolean },
): Promise<ChunkResult> {
  const { input, header, raw, first, placed } = probe;
  // The small tabs (built once per isolate), and of 沟通记录, 延期申请 and 协办意见 only this part's
  // suggestions' rows (D1 picks them by 编号), so a chunk parses its share of the practice rows.
  const [base, practice] = await Promise.all([
    // A run planned by an older build has no small-tabs digest: its tabs' context is built anew.
    smallTabsContext(deps.tabCache, context.smallTabsDigest),
    deps.tabCache.loadRowsOf(PRACTICE_RECORD_TABS, idsOf(header, raw)),
  ]);
  const ledgerContext = withPracticeTabs(base, practice);
  const toEvaluate = {
    context: ledgerContext,
    header,
    firstRow: first,
    today: context.today,
    ids: context.ids,
  };
  let evaluation = evaluateChunk({ ...toEvaluate, rows: raw });
  const empty: ChunkResult = {
    rows: 0,
    ids: [],
    placed,
    problems: [],
    relatedProblems: [],
    cellsWritten: 0,
    held: 0,
    heldSample: [],
    repairedCells: 0,
    assignedIds: [],
    // Nothing stored for rows that could not be read: the finish must not take the part as it was.
    partChanged: true,
    unknownYears: [],
    provisionalDue: [],
    sheetsCalls: deps.sheets.callCount - callsBefore,
    reused: false,
  };
  if (!evaluation.readable || !evaluation.columns) return empty;
  const columns = evaluation.columns;
  const rowsHolding = (id: string) => idEntry(context.ids, id)?.rows.length ?? 0;
  const staffColumns = staffColumnsOf(columns);
  const extraColumns = keptExtraColumns(columns);
  // What the last sync kept of these rows, read before anything is written (the history's own two
  // queries, moved ahead): a column moved against its rows since is evaluated, written from and
  // kept as it was stored, until staff put it back (shifted-column.ts). A reply cleared lately is
  // said in 校验问题 by every sync of its grace (reply-cleared.ts): the briefs' query gives the
  // clearings of the rows awaiting a reply.
  const seenRows = lastSeenRows(evaluation.rows, columns, rowsHolding);
  const seen = await lastSeen(deps.snapshots, [...seenRows.values()], {
    ids: awaitingReplyIds(evaluation.rows),
    cells: CLEARED_REPLY_CELLS,
    since: clearedSince(context.today),
  });
  const changed = changedRows(seenRows, seen);
  const shifts = shiftedColumns(changed);
  // One text pasted over many rows' own (pasted-block.ts): told by this sync only, from the same rows.
  const pasted = pastedBlockProblems(pastedBlocks(changed), TAB_NAMES.ledger);
  const shifted = new Set(shifts.flatMap((s) => s.rows.map((r) => r.rowNumber)));
  if (shifts.length > 0) {
    const at = new Map(staffColumns.map((c) => [c.header, c.index]));
    const rows = holdShiftedCells(raw, first, shifts, (h) => at.get(h));
    evaluation = evaluateChunk({ ...toEvaluate, rows });
  }
  const newIds = await allocate(evaluation.rows, ledgerContext.idFormat, deps.ids);
  // The rows as read, at their sheet positions: where the writes are placed first.
  const basis: unknown[][] = [header];
  raw.forEach((row, i) => {
    basis[first - 1 + i] = row as unknown[];
  });
  const written = await writeGivingBackOnThrow(deps, newIds, ledgerContext.idFormat, (sheets) =>
    writeLedgerCells(
      { sheets, lease: deps.lease, meta: deps.meta },
      planLedgerWrites(evaluation.rows, columns, newIds, rowsHolding).writes,
      basis,
    ),
  );
  const assigned = new Map<number, string>();
  for (const p of written.confirmed)
    if (p.header === "编号" && p.onlyIfBlank) assigned.set(p.sourceRow, String(p.value));
  if (assigned.size < newIds.size)
    await giveBackUnwritten(newIds, assigned, ledgerContext.idFormat, deps.ids);

  const at = new Date(nowMs).toISOString();
  const historyRows: HistoryRow[] = [];
  const overwritten: OverwrittenCell[] = [];
  const systemCells = systemCellsOf(written, columns);
  const ids: string[] = [];
  const stored: StoredSummaryRow[] = [];
  for (const r of evaluation.rows) {
    if (r.blank) continue;
    const id = assigned.get(r.rowNumber) ?? (r.newId ? undefined : (r.id ?? undefined));
    const row = storeRow(r, columns.indexOf);
    if (id) {
      ids.push(id);
      row.i = id;
      // A number just handed out is the record's 编号 too (pages read it there), first as when read.
      row.r = { id, ...row.r };
    } else delete row.i;
    stored.push(row);
    // A 编号 typed on two rows has no snapshot of its own until staff fix it (the summary shows both).
    if (!id || (!assigned.has(r.rowNumber) && rowsHolding(id) !== 1)) continue;
    const cells = systemCells(id, r);
    // The row lastSeen digested, when nothing in it changed since (no cell held back, no write held).
    const known = seenRows.get(r.rowNumber);
    if (known && !shifted.has(r.rowNumber) && sameRow(known, id, cells.systemValues)) historyRows.push(known);
    else {
      const staffValues = cellsByHeader(r.raw, staffColumns);
      if (assigned.has(r.rowNumber)) staffValues.编号 = id;
      // With the office's own columns (附加列), as lastSeenRows keeps them: 恢复 puts them back too.
      const now = { id, rowNumber: r.rowNumber, staffValues, systemValues: cells.systemValues };
      historyRows.push(withExtraValues(now, r.raw, extraColumns));
    }
    overwritten.push(...cells.overwritten);
  }
  // System cells a person had typed into: kept in the history, and said once in 校验问题.
  const kept = await keepHistory(
    deps.snapshots,
    historyRows,
    ids,
    restoredChanges(written.restored),
    at,
    overwritten,
    seen,
  );
  const typedOver = kept.typedOver;
  // A row's problems name the 编号 it was given, or none when its 编号 was not written (the
  // evaluation's provisional one is no 编号 staff can find in the sheet).
  const renamed = new Map<string, string | null>();
  for (const r of evaluation.rows) if (r.newId) renamed.set(r.newId, assigned.get(r.rowNumber) ?? null);
  // The header's problems are the plan's; a chunk reports its rows'.
  const idOfRow = (rowNumber: number) => {
    const r = evaluation.rows.find((e) => e.rowNumber === rowNumber);
    return assigned.get(rowNumber) ?? (r && !r.newId ? r.id : null);
  };
  const holds = clearedHolds(evaluation.rows, kept.cleared, context.today, (iso) =>
    localDate(Date.parse(iso), context.timeZone),
  );
  // A held row is stored marked (its facts' flags), for the 督办周报 the finish's figures write.
  for (const [rowNumber, flag] of clearedFlags(holds)) {
    const row = stored.find((s) => s.n === rowNumber);
    if (row) row.x = (row.x ?? 0) | flag;
  }
  const problems = [
    ...evaluation.rowProblems.map((p) =>
      p.id && renamed.has(p.id) ? { ...p, id: renamed.get(p.id) ?? null } : p,
    ),
    // Cells this chunk could not write are said in 校验问题, not only in the run's log.
    ...heldWriteProblems(written.held, idOfRow),
    ...putBackProblems(typedOver),
    ...shiftedColumnProblems(shifts, TAB_NAMES.ledger),
    ...pasted,
    ...clearedHoldProblems(holds, TAB_NAMES.ledger),
  ];
  const relatedProblems = [...evaluation.relatedProblems];
  const unknownYears = [...evaluation.unknownYears];
  const provisionalDue = evaluation.provisionalDue.map(([year, rows]): [number, number] => [year, rows]);
  const result: Omit<ChunkResult, "partChanged" | "sheetsCalls"> = {
    rows: stored.length,
    ids,
    placed,
    problems,
    relatedProblems,
    problemsDigest: problemsDigestOf({ problems, relatedProblems, unknownYears, provisionalDue }),
    cellsWritten: written.cellsWritten,
    held: written.held.length,
    heldSample: written.held.slice(0, 20).map((h) => ({ header: h.write.header, reason: h.reason })),
    repairedCells: written.restored.length,
    assignedIds: [...assigned.values()],
    unknownYears,
    provisionalDue,
    reused: false,
  };
  // Steady: the same input next time needs no check. Otherwise the next sync reads the rows again.
  const isSteady = leftSheetAsIs(result);
  const facts = stored.map(factsOf);
  const duplicated = duplicatedIn(context, ids);
  // The share counts these rows' 沟通记录: a change there (the rows unchanged) must store it again.
  const contacts = contactsById(practice[TAB_NAMES.contacts]);
  const contactsDigest = contacts ? hash53(JSON.stringify([...contacts])) : "none";
  const part: SummaryPart = {
    derivedFor: `${deps.buildId}\n${context.today}\n${[...duplicated].join(",")}\n${contactsDigest}`,
    rows: JSON.stringify(stored),
    facts: JSON.stringify(facts),
    // The part's share of the figures, its list entries and export lines, from the rows as the
    // finish and the pages load them.
    derive: () => derivePart(stored, facts, context.today, duplicated, contacts),
    steady: isSteady
      ? {
          input,
          result: JSON.stringify({ ...reusableResult(result, pasted), partChanged: false, sheetsCalls: 0 }),
        }
      : null,
  };
  const changedParts = await deps.summaries.save(new Map([[index, part]]), null, at, options);
  return { ...result, partChanged: changedParts > 0, sheetsCalls: deps.sheets.callCount - callsBefore };
}
