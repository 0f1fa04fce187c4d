import { describe, expect, it } from "vitest";
import { indexIdColumns } from "../../../src/domain/evaluate-chunk";
import { placedRows, seenOnce } from "../../../src/jobs/sync/seen-once";
import type { ChunkResult, SyncContext } from "../../../src/jobs/sync/sync-context";

const HEADER = ["编号", "标题", "审查结果"];

/** A ledger of rows (编号, 标题) from sheet row 2, split in chunks of `size` rows. */
function planOf(ids: string[], size: number) {
  const rows = ids.map((id, i) => [id, `标题${i}`]);
  const index = indexIdColumns(["编号", ...ids], ["审查结果", ...ids.map(() => "")]);
  const chunkStarts = ids.map((_, i) => i + 2).filter((_, i) => i % size === 0);
  const context = { ids: index, chunkStarts, lastRow: ids.length + 1 } as unknown as SyncContext;
  return { rows, context };
}

/** The chunks' results as they count the rows they read now (`now`: the sheet's rows when each chunk reads). */
function resultsOf(context: SyncContext, now: unknown[][], size: number): ChunkResult[] {
  return context.chunkStarts.map((first) => {
    const rows = now.slice(first - 2, first - 2 + size);
    return {
      ids: rows.map((r) => String(r[0] ?? "")).filter(Boolean),
      placed: placedRows(context, HEADER, first, rows),
    } as unknown as ChunkResult;
  });
}

const keys = (context: SyncContext) => Object.keys(context.ids);

describe("every row the plan indexed was seen once", () => {
  it("holds when the chunks read the rows where the plan saw them, a 编号 typed twice included", () => {
    const { rows, context } = planOf(["2026-001", "2026-002", "2026-002", "", "2026-004"], 2);
    const results = resultsOf(context, rows, 2);
    expect(results.map((r) => r.placed)).toEqual([2, 1, 1]);
    expect(seenOnce(context, results, keys(context))).toBe(true);
  });

  it("fails when a row was deleted while the chunks ran: the rows below moved up a chunk", () => {
    const { rows, context } = planOf(["2026-001", "2026-002", "2026-003", "2026-004", "2026-005"], 2);
    const after = [...rows.slice(0, 1), ...rows.slice(2)];
    expect(seenOnce(context, resultsOf(context, after, 2), keys(context))).toBe(false);
  });

  it("fails when staff sorted the rows, even with every 编号 still there once", () => {
    const { rows, context } = planOf(["2026-001", "2026-002", "2026-003", "2026-004"], 2);
    expect(seenOnce(context, resultsOf(context, [...rows].reverse(), 2), keys(context))).toBe(false);
  });

  it("fails when a chunk's result is missing, or a row the plan saw is blank now", () => {
    const { rows, context } = planOf(["2026-001", "2026-002", "2026-003"], 2);
    expect(seenOnce(context, resultsOf(context, rows, 2).slice(1), keys(context))).toBe(false);
    const cleared = rows.map((r, i) => (i === 2 ? ["", r[1]] : r));
    expect(seenOnce(context, resultsOf(context, cleared, 2), keys(context))).toBe(false);
  });

  it("counts each 编号 the old way for results stored by a build before the count", () => {
    const { rows, context } = planOf(["2026-001", "2026-002", "2026-003"], 2);
    const old = resultsOf(context, rows, 2).map(({ placed: _, ...r }) => r as ChunkResult);
    expect(seenOnce(context, old, keys(context))).toBe(true);
    expect(seenOnce(context, old.slice(1), keys(context))).toBe(false);
  });
});
