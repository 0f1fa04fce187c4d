import { idEntry, idOfCell } from "../../domain/evaluate-chunk";
import { cellText } from "../../domain/sync/row-identity";
import type { ChunkResult, SyncContext } from "./sync-context";

/**
 * How many of a chunk's rows, as it read them, hold a 编号 on the very row where the plan's index
 * has it; -1 when a row holds one the plan saw on another row or not at all (rows moved meanwhile).
 * Chunks cover rows that do not overlap, so when every chunk's rows are where the plan saw them
 * and these counts add up to the index's rows, every row the plan indexed was seen exactly once
 * (seenOnce). A hundred look-ups in the chunk spare the finish a count of 2,000 编号.
 */
export function placedRows(
  context: SyncContext,
  header: readonly unknown[],
  first: number,
  rows: readonly (readonly unknown[])[],
): number {
  const column = header.findIndex((cell) => cellText(cell) === "编号");
  if (column < 0) return 0;
  let placed = 0;
  for (let i = 0; i < rows.length; i++) {
    const id = idOfCell(rows[i]?.[column]);
    if (!id) continue;
    if (!idEntry(context.ids, id)?.rows.includes(first + i)) return -1;
    placed++;
  }
  return placed;
}

/**
 * Every 编号 the plan saw is in some chunk's rows, once: no row moved past a chunk boundary while
 * the chunks ran. `idKeys`: the index's 编号 (Object.keys of context.ids, which the finish needs
 * anyway). A result stored by a build before `placed` is checked the old way, by counting each 编号.
 */
export function seenOnce(
  context: SyncContext,
  results: readonly ChunkResult[],
  idKeys: readonly string[],
): boolean {
  if (results.every((r) => typeof r.placed === "number")) {
    let indexed = 0;
    for (const id of idKeys) indexed += context.ids[id]?.rows.length ?? 0;
    let placed = 0;
    for (const r of results) {
      if ((r.placed as number) < 0) return false;
      placed += r.placed as number;
    }
    return placed === indexed;
  }
  const seen = new Map<string, number>();
  for (const r of results) for (const id of r.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  return idKeys.every((id) => seen.get(id) === context.ids[id]?.rows.length);
}
