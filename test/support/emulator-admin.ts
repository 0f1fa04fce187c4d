import { inject } from "vitest";

/** Talks to the Sheets emulator's admin API (/__emulator/*) from inside workerd tests. */
export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  /** The query string as the emulator parsed it (ranges of a batchGet are an array). */
  query: Record<string, string | string[]>;
  kind: "read" | "write" | "auth" | "admin";
  spreadsheetId?: string;
  cellsWritten: number;
}

export function emulatorUrl(): string {
  return inject("emulatorUrl");
}

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`emulator admin ${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

export const emulator = {
  createSpreadsheet: (spreadsheetId: string, sheets: { title: string; rows?: unknown[][] }[]) =>
    admin<{ sheets: { properties: { sheetId: number; title: string } }[] }>("POST", "/spreadsheets", {
      spreadsheetId,
      title: spreadsheetId,
      sheets,
    }),
  deleteSpreadsheet: (spreadsheetId: string) =>
    admin("DELETE", `/spreadsheets/${encodeURIComponent(spreadsheetId)}`),
  setPrivate: (spreadsheetId: string, isPrivate: boolean) =>
    admin("POST", `/spreadsheets/${encodeURIComponent(spreadsheetId)}/private`, { private: isPrivate }),
  requests: async (since = 0) =>
    (await admin<{ requests: LoggedRequest[] }>("GET", `/requests?since=${since}`)).requests,
  clearRequests: () => admin("DELETE", "/requests"),
  setQuota: (quota: { readsPerMinute?: number; writesPerMinute?: number; windowMs?: number }) =>
    admin("PUT", "/quota", quota),
  resetQuota: () => admin("POST", "/quota/reset"),
  addFault: (fault: {
    method?: string;
    pathIncludes?: string;
    status: number;
    times: number;
    when?: "before" | "after";
  }) => admin("POST", "/faults", fault),
  getValues: async (
    spreadsheetId: string,
    range: string,
    render: "FORMULA" | "UNFORMATTED_VALUE" | "FORMATTED_VALUE" = "UNFORMATTED_VALUE",
  ) =>
    (
      await admin<{ values: unknown[][] }>(
        "GET",
        `/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${encodeURIComponent(range)}?valueRenderOption=${render}`,
      )
    ).values ?? [],
  deleteFaults: () => admin("DELETE", "/faults"),
  /** The spreadsheet resource with grid data (formats included), as spreadsheets.get returns it. */
  spreadsheet: (spreadsheetId: string) =>
    admin<{
      sheets: {
        properties: { sheetId: number; title: string; hidden?: boolean };
        data?: { rowData?: { values?: { userEnteredFormat?: Record<string, unknown> }[] }[] }[];
      }[];
    }>("GET", `/spreadsheets/${encodeURIComponent(spreadsheetId)}`),
  addHook: (hook: {
    method?: string;
    pathIncludes?: string;
    skip?: number;
    times?: number;
    actions: unknown[];
  }) => admin<{ hook: { id: number } }>("POST", "/hooks", hook),
  /** Every hook armed (by any test file), with how often each has fired and what went wrong. */
  hooks: async () =>
    (await admin<{ hooks: { id: number; fired: number; errors: string[] }[] }>("GET", "/hooks")).hooks,
};
