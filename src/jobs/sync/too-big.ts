import { LONG_TEXT_MAX } from "../../../sheets-schema/cells/text-cells";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { cellText } from "../../domain/sync/row-identity";

/** How many of a chunk's longest cells the message names. */
const CELLS_NAMED = 3;

/** D1 refuses a value past its limit (2 MB; see d1-batch.ts) with SQLITE_TOOBIG. */
export function isTooBig(error: unknown): boolean {
  return error instanceof Error && /SQLITE_TOOBIG|string or blob too big/i.test(error.message);
}

/**
 * A chunk whose rows D1 refused to store (a value past its limit) fails with the rows and columns
 * to shorten, longest first: D1's own words (SQLITE_TOOBIG) on the overview named none, and the
 * same rows failed every sync after. `first` is the sheet row of `raw[0]`.
 */
export function tooBigError(
  header: readonly unknown[],
  raw: readonly (readonly unknown[])[],
  first: number,
): Error {
  const cells: { row: number; column: string; chars: number }[] = [];
  raw.forEach((row, i) => {
    row.forEach((cell, c) => {
      if (typeof cell === "string" && cell.length > 0)
        cells.push({ row: first + i, column: cellText(header[c]) || `第 ${c + 1} 列`, chars: cell.length });
    });
  });
  const named = cells.sort((a, b) => b.chars - a.chars).slice(0, CELLS_NAMED);
  const longest = named
    .map((cell) => `第 ${cell.row} 行『${cell.column}』（${cell.chars} 个字符）`)
    .join("、");
  const rows = `『${TAB_NAMES.ledger}』第 ${first}–${first + raw.length - 1} 行`;
  // Texts within jianyi's own limit are stored however many (long-texts.ts): only cells past it
  // (a paste, kept as typed to show it) make a chunk too big, unless jianyi itself is at fault.
  if ((named[0]?.chars ?? 0) > LONG_TEXT_MAX)
    return new Error(
      `${rows}的内容太多，超出数据库能存的上限，本次同步没有完成：请精简${longest}等超过 ${LONG_TEXT_MAX} 个字符的单元格（多为误粘贴的内容），再同步`,
    );
  return new Error(
    `${rows}的内容太多，超出数据库能存的上限，本次同步没有完成；这些单元格都没有超过 ${LONG_TEXT_MAX} 个字符的上限，不必修改，请把这条提示告诉系统维护人员（最长的是${longest}）`,
  );
}
