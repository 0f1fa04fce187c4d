import type { sheets_v4 } from "@googleapis/sheets";
import { toHex } from "../hex";
import { fitRowsForSheets } from "./cell-limit";
import { SheetsError, sheetsErrorFrom, TOKEN_CALL } from "./errors";
import { DEFAULT_RETRY, type RetryHooks, type RetryPolicy, withRetry } from "./retry";
import type { AccessTokenSource } from "./token";

export type CellValue = string | number | boolean;
export type ValueRender = "UNFORMATTED_VALUE" | "FORMATTED_VALUE" | "FORMULA";

/** What one call may do about a failure, beyond the client's retry policy. */
export interface CallOptions {
  /**
   * A person is waiting on the answer (a 恢复 click): a 429 (Google's per-minute quota) is thrown
   * at once, not waited out. Retries never renew a per-minute quota within seconds; they only kept
   * staff staring 9–12 s at the page before it told them to come back in a minute. Jobs in the
   * background leave it unset and keep retrying; other failures are retried either way.
   */
  failOnQuota?: boolean;
}

export interface ReadOptions extends CallOptions {
  valueRenderOption?: ValueRender;
  dateTimeRenderOption?: "SERIAL_NUMBER" | "FORMATTED_STRING";
  /** COLUMNS: each range's values are its columns (a whole column is one array, not a row each). */
  majorDimension?: "ROWS" | "COLUMNS";
}

/**
 * A write that must not simply be sent again after an unclear failure: a 5xx or a lost connection
 * may come after Google applied it (an append would then add its rows twice). Only a 429, which
 * Google answers before doing anything, is retried; the caller checks the sheet for the rest.
 */
export interface WriteOptions extends CallOptions {
  notIdempotent?: boolean;
}

export interface ValueWrite {
  range: string;
  values: (CellValue | null)[][];
}

/**
 * The Sheets calls the product makes, against one spreadsheet. Every method is one API request
 * (one quota unit), retried on 429/5xx and on a lost connection (SheetsNetworkError) inside the
 * retry budget. Writes default to RAW so that text staff or forms typed is never parsed as a formula.
 */
export interface SheetsClient {
  readonly spreadsheetId: string;
  /** How many HTTP requests this client has sent to the Sheets API (retries included). */
  readonly callCount: number;
  getSpreadsheet(
    params?: {
      fields?: string;
      ranges?: string[];
      includeGridData?: boolean;
    } & CallOptions,
  ): Promise<sheets_v4.Schema$Spreadsheet>;
  batchUpdate(
    requests: sheets_v4.Schema$Request[],
    options?: WriteOptions,
  ): Promise<sheets_v4.Schema$BatchUpdateSpreadsheetResponse>;
  get(range: string, options?: ReadOptions): Promise<sheets_v4.Schema$ValueRange>;
  batchGet(ranges: string[], options?: ReadOptions): Promise<sheets_v4.Schema$ValueRange[]>;
  /**
   * values.batchGet, the answer parsed only when it differs from the one digested `lastDigest`:
   * tabs read whole every ten minutes are mostly as they were, and parsing hundreds of kilobytes
   * of them costs more CPU than the rest of a step. `valueRanges` is null when unchanged.
   */
  batchGetIfChanged(
    ranges: string[],
    lastDigest: string | undefined,
  ): Promise<{ digest: string; valueRanges: sheets_v4.Schema$ValueRange[] | null }>;
  batchUpdateValues(
    data: ValueWrite[],
    valueInputOption?: "RAW" | "USER_ENTERED",
  ): Promise<sheets_v4.Schema$BatchUpdateValuesResponse>;
  /** Not retried after a 5xx (see WriteOptions): the caller checks whether the rows landed. */
  append(
    range: string,
    values: (CellValue | null)[][],
    options?: { insertDataOption?: "INSERT_ROWS" | "OVERWRITE"; valueInputOption?: "RAW" | "USER_ENTERED" },
  ): Promise<sheets_v4.Schema$AppendValuesResponse>;
  clear(range: string): Promise<sheets_v4.Schema$ClearValuesResponse>;
  batchClear(ranges: string[]): Promise<sheets_v4.Schema$BatchClearValuesResponse>;
}

export interface SheetsClientOptions {
  baseUrl: string;
  spreadsheetId: string;
  auth: AccessTokenSource;
  /** Named in the hint of a 403 (share the sheet with this address as 编辑者). */
  serviceAccountEmail?: string;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  retryHooks?: RetryHooks;
}

/**
 * No answer from Google: the connection failed, was reset or timed out (fetch threw), or the answer
 * was cut off. Retried like a 503, and like a 5xx it may come after Google applied a write, so a
 * not-idempotent write is left to its caller's check (WriteOptions). httpStatus is 0: there is none.
 */
export class SheetsNetworkError extends SheetsError {
  constructor(call: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(0, "UNAVAILABLE", `${call}: ${why}`, undefined, undefined, call);
    this.name = "SheetsNetworkError";
  }

  override get hint(): string {
    // The setting to check is the one naming the address that could not be reached.
    const setting = this.call === TOKEN_CALL ? "GOOGLE_TOKEN_URL" : "SHEETS_API_BASE";
    return `连不上 Google 表格（网络出错），稍后自动重试；一直如此时请检查网络与 ${setting}`;
  }
}

/**
 * fetch, a thrown one (no status: a reset connection, DNS, a proxy gone) as a SheetsNetworkError of
 * `call`: as a plain TypeError it was neither retried nor held as Google's failure, and one reset
 * connection failed a whole sync. The token exchange goes through it too.
 */
export async function fetchOrNetworkError(
  doFetch: typeof fetch,
  call: string,
  ...request: Parameters<typeof fetch>
): Promise<Response> {
  try {
    return await doFetch(...request);
  } catch (error) {
    throw new SheetsNetworkError(call, error);
  }
}

/** Google refuses over quota before doing anything, so a 429 is always safe to send again. */
export function isQuotaRefusal(error: SheetsError): boolean {
  return error.httpStatus === 429 || error.status === "RESOURCE_EXHAUSTED";
}

/** Plain-fetch Sheets v4 client: the same code talks to Google or to the local emulator. */
export function createSheetsClient(options: SheetsClientOptions): SheetsClient {
  const doFetch = options.fetch ?? fetch;
  const policy = options.retry ?? DEFAULT_RETRY;
  const base = `${options.baseUrl.replace(/\/+$/, "")}/v4/spreadsheets/${encodeURIComponent(options.spreadsheetId)}`;
  let callCount = 0;

  // Named for the benchmark's profiler, which counts time seen in this frame as waiting on Google.
  async function requestOnce<T>(
    method: string,
    path: string,
    query: URLSearchParams | undefined,
    body: unknown,
    what: string,
    read: (response: Response) => Promise<T> = (response) => response.json(),
  ) {
    const token = await options.auth.getToken();
    const url = `${base}${path}${query && [...query].length > 0 ? `?${query}` : ""}`;
    callCount++;
    const response = await fetchOrNetworkError(doFetch, what, url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) await options.auth.forget();
    if (!response.ok) throw await sheetsErrorFrom(response, what, options.serviceAccountEmail);
    try {
      return await read(response);
    } catch (error) {
      // The connection dropped while the answer came in.
      throw new SheetsNetworkError(what, error);
    }
  }

  function call<T>(
    method: string,
    path: string,
    query: URLSearchParams | undefined,
    body: unknown,
    what: string,
    perCall: WriteOptions = {},
    read?: (response: Response) => Promise<T>,
  ) {
    const mayRetry = (error: SheetsError) => {
      if (perCall.failOnQuota && isQuotaRefusal(error)) return false;
      return perCall.notIdempotent ? isQuotaRefusal(error) : error.retryable;
    };
    return withRetry(
      () => requestOnce<T>(method, path, query, body, what, read),
      policy,
      options.retryHooks,
      mayRetry,
    );
  }

  /** Over-long text would fail the whole call at Google: cut it here, and say so in the log. */
  function fitCells<T extends CellValue | null>(rows: T[][], what: string): T[][] {
    const { rows: fitted, cut } = fitRowsForSheets(rows);
    if (cut > 0)
      console.warn(JSON.stringify({ level: "warn", message: "cells cut to 50,000 characters", what, cut }));
    return fitted;
  }

  const readQuery = (o: ReadOptions = {}) => {
    const q = new URLSearchParams({
      valueRenderOption: o.valueRenderOption ?? "UNFORMATTED_VALUE",
      dateTimeRenderOption: o.dateTimeRenderOption ?? "SERIAL_NUMBER",
    });
    if (o.majorDimension) q.set("majorDimension", o.majorDimension);
    return q;
  };

  return {
    spreadsheetId: options.spreadsheetId,
    get callCount() {
      return callCount;
    },
    getSpreadsheet(params = {}) {
      const q = new URLSearchParams();
      if (params.fields) q.set("fields", params.fields);
      for (const r of params.ranges ?? []) q.append("ranges", r);
      if (params.includeGridData) q.set("includeGridData", "true");
      return call("GET", "", q, undefined, "spreadsheets.get", params);
    },
    batchUpdate(requests, write) {
      return call("POST", ":batchUpdate", undefined, { requests }, "spreadsheets.batchUpdate", write);
    },
    get(range, o) {
      return call("GET", `/values/${encodeURIComponent(range)}`, readQuery(o), undefined, "values.get", o);
    },
    async batchGet(ranges, o) {
      const q = readQuery(o);
      for (const r of ranges) q.append("ranges", r);
      const res = await call<sheets_v4.Schema$BatchGetValuesResponse>(
        "GET",
        "/values:batchGet",
        q,
        undefined,
        "values.batchGet",
        o,
      );
      return res.valueRanges ?? [];
    },
    batchGetIfChanged(ranges, lastDigest) {
      const q = readQuery();
      for (const r of ranges) q.append("ranges", r);
      return call("GET", "/values:batchGet", q, undefined, "values.batchGet", {}, async (response) => {
        const bytes = await response.arrayBuffer();
        const digest = toHex(await crypto.subtle.digest("SHA-1", bytes));
        if (digest === lastDigest) return { digest, valueRanges: null };
        const answer = JSON.parse(new TextDecoder().decode(bytes)) as sheets_v4.Schema$BatchGetValuesResponse;
        return { digest, valueRanges: answer.valueRanges ?? [] };
      });
    },
    batchUpdateValues(data, valueInputOption = "RAW") {
      const fitted = data.map((d) => ({ ...d, values: fitCells(d.values, "values.batchUpdate") }));
      return call(
        "POST",
        "/values:batchUpdate",
        undefined,
        { valueInputOption, data: fitted },
        "values.batchUpdate",
      );
    },
    append(range, values, o = {}) {
      const q = new URLSearchParams({
        valueInputOption: o.valueInputOption ?? "RAW",
        insertDataOption: o.insertDataOption ?? "INSERT_ROWS",
      });
      const body = { values: fitCells(values, "values.append") };
      return call("POST", `/values/${encodeURIComponent(range)}:append`, q, body, "values.append", {
        notIdempotent: true,
      });
    },
    clear(range) {
      return call("POST", `/values/${encodeURIComponent(range)}:clear`, undefined, {}, "values.clear");
    },
    batchClear(ranges) {
      return call("POST", "/values:batchClear", undefined, { ranges }, "values.batchClear");
    },
  };
}

export { SheetsError };
