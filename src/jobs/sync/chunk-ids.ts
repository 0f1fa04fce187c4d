import type { LedgerRowEvaluation } from "../../domain/evaluate-ledger-rows";
import type { IdFormat } from "../../domain/numbering";
import { type SheetsClient, SheetsError } from "../../sheets/client";
import type { IdAllocator } from "../../store/id-allocator";
import type { LedgerWriteResult } from "../sheet-writes/write-ledger-cells";

/*
 * The 编号 a chunk step hands out to its rows without one: taken from D1 before the write (never
 * handed out twice), and given back when they did not reach the sheet, so the year's numbers have
 * no gap.
 */

/** Numbers for the rows of this chunk that have none, from D1 (never handed out twice), in sheet order. */
export async function allocate(
  rows: readonly LedgerRowEvaluation[],
  format: IdFormat,
  allocator: IdAllocator,
): Promise<Map<number, string>> {
  const byYear = new Map<number, number[]>();
  for (const row of rows) {
    if (row.blank || !row.newId) continue;
    const year = format.hasYear ? (format.parse(row.newId)?.year ?? 0) : 0;
    byYear.set(year, [...(byYear.get(year) ?? []), row.rowNumber]);
  }
  const out = new Map<number, string>();
  for (const [year, rowNumbers] of byYear) {
    const seqs = await allocator.allocate(year, rowNumbers.length, 0);
    for (const [i, rowNumber] of rowNumbers.entries())
      out.set(rowNumber, format.format(year, seqs[i] as number));
  }
  return out;
}

/**
 * The numbers handed out for rows whose 编号 was not written (held: the row moved or was edited at
 * the instant of the write): the last ones of each year are given back, so the next sync numbers
 * those rows without a gap. Numbers before a written one stay handed out.
 */
export async function giveBackUnwritten(
  newIds: ReadonlyMap<number, string>,
  assigned: ReadonlyMap<number, string>,
  format: IdFormat,
  allocator: IdAllocator,
): Promise<void> {
  const byYear = new Map<number, { seq: number; written: boolean }[]>();
  for (const [rowNumber, id] of newIds) {
    const parsed = format.parse(id);
    if (!parsed) continue;
    const year = parsed.year ?? 0;
    byYear.set(year, [...(byYear.get(year) ?? []), { seq: parsed.seq, written: assigned.has(rowNumber) }]);
  }
  for (const [year, numbers] of byYear) {
    const sorted = numbers.sort((a, b) => a.seq - b.seq);
    const last = sorted.at(-1);
    let from = sorted.length;
    while (from > 0 && !sorted[from - 1]?.written) from--;
    if (last && from < sorted.length) await allocator.giveBack(year, sorted[from]?.seq ?? last.seq, last.seq);
  }
}

const SHEET_WRITES: ReadonlySet<PropertyKey> = new Set([
  "batchUpdate",
  "batchUpdateValues",
  "append",
  "clear",
  "batchClear",
]);

/** Google refused the whole request before doing anything (a 4xx, a 429 included). */
const refusedWhole = (error: unknown) =>
  error instanceof SheetsError && error.httpStatus >= 400 && error.httpStatus < 500;

/**
 * `sheets`, telling whether a write may have reached the sheet through it: one answered, or one
 * failed in a way Google may have applied it (a 5xx, a lost connection).
 */
function watchingWrites(sheets: SheetsClient): { sheets: SheetsClient; mayHaveWritten: () => boolean } {
  let wrote = false;
  const watched = new Proxy(sheets, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (!SHEET_WRITES.has(key) || typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          const answer = await value.apply(target, args);
          wrote = true;
          return answer;
        } catch (error) {
          if (!refusedWhole(error)) wrote = true;
          throw error;
        }
      };
    },
  });
  return { sheets: watched, mayHaveWritten: () => wrote };
}

/**
 * writeLedgerCells for a step that has just handed out `newIds`. When the write throws (another
 * job holds the write lock, Google failing), the step is retried and numbers its rows again: the
 * numbers given now are taken back first, or each retry leaves a gap in the year's 编号. Only when
 * no write may have reached the sheet: a 编号 that landed and was given back would be handed out
 * twice (a gap is the lesser harm). giveBack takes them back only while nobody has been handed a
 * number since (an intake numbering its row meanwhile keeps them handed out).
 */
export async function writeGivingBackOnThrow(
  deps: { sheets: SheetsClient; ids: IdAllocator },
  newIds: ReadonlyMap<number, string>,
  format: IdFormat,
  write: (sheets: SheetsClient) => Promise<LedgerWriteResult>,
): Promise<LedgerWriteResult> {
  const watched = watchingWrites(deps.sheets);
  try {
    return await write(watched.sheets);
  } catch (error) {
    if (newIds.size > 0 && !watched.mayHaveWritten())
      await giveBackUnwritten(newIds, new Map(), format, deps.ids);
    throw error;
  }
}
