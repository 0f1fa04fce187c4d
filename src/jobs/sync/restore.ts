import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { cellText } from "../../domain/sync/row-identity";
import { quoteSheet } from "../../sheets/a1";
import type { SheetsClient } from "../../sheets/client";
import type { SnapshotStore } from "../../store/snapshots";

export type RestoreResult =
  | { ok: true; id: string; range: string }
  | { ok: false; code: "not_found" | "not_removed"; message: string };

/**
 * Puts a suggestion that vanished from the sheet back, from its last snapshot: one row appended
 * under the current headers (staff columns only, RAW), so the next sync recomputes the rest.
 */
export async function restoreSuggestion(
  deps: { sheets: SheetsClient; snapshots: SnapshotStore },
  id: string,
  nowMs: number,
): Promise<RestoreResult> {
  const snapshot = await deps.snapshots.load(id);
  if (!snapshot) return { ok: false, code: "not_found", message: `没有编号为 ${id} 的建议记录` };
  if (!snapshot.removedAt)
    return { ok: false, code: "not_removed", message: `编号 ${id} 仍在『建议台账』中，无需恢复` };
  const header = await deps.sheets.get(`${quoteSheet(TAB_NAMES.ledger)}!1:1`);
  const headers = (header.values?.[0] ?? []).map((h) => cellText(h));
  const row = headers.map((h) => snapshot.staffValues[h] ?? "");
  while (row.length > 0 && row[row.length - 1] === "") row.pop();
  const appended = await deps.sheets.append(`${quoteSheet(TAB_NAMES.ledger)}!A1`, [row], {
    insertDataOption: "INSERT_ROWS",
    valueInputOption: "RAW",
  });
  await deps.snapshots.markRestored(id, new Date(nowMs).toISOString());
  return { ok: true, id, range: appended.updates?.updatedRange ?? "" };
}
