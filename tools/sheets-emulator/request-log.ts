/** "human": an edit a person made on the spreadsheet page (no quota, like typing in Google Sheets). */
export type RequestKind = "read" | "write" | "auth" | "admin" | "human";

export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  /** Decoded path without host, e.g. /v4/spreadsheets/demo/values/'建议台账'!A2:AH */
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  kind: RequestKind;
  spreadsheetId: string | null;
  /** Cells whose value the call set or cleared. */
  cellsWritten: number;
  /** For a person's edit: what was done, e.g. "set '建议台账'!F5". */
  detail?: string;
}

/** Every API, token and admin-mutation request, in order, for tests to assert on. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private nextSeq = 1;

  add(entry: Omit<LoggedRequest, "seq">): LoggedRequest {
    const logged = { seq: this.nextSeq++, ...entry };
    this.entries.push(logged);
    return logged;
  }

  since(seq = 0): LoggedRequest[] {
    return this.entries.filter((e) => e.seq > seq);
  }

  /** Clears entries; sequence numbers keep counting so `since` cursors stay valid. */
  clear(): void {
    this.entries = [];
  }
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? (all[0] ?? "") : all;
  }
  return out;
}
