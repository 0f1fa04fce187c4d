import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

const admin = (emu: TestEmulator, method: string, path: string, body?: unknown) =>
  fetch(`${emu.url}/__emulator${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }
      : {}),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }));

describe("test controls: quota, faults, hooks, the request log and the admin API", () => {
  let emu: TestEmulator;
  const readA1 = () => emu.call("GET", `/v4/spreadsheets/demo/values/${enc("'建议台账'!A1:B5")}`);

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(async () => {
    await admin(emu, "POST", "/reset");
    const created = await admin(emu, "POST", "/spreadsheets", {
      spreadsheetId: "demo",
      title: "人大建议",
      sheets: [
        {
          title: "建议台账",
          rows: [
            ["编号", "状态"],
            ["F-1", "办理中"],
            ["F-2", "已办结"],
          ],
        },
      ],
    });
    expect(created.body).toMatchObject({ spreadsheetId: "demo", properties: { title: "人大建议" } });
  });

  it("answers 429 with Google's quota body once the per-minute reads are spent, until reset", async () => {
    await admin(emu, "PUT", "/quota", { readsPerMinute: 2, writesPerMinute: 1 });
    expect((await readA1()).status).toBe(200);
    expect((await readA1()).status).toBe(200);
    const refused = await readA1();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 429,
        message:
          "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.",
        status: "RESOURCE_EXHAUSTED",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason: "RATE_LIMIT_EXCEEDED",
            domain: "googleapis.com",
            metadata: {
              service: "sheets.googleapis.com",
              consumer: "projects/000000000000",
              quota_metric: "sheets.googleapis.com/read_requests",
              quota_limit: "ReadRequestsPerMinutePerUser",
              quota_location: "global",
              quota_limit_value: "2",
            },
          },
          {
            "@type": "type.googleapis.com/google.rpc.Help",
            links: [
              {
                description: "Request a higher quota limit.",
                url: "https://cloud.google.com/docs/quota#requesting_higher_quota",
              },
            ],
          },
        ],
      },
    });
    // Writes have their own counter; a batch counts once.
    const batch = await emu.call("POST", "/v4/spreadsheets/demo/values:batchClear", {
      ranges: ["'建议台账'!A2", "'建议台账'!A3"],
    });
    expect(batch.status).toBe(200);
    const write = await emu.call("POST", `/v4/spreadsheets/demo/values/${enc("'建议台账'!B2")}:clear`, {});
    expect((write.body as { error: { message: string } }).error.message).toContain(
      "'Write requests per minute per user'",
    );
    await admin(emu, "POST", "/quota/reset");
    expect((await readA1()).status).toBe(200);
  });

  it("refills the quota when its window has passed (a window tests may shorten)", async () => {
    await admin(emu, "PUT", "/quota", { readsPerMinute: 1, windowMs: 300 });

    const first = await readA1();
    const refused = await readA1();
    await new Promise((resolve) => setTimeout(resolve, 350));
    const refilled = await readA1();

    expect([first.status, refused.status, refilled.status]).toEqual([200, 429, 200]);
  });

  it("fails the next matching requests with an injected fault, then recovers", async () => {
    await admin(emu, "POST", "/faults", { method: "GET", pathIncludes: "/values/", status: 503, times: 2 });
    await admin(emu, "POST", "/faults", { pathIncludes: ":batchUpdate", status: 429 });
    const first = await readA1();
    expect(first.body).toEqual({
      error: { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE" },
    });
    expect((await readA1()).status).toBe(503);
    expect((await readA1()).status).toBe(200);
    const throttled = await emu.call("POST", "/v4/spreadsheets/demo:batchUpdate", { requests: [] });
    expect(throttled.status).toBe(429);
    expect((throttled.body as { error: { message: string } }).error.message).toContain("'Write requests'");
  });

  it("applies a hook's edits between a read and the next write, as a person editing would", async () => {
    // A staff member sorts the ledger (F-2 first) right before the sync writes back.
    const hook = await admin(emu, "POST", "/hooks", {
      method: "PUT",
      pathIncludes: "/values/",
      actions: [
        {
          op: "batchUpdate",
          spreadsheetId: "demo",
          body: {
            requests: [
              {
                sortRange: {
                  range: { sheetId: 0, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
                  sortSpecs: [{ dimensionIndex: 0, sortOrder: "DESCENDING" }],
                },
              },
            ],
          },
        },
        { op: "valuesUpdate", spreadsheetId: "demo", range: "'建议台账'!C1", values: [["备注"]] },
      ],
    });
    expect(hook.status).toBe(200);
    expect((await readA1()).body).toMatchObject({
      values: [
        ["编号", "状态"],
        ["F-1", "办理中"],
        ["F-2", "已办结"],
      ],
    });
    const write = await emu.call(
      "PUT",
      `/v4/spreadsheets/demo/values/${enc("'建议台账'!B2")}?valueInputOption=RAW`,
      {
        values: [["已答复"]],
      },
    );
    expect(write.status).toBe(200);
    expect(emu.emulator.getValues("demo", "'建议台账'!A1:C3")).toEqual([
      ["编号", "状态", "备注"],
      ["F-2", "已答复"],
      ["F-1", "办理中"],
    ]);
    // The hook fired once, and its edits are not API requests.
    const api = emu.emulator.requests().filter((r) => r.kind === "read" || r.kind === "write");
    expect(api.map((r) => `${r.method} ${r.kind}`)).toEqual(["GET read", "PUT write"]);
    const hooks = (await admin(emu, "GET", "/hooks")).body.hooks as { fired: number; errors: string[] }[];
    expect(hooks[0]).toMatchObject({ fired: 1, errors: [] });
  });

  it("honours skip: the hook waits for the nth matching request", async () => {
    await admin(emu, "POST", "/hooks", {
      method: "GET",
      skip: 1,
      actions: [{ op: "valuesClear", spreadsheetId: "demo", range: "'建议台账'!A2:B3" }],
    });
    expect((await readA1()).body).toMatchObject({
      values: [
        ["编号", "状态"],
        ["F-1", "办理中"],
        ["F-2", "已办结"],
      ],
    });
    expect((await readA1()).body).toMatchObject({ values: [["编号", "状态"]] });
  });

  it("records every request with decoded path, kind, status and cells written", async () => {
    const before = emu.emulator.requests().at(-1)?.seq ?? 0;
    await emu.call("PUT", `/v4/spreadsheets/demo/values/${enc("'建议台账'!A4:B4")}?valueInputOption=RAW`, {
      values: [["F-3", ""]],
    });
    await emu.call("POST", `/v4/spreadsheets/demo/values/${enc("'建议台账'!A1:B3")}:clear`, {});
    await emu.call("GET", "/v4/spreadsheets/nope");
    const log = (await admin(emu, "GET", `/requests?since=${before}`)).body.requests as Record<
      string,
      unknown
    >[];
    expect(log.map(({ seq, time, ...rest }) => rest)).toEqual([
      {
        method: "PUT",
        path: "/v4/spreadsheets/demo/values/'建议台账'!A4:B4",
        query: { valueInputOption: "RAW" },
        status: 200,
        kind: "write",
        spreadsheetId: "demo",
        cellsWritten: 2,
      },
      {
        method: "POST",
        path: "/v4/spreadsheets/demo/values/'建议台账'!A1:B3:clear",
        query: {},
        status: 200,
        kind: "write",
        spreadsheetId: "demo",
        cellsWritten: 6,
      },
      {
        method: "GET",
        path: "/v4/spreadsheets/nope",
        query: {},
        status: 404,
        kind: "read",
        spreadsheetId: "nope",
        cellsWritten: 0,
      },
    ]);
    await admin(emu, "DELETE", "/requests");
    expect(emu.emulator.requests()).toEqual([]);
  });

  it("answers 403 for a spreadsheet not shared with the caller and 404 for one that does not exist", async () => {
    await admin(emu, "POST", "/spreadsheets/demo/private", { private: true });
    expect((await readA1()).body).toEqual({
      error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" },
    });
    await admin(emu, "DELETE", "/spreadsheets/demo");
    expect((await readA1()).body).toEqual({
      error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" },
    });
    expect((await admin(emu, "GET", "/spreadsheets")).body).toEqual({ spreadsheets: [] });
  });

  it("rejects malformed admin input with a readable 400", async () => {
    const res = await admin(emu, "POST", "/faults", { status: "soon" });
    expect(res.status).toBe(400);
    expect(String((res.body.error as { message: string }).message)).toContain("status");
  });
});
