import type { LedgerEvaluation } from "../../domain/evaluate-ledger";
import type { IdAllocator } from "../../store/id-allocator";

/**
 * Turns the domain's proposed 编号 (computed from the sheet alone) into numbers reserved in D1,
 * so a number is never handed out twice even after its row was deleted or a sync failed.
 * Also raises each year's sequence above the numbers staff typed, so form intake (which does not
 * read the sheet) never hands out a number already in it.
 * Returns row number → final 编号, and proposed → final for relabelling problems.
 */
export async function allocateNewIds(
  evaluation: LedgerEvaluation,
  allocator: IdAllocator,
): Promise<{ byRow: Map<number, string>; renamed: Map<string, string> }> {
  const format = evaluation.idFormat;
  const floors = new Map<number, number>();
  const wanted = new Map<number, number[]>(); // year → row numbers, in sheet order
  for (const row of evaluation.rows) {
    if (row.blank) continue;
    if (row.newId) {
      const year = format.hasYear ? (format.parse(row.newId)?.year ?? 0) : 0;
      const rows = wanted.get(year) ?? [];
      rows.push(row.rowNumber);
      wanted.set(year, rows);
    } else if (row.id) {
      const parsed = format.parse(row.id);
      if (!parsed) continue;
      const year = format.hasYear ? (parsed.year ?? 0) : 0;
      floors.set(year, Math.max(floors.get(year) ?? 0, parsed.seq));
    }
  }
  const byRow = new Map<number, string>();
  const renamed = new Map<string, string>();
  const proposed = new Map(evaluation.rows.map((r) => [r.rowNumber, r.newId]));
  for (const [year, floor] of floors) if (!wanted.has(year)) await allocator.raiseFloor(year, floor);
  for (const [year, rows] of wanted) {
    const seqs = await allocator.allocate(year, rows.length, floors.get(year) ?? 0);
    rows.forEach((rowNumber, i) => {
      const id = format.format(year, seqs[i] as number);
      byRow.set(rowNumber, id);
      const before = proposed.get(rowNumber);
      if (before) renamed.set(before, id);
    });
  }
  return { byRow, renamed };
}
