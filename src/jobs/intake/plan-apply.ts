import type { ColumnMap } from "../../../sheets-schema/header-map";
import type { PlacedWrite } from "../../domain/sync/remap";
import { cellText } from "../../domain/sync/row-identity";
import type { InboxEntry } from "../../store/inbox";

export interface ApplyPlan {
  /** New suggestions to append, as rows under the current header. */
  appendRows: (string | number)[][];
  appended: InboxEntry[];
  /** Reply and rating cells, placed on the row that holds their 编号. */
  writes: PlacedWrite[];
  updated: InboxEntry[];
  /** Already in the sheet (an earlier attempt wrote them): nothing to do. */
  alreadyThere: InboxEntry[];
  unmatched: InboxEntry[];
}

/** Round-2 replies and ratings go to the 二次 columns; the reply's text is kept in 备注. */
function cellsFor(
  entry: InboxEntry,
  row: readonly unknown[],
  columns: ColumnMap,
): Record<string, string | number> {
  const { 编号: _id, ...cells } = entry.cells;
  const secondRound =
    columns.indexOf.reassignedOn !== undefined && cellText(row[columns.indexOf.reassignedOn]) !== "";
  if (!secondRound) return cells;
  if (entry.form === "rating") return cells.满意度 === undefined ? {} : { 二次满意度: cells.满意度 };
  const out: Record<string, string | number> = {};
  if (cells.答复日期 !== undefined) out.二次答复日期 = cells.答复日期;
  const note = [cells.答复类别 ? `类别 ${cells.答复类别}` : "", cells.答复内容 ?? ""]
    .filter(Boolean)
    .join("：");
  if (note) {
    const notes = columns.indexOf.notes === undefined ? "" : cellText(row[columns.indexOf.notes]);
    const line = `二次答复（${entry.submissionId}）${note}`;
    if (!notes.includes(line)) out.备注 = notes ? `${notes}\n${line}` : line;
  }
  return out;
}

/**
 * Decides what a batch of inbox entries writes, from the ledger as it is now: each suggestion
 * is appended once (an entry whose 编号 is already in the sheet is done), each reply or rating
 * lands on the row of its 编号, or waits as unmatched when no row has it.
 */
export function planApply(
  entries: readonly InboxEntry[],
  ledger: readonly (readonly unknown[])[],
  columns: ColumnMap,
): ApplyPlan {
  const header = (ledger[0] ?? []).map((h) => cellText(h));
  const columnOf = new Map(header.map((h, i) => [h, i]));
  const idColumn = columns.indexOf.id;
  const titleColumn = columns.indexOf.title;
  const rowOf = new Map<string, number>();
  const titlesOf = new Map<string, Set<string>>();
  for (let i = 1; i < ledger.length; i++) {
    const id = idColumn === undefined ? "" : cellText(ledger[i]?.[idColumn]);
    if (!id) continue;
    if (!rowOf.has(id)) rowOf.set(id, i + 1);
    const titles = titlesOf.get(id) ?? new Set<string>();
    titles.add(titleColumn === undefined ? "" : cellText(ledger[i]?.[titleColumn]));
    titlesOf.set(id, titles);
  }
  const plan: ApplyPlan = {
    appendRows: [],
    appended: [],
    writes: [],
    updated: [],
    alreadyThere: [],
    unmatched: [],
  };
  // Two answers for one cell in a batch: the later submission wins, written once.
  const writes = new Map<string, PlacedWrite>();
  for (const entry of entries) {
    if (entry.form === "suggestion") {
      // Done only if this very suggestion is there: a number staff typed meanwhile must not
      // swallow a deputy's submission (the duplicate 编号 is then reported by the sync).
      if (titlesOf.get(entry.suggestionId)?.has(cellText(entry.cells.标题))) {
        plan.alreadyThere.push(entry);
        continue;
      }
      plan.appendRows.push(header.map((h) => entry.cells[h] ?? ""));
      plan.appended.push(entry);
      rowOf.set(entry.suggestionId, -1);
      continue;
    }
    const row = rowOf.get(entry.suggestionId);
    if (row === undefined || row < 0) {
      plan.unmatched.push(entry);
      continue;
    }
    for (const [h, value] of Object.entries(cellsFor(entry, ledger[row - 1] ?? [], columns))) {
      const column = columnOf.get(h);
      if (column !== undefined)
        writes.set(`${row}:${column}`, { row, column, header: h, value, sourceRow: row });
    }
    plan.updated.push(entry);
  }
  plan.writes = [...writes.values()];
  return plan;
}
