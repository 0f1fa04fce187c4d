import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import { type CellValue, type SheetsClient, SheetsError } from "../../sheets/client";

const MAX_TRIES = 3;

/** A row's text without its trailing blank cells (the values API drops them on read). */
function rowText(row: readonly unknown[]): string {
  const cells = row.map((c) => cellText(c));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells.join("\u0001");
}

/**
 * Appends rows to a tab (通知记录; 沟通记录, 延期申请, 协办意见) exactly once. A 5xx can arrive after
 * Google added the rows, so instead of sending them again blindly, the tab is read and only rows not
 * in it yet are sent. Rows are inserted (INSERT_ROWS: nothing below the table is ever overwritten,
 * and a new row takes the formats of the row above); `overwrite` fills the tab's first empty rows
 * instead, for a tab that holds only its header (an inserted row would take the header's bold and
 * lose the date format `sheet:init` gave the rows below).
 */
export async function appendRowsOnce(
  sheets: SheetsClient,
  tab: string,
  rows: readonly (readonly CellValue[])[],
  options: { overwrite?: boolean } = {},
): Promise<void> {
  let missing = rows;
  for (let attempt = 1; missing.length > 0; attempt++) {
    try {
      await sheets.append(
        `${quoteSheet(tab)}!A1`,
        missing.map((r) => [...r]),
        {
          insertDataOption: options.overwrite ? "OVERWRITE" : "INSERT_ROWS",
          valueInputOption: "RAW",
        },
      );
      return;
    } catch (error) {
      if (!(error instanceof SheetsError) || !error.retryable || attempt >= MAX_TRIES) throw error;
    }
    const present = new Map<string, number>();
    for (const row of ((await sheets.get(quoteSheet(tab))).values ?? []) as unknown[][]) {
      const text = rowText(row);
      present.set(text, (present.get(text) ?? 0) + 1);
    }
    missing = missing.filter((row) => {
      const text = rowText(row);
      const left = present.get(text) ?? 0;
      if (left > 0) present.set(text, left - 1);
      return left === 0;
    });
  }
}
