import type { sheets_v4 } from "@googleapis/sheets";
import type { Change } from "./change";

/** Structural requests first (new tabs, grid growth), so the rest of the batch can refer to them. */
export function batchRequests(changes: readonly Change[]): sheets_v4.Schema$Request[] {
  const ordered = [...changes.filter((c) => c.structural), ...changes.filter((c) => !c.structural)];
  return ordered.flatMap((c) => [...c.requests]);
}

/**
 * Sends every change in one batchUpdate, which Sheets applies atomically: a sheet is never left half
 * provisioned, and the number of calls does not grow with the number of changes. Returns the number
 * of sub-requests sent.
 */
export async function applyChanges(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  changes: readonly Change[],
): Promise<number> {
  const requests = batchRequests(changes);
  if (requests.length === 0) return 0;
  await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
  return requests.length;
}
