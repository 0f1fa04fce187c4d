import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

const GREY = { red: 0.9529412, green: 0.9529412, blue: 0.9529412 };

/** The spreadsheet page and its edits: a person editing, as the Worker then sees it through the API. */
describe("the spreadsheet page", () => {
  let emu: TestEmulator;
  const post = (
    body: unknown,
    headers: Record<string, string> = { "content-type": "application/json" },
    id = "ss",
  ) =>
    fetch(`${emu.url}/spreadsheets/d/${id}/edits`, { method: "POST", headers, body: JSON.stringify(body) });
  const edit = async (edit: unknown, gid = 0) => {
    const res = await post({ gid, edit });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const page = async (path: string) => {
    const res = await fetch(`${emu.url}${path}`);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const values = (
    range: string,
    render: "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA" = "FORMATTED_VALUE",
  ) => emu.emulator.getValues("ss", range, { valueRenderOption: render });

  function ledger(spreadsheetId: string) {
    emu.emulator.createSpreadsheet({
      spreadsheetId,
      title: "代表建议台账",
      sheets: [
        {
          title: "建议台账",
          rows: [
            ["编号", "交办日期", "主办单位", "办理期限"],
            ["2026-003", "", "", ""],
            ["2026-001", "", "", ""],
            ["2026-002", "", "", ""],
          ],
        },
        { title: "承办单位", sheetId: 7, rows: [["单位名称"], ["区教育局"], ["区住建局"]] },
      ],
    });
  }

  async function layOut(spreadsheetId: string) {
    const sheet = (r0: number, r1: number | undefined, c0: number, c1: number) => ({
      sheetId: 0,
      startRowIndex: r0,
      ...(r1 === undefined ? {} : { endRowIndex: r1 }),
      startColumnIndex: c0,
      endColumnIndex: c1,
    });
    const res = await emu.call("POST", `/v4/spreadsheets/${spreadsheetId}:batchUpdate`, {
      requests: [
        {
          updateSheetProperties: {
            properties: { sheetId: 0, gridProperties: { frozenRowCount: 1 } },
            fields: "gridProperties.frozenRowCount",
          },
        },
        {
          repeatCell: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
            cell: { userEnteredFormat: { textFormat: { bold: true } }, note: "建议编号" },
            fields: "userEnteredFormat.textFormat.bold,note",
          },
        },
        {
          repeatCell: {
            range: sheet(1, undefined, 1, 2),
            cell: { userEnteredFormat: { numberFormat: { type: "DATE", pattern: "yyyy-mm-dd" } } },
            fields: "userEnteredFormat.numberFormat",
          },
        },
        {
          repeatCell: {
            range: sheet(0, undefined, 3, 4),
            cell: { userEnteredFormat: { backgroundColor: GREY } },
            fields: "userEnteredFormat.backgroundColor",
          },
        },
        {
          setDataValidation: {
            range: sheet(1, undefined, 2, 3),
            rule: {
              condition: { type: "ONE_OF_RANGE", values: [{ userEnteredValue: "='承办单位'!$A$2:$A" }] },
              strict: true,
              showCustomUi: true,
            },
          },
        },
        { addProtectedRange: { protectedRange: { range: sheet(0, undefined, 3, 4), warningOnly: true } } },
        {
          updateDimensionProperties: {
            range: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 1 },
            properties: { pixelSize: 90 },
            fields: "pixelSize",
          },
        },
      ],
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(async () => {
    emu.emulator.reset();
    ledger("ss");
    await layOut("ss");
  });

  it("lists the spreadsheets at / and links to Google's URL shape", async () => {
    const res = await page("/");
    expect(res.status).toBe(200);
    expect(res.text).toContain("代表建议台账");
    expect(res.text).toContain('href="/spreadsheets/d/ss/edit"');
  });

  it("shows the grid as Sheets would: frozen bold header, formats, grey column, dropdowns, notes", async () => {
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("建议台账!B2")}?valueInputOption=RAW`, {
      values: [[46083]],
    });
    const res = await page("/spreadsheets/d/ss/edit?gid=0");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = res.text;
    expect(html).toContain('<tr data-r="0" class="last-frozen"');
    // A1: the bold header cell, frozen (sticky below the column letters) and carrying its note.
    expect(html).toMatch(/<td data-c="0" data-note="建议编号"[^>]*class="b fr note"[^>]*>编号<\/td>/);
    expect(html).toContain(">2026-03-02</td>");
    expect(html).toContain("background:rgb(243, 243, 243)");
    expect(html).toContain('<col style="width:90px">');
    expect(html).toMatch(/data-v="\d+"/);
    const meta = JSON.parse(
      /<script type="application\/json" id="meta">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}",
    );
    expect(meta.frozenRows).toBe(1);
    expect(meta.rules[0]).toMatchObject({
      kind: "list",
      options: ["区教育局", "区住建局"],
      strict: true,
      dropdown: true,
    });
    expect(meta.protectedAreas).toEqual([
      { r0: 0, r1: null, c0: 3, c1: 4, warningOnly: true, description: "" },
    ]);
    expect(html).toContain('data-gid="7"');
  });

  it("applies typed text as USER_ENTERED, exactly as the same edit through the API reads back", async () => {
    ledger("twin");
    await layOut("twin");
    const typed = [
      { row: 1, col: 1, text: "2026-03-02" },
      { row: 1, col: 2, text: "区教育局" },
      { row: 2, col: 3, text: "=B2+30" },
      { row: 3, col: 0, text: "'0042" },
    ];
    for (const t of typed) expect((await edit({ kind: "set", ...t })).status).toBe(200);
    for (const t of typed) {
      const a1 = `建议台账!${String.fromCharCode(65 + t.col)}${t.row + 1}`;
      await emu.call("PUT", `/v4/spreadsheets/twin/values/${enc(a1)}?valueInputOption=USER_ENTERED`, {
        values: [[t.text]],
      });
    }
    for (const render of ["FORMATTED_VALUE", "UNFORMATTED_VALUE", "FORMULA"]) {
      const read = async (id: string) =>
        (
          await emu.call(
            "GET",
            `/v4/spreadsheets/${id}/values/${enc("建议台账!A1:D4")}?valueRenderOption=${render}`,
          )
        ).body as { values: unknown[][] };
      expect((await read("ss")).values, render).toEqual((await read("twin")).values);
    }
    const grid = async (id: string) => {
      const body = (
        await emu.call("GET", `/v4/spreadsheets/${id}?fields=sheets.data&ranges=${enc("建议台账!A1:D4")}`)
      ).body as { sheets: unknown[] };
      return body.sheets;
    };
    expect(await grid("ss")).toEqual(await grid("twin"));
    expect(values("建议台账!B2:D3")).toEqual([
      ["2026-03-02", "区教育局"],
      ["", "", "2026-04-01"],
    ]);
  });

  it("spends no quota and logs a person's edits as human", async () => {
    emu.emulator.setQuota({ writesPerMinute: 1 });
    emu.emulator.clearRequests();
    for (let i = 0; i < 3; i++) await edit({ kind: "set", row: 1 + i, col: 1, text: "2026-03-02" });
    const api = await emu.call(
      "PUT",
      `/v4/spreadsheets/ss/values/${enc("建议台账!A5")}?valueInputOption=RAW`,
      {
        values: [["2026-004"]],
      },
    );
    expect(api.status).toBe(200);
    const log = emu.emulator.requests();
    expect(log.filter((r) => r.kind === "human")).toHaveLength(3);
    expect(log[0]).toMatchObject({
      kind: "human",
      method: "POST",
      path: "/spreadsheets/d/ss/edits",
      status: 200,
      spreadsheetId: "ss",
      cellsWritten: 1,
      detail: "set '建议台账'!B2",
    });
    expect(log.at(-1)?.kind).toBe("write");
  });

  it("pastes a tab-separated block, clears, inserts and deletes rows, and sorts below the header", async () => {
    await edit({
      kind: "paste",
      row: 1,
      col: 1,
      rows: [
        ["2026-03-02", "区住建局"],
        ["2026-03-03", "区教育局"],
      ],
    });
    expect(values("建议台账!B2:C3")).toEqual([
      ["2026-03-02", "区住建局"],
      ["2026-03-03", "区教育局"],
    ]);
    await edit({ kind: "clear", r0: 2, r1: 3, c0: 1, c1: 3 });
    expect(values("建议台账!B3:C3")).toEqual([]);
    await edit({ kind: "insertRows", at: 1, count: 2 });
    expect(values("建议台账!A1:A6")).toEqual([["编号"], [], [], ["2026-003"], ["2026-001"], ["2026-002"]]);
    await edit({ kind: "deleteRows", start: 1, end: 3 });
    await edit({ kind: "sort", col: 0, descending: false });
    expect(values("建议台账!A1:A4")).toEqual([["编号"], ["2026-001"], ["2026-002"], ["2026-003"]]);
    await edit({ kind: "sort", col: 0, descending: true });
    expect(values("建议台账!A1:A4")).toEqual([["编号"], ["2026-003"], ["2026-002"], ["2026-001"]]);
  });

  it("adds a tab named 工作表N and renames it, refusing a taken name in Sheets' words", async () => {
    const added = await edit({ kind: "addSheet" });
    expect(added.status).toBe(200);
    const gid = added.body.gid as number;
    const titles = () =>
      (emu.emulator.spreadsheetResource("ss").sheets as { properties: { title: string } }[]).map(
        (s) => s.properties.title,
      );
    expect(titles()).toEqual(["建议台账", "承办单位", "工作表3"]);
    expect((await edit({ kind: "renameSheet", title: "统计" }, gid)).status).toBe(200);
    expect(titles()).toEqual(["建议台账", "承办单位", "统计"]);
    const clash = await edit({ kind: "renameSheet", title: "建议台账" }, gid);
    expect(clash).toEqual({
      status: 400,
      body: { error: { message: "已存在名为“建议台账”的工作表。请输入其他名称。" } },
    });
  });

  it("refuses what Sheets refuses a person: a value outside a strict dropdown, an over-long cell", async () => {
    const outside = await edit({ kind: "set", row: 1, col: 2, text: "区财政局" });
    expect(outside).toEqual({
      status: 400,
      body: { error: { message: "您在单元格 C2 中输入的数据违反了为此单元格设置的数据验证规则。" } },
    });
    const long = await edit({ kind: "set", row: 1, col: 0, text: "长".repeat(50_001) });
    expect(long.status).toBe(400);
    expect((long.body.error as { message: string }).message).toContain("50000");
    expect(values("建议台账!A2:C2")).toEqual([["2026-003"]]);
  });

  it("accepts edits only as same-origin JSON", async () => {
    const asForm = await post({ gid: 0, edit: { kind: "addSheet" } }, { "content-type": "text/plain" });
    expect(asForm.status).toBe(403);
    const otherSite = await post(
      { gid: 0, edit: { kind: "addSheet" } },
      { "content-type": "application/json", origin: "http://evil.example" },
    );
    expect(otherSite.status).toBe(403);
    expect(emu.emulator.spreadsheetResource("ss").sheets).toHaveLength(2);
  });

  it("tells an open page about the Worker's writes through server-sent events", async () => {
    const controller = new AbortController();
    const res = await fetch(`${emu.url}/spreadsheets/d/ss/events`, { signal: controller.signal });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = "";
    const next = async () => {
      const { value } = await reader.read();
      seen += decoder.decode(value);
    };
    await next();
    expect(seen).toContain("event: hello");
    await emu.call("PUT", `/v4/spreadsheets/ss/values/${enc("建议台账!D2")}?valueInputOption=RAW`, {
      values: [["2026-06-01"]],
    });
    while (!seen.includes("event: change")) await next();
    expect(seen).toMatch(/event: change\ndata: \{"revision":\d+\}/);
    controller.abort();
    const grid = await page("/spreadsheets/d/ss/grid?gid=0");
    expect(JSON.parse(grid.text).html).toContain("2026-06-01");
  });
});
