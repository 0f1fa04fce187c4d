import { idEntry, idOfCell } from "../../domain/evaluate-chunk";
import type { SyncContext } from "./sync-context";

/**
 * Bump when what a stored chunk result holds changes shape (ChunkResult, stored summary rows), so
 * results stored by an older build are not reused. Rule changes are covered by the build id.
 */
const RESULT_FORMAT = 1;

/** The ledger columns through which a row depends on other rows (the 编号 index). */
const REFERENCE_HEADERS = ["编号", "并入编号"] as const;

/**
 * Everything a chunk's evaluation depends on, as one string: the build, the day, the small tabs,
 * the header, where the chunk starts, its raw rows, and the index entries of every 编号 its rows
 * hold or point to (a 编号 typed twice elsewhere, a 并入编号's 审查结果). Two equal inputs give
 * equal evaluations, so a chunk whose input is unchanged since a steady run need not be checked again.
 */
export function chunkInput(
  context: SyncContext,
  buildId: string,
  header: readonly unknown[],
  first: number,
  rows: readonly (readonly unknown[])[],
): string {
  const columns = REFERENCE_HEADERS.map((h) => header.indexOf(h)).filter((c) => c >= 0);
  // Own keys only: a 编号 typed as "constructor" is not Object's.
  const related: Record<string, unknown> = Object.create(null);
  for (const row of rows)
    for (const c of columns) {
      const id = idOfCell(row[c]);
      if (id && !Object.hasOwn(related, id)) related[id] = idEntry(context.ids, id) ?? null;
    }
  return JSON.stringify([
    RESULT_FORMAT,
    buildId,
    context.today,
    context.tabsDigest,
    header,
    first,
    rows,
    related,
  ]);
}
