import { CONVERTED } from "../../../sheets-schema/enums";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { columnLetter } from "../../domain/a1";
import { type OpinionRow, opinionRows } from "../../domain/evaluation/opinions";
import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import type { SheetsClient } from "../../sheets/client";

const ID_HEADER = "建议编号";
const HANDLING_HEADER = "处理方式";
/** A first try and at most two repairs: more means staff are reshaping 民意 right now. */
const MAX_ROUNDS = 3;

export type PlaceResult = { placed: true; row: number } | { placed: false };

const readOpinions = async (sheets: SheetsClient) =>
  ((await sheets.get(quoteSheet(TAB_NAMES.opinions))).values ?? []) as unknown[][];

/**
 * Writes 建议编号 (and 处理方式 转化为建议) onto the 民意 row that says `key`, then reads the tab back
 * to check: a sort, an inserted or deleted row between the read and the write sends the values to
 * another opinion's row. That row is put back as it read before the write (a row that was not there
 * then, inserted at that moment, gets its two cells emptied only if they still hold what was
 * written), and the values are written again where the opinion now is. Two or three Sheets calls
 * when nothing moves; never one per row.
 */
export async function placeConversion(
  sheets: SheetsClient,
  read: unknown[][],
  key: string,
  id: string,
): Promise<PlaceResult> {
  let before = read;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const header = (before[0] ?? []).map((c) => cellText(c));
    const target = uniqueRow(opinionRows(before), key);
    if (!target || header.indexOf(ID_HEADER) < 0) return { placed: false };
    const cell = (h: string, row: number) =>
      `${quoteSheet(TAB_NAMES.opinions)}!${columnLetter(header.indexOf(h))}${row}`;
    const writes = [{ range: cell(ID_HEADER, target.rowNumber), values: [[id]] }];
    if (header.includes(HANDLING_HEADER) && target.record.handling !== CONVERTED)
      writes.push({ range: cell(HANDLING_HEADER, target.rowNumber), values: [[CONVERTED]] });
    await sheets.batchUpdateValues(writes, "RAW");
    const after = await readOpinions(sheets);
    const landed = uniqueRow(opinionRows(after), key);
    const misplaced = misplacedRows(before, after, key, id);
    if (misplaced.length > 0) {
      const afterHeader = (after[0] ?? []).map((c) => cellText(c));
      const at = (h: string, row: number) =>
        `${quoteSheet(TAB_NAMES.opinions)}!${columnLetter(afterHeader.indexOf(h))}${row}`;
      await sheets.batchUpdateValues(
        misplaced.flatMap((m) => [
          { range: at(ID_HEADER, m.row), values: [[m.id]] },
          ...(afterHeader.includes(HANDLING_HEADER)
            ? [{ range: at(HANDLING_HEADER, m.row), values: [[m.handling]] }]
            : []),
        ]),
        "RAW",
      );
    }
    if (landed && landed.record.suggestionId === id && misplaced.length === 0)
      return { placed: true, row: landed.rowNumber };
    before = misplaced.length > 0 ? await readOpinions(sheets) : after;
    const now = uniqueRow(opinionRows(before), key);
    if (now?.record.suggestionId === id) return { placed: true, row: now.rowNumber };
  }
  return { placed: false };
}

function uniqueRow(rows: readonly OpinionRow[], key: string): OpinionRow | undefined {
  const found = rows.filter((r) => r.key === key);
  return found.length === 1 ? found[0] : undefined;
}

interface Restore {
  row: number;
  id: string;
  handling: string;
}

/**
 * Rows of another opinion that now hold the 编号 just written: each to be put back to its 建议编号
 * and 处理方式 as read before the write (by what the row says), or emptied when it was not there then.
 */
function misplacedRows(before: unknown[][], after: unknown[][], key: string, id: string): Restore[] {
  const earlier = new Map(opinionRows(before).map((r) => [r.key, r]));
  return opinionRows(after)
    .filter((r) => r.key !== key && r.record.suggestionId === id)
    .flatMap((r) => {
      const was = earlier.get(r.key);
      if (was?.record.suggestionId === id) return [];
      return [
        {
          row: r.rowNumber,
          id: was?.record.suggestionId ?? "",
          handling: was ? (was.record.handling ?? "") : "",
        },
      ];
    });
}
