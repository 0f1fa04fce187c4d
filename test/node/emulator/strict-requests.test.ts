import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enc, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * What Google refuses, the emulator refuses too: a typo in a query parameter, a body key or a
 * `fields` path must fail on the developer's machine, not on an office's first real call.
 */
const SS = "/v4/spreadsheets/ss";
const V = `${SS}/values`;

// 2026-03-02 01:00 in Beijing is 2026-03-01 17:00 UTC.
const BEIJING_0100 = Date.UTC(2026, 2, 1, 17, 0, 0);
const SERIAL_2026_03_02 = 46083;

function cannotBind(name: string): string {
  return `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`;
}

describe("emulator: refusing what Google refuses", () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator({ now: () => BEIJING_0100 });
  });
  afterAll(async () => {
    await emu.close();
  });
  beforeEach(() => {
    emu.emulator.reset();
    emu.emulator.createSpreadsheet({
      spreadsheetId: "ss",
      timeZone: "Asia/Shanghai",
      sheets: [{ title: "D3", rows: [["a", "b"]] }],
    });
  });

  it("refuses an unknown query parameter with Google's transcoder error", async () => {
    const answer = await emu.call("GET", `${V}/${enc("D3!A1:B2")}?valueRenderOptions=FORMULA`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        code: 400,
        message: cannotBind("valueRenderOptions"),
        status: "INVALID_ARGUMENT",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.BadRequest",
            fieldViolations: [{ description: cannotBind("valueRenderOptions") }],
          },
        ],
      },
    });
  });

  it("refuses on every method a parameter that belongs to another one", async () => {
    const refused: [string, string, unknown?][] = [
      ["GET", `${SS}?valueRenderOption=FORMULA`],
      ["POST", `${SS}:batchUpdate?valueInputOption=RAW`, { requests: [] }],
      ["GET", `${V}:batchGet?ranges=D3!A1&includeGridData=true`],
      ["PUT", `${V}/${enc("D3!A1")}?valueInputOption=RAW&insertDataOption=INSERT_ROWS`, { values: [[1]] }],
      [
        "POST",
        `${V}/${enc("D3!A1")}:append?valueInputOption=RAW&valueRenderOption=FORMULA`,
        { values: [[1]] },
      ],
      ["POST", `${V}/${enc("D3!A1")}:clear?ranges=D3!A1`, {}],
      ["POST", `${V}:batchUpdate?valueInputOption=RAW`, { valueInputOption: "RAW", data: [] }],
      ["POST", `${V}:batchClear?majorDimension=ROWS`, { ranges: [] }],
    ];
    for (const [method, path, body] of refused) {
      const answer = await emu.call(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(400);
      expect((answer.body as { error: { message: string } }).error.message).toContain(
        "Cannot bind query parameter",
      );
    }
    // Nothing was written by the refused calls.
    expect(emu.emulator.getValues("ss", "D3!A1:B1")).toEqual([["a", "b"]]);
  });

  it("names every unknown parameter, once each", async () => {
    const answer = await emu.call("GET", `${V}/${enc("D3!A1")}?foo=1&bar=2&foo=3`);
    expect(answer.status).toBe(400);
    const error = (answer.body as { error: { message: string; details: { fieldViolations: unknown[] }[] } })
      .error;
    expect(error.message).toBe(`${cannotBind("foo")} ${cannotBind("bar")}`);
    expect(error.details[0]?.fieldViolations).toHaveLength(2);
  });

  it("keeps accepting each method's own parameters, proto names and Google's system parameters", async () => {
    const system =
      "fields=*&alt=json&prettyPrint=false&key=k&quotaUser=q&%24.xgafv=2&callback=&upload_protocol=raw&uploadType=media&userIp=1.2.3.4&oauth_token=";
    const read = await emu.call(
      "GET",
      `${V}/${enc("D3!A1:B1")}?majorDimension=COLUMNS&valueRenderOption=FORMULA&dateTimeRenderOption=SERIAL_NUMBER&${system}`,
    );
    expect(read).toMatchObject({ status: 200, body: { values: [["a"], ["b"]] } });
    // The proto field name binds like the JSON name, and is honoured.
    const snake = await emu.call("GET", `${V}/${enc("D3!A1:B1")}?major_dimension=COLUMNS`);
    expect(snake).toMatchObject({ status: 200, body: { majorDimension: "COLUMNS", values: [["a"], ["b"]] } });
    const dollarFields = await emu.call("GET", `${V}/${enc("D3!A1:B1")}?%24fields=range`);
    expect(dollarFields).toMatchObject({ status: 200, body: { range: "'D3'!A1:B1" } });
    expect(dollarFields.body).not.toHaveProperty("values");

    const ok: [string, string, unknown?][] = [
      ["GET", `${SS}?ranges=D3!A1&includeGridData=true&excludeTablesInBandedRanges=true&${system}`],
      ["GET", `${V}:batchGet?ranges=D3!A1&ranges=D3!B1&valueRenderOption=UNFORMATTED_VALUE&${system}`],
      [
        "PUT",
        `${V}/${enc("D3!C1")}?valueInputOption=RAW&includeValuesInResponse=true&responseValueRenderOption=FORMULA&responseDateTimeRenderOption=SERIAL_NUMBER&${system}`,
        { values: [[1]] },
      ],
      [
        "POST",
        `${V}/${enc("D3!A1")}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS&includeValuesInResponse=false&${system}`,
        { values: [[1]] },
      ],
      ["POST", `${SS}:batchUpdate?${system}`, { requests: [] }],
      ["POST", `${V}:batchUpdate?${system}`, { valueInputOption: "RAW", data: [] }],
      ["POST", `${V}:batchClear?${system}`, { ranges: [] }],
      ["POST", `${V}/${enc("D3!D1")}:clear?${system}`, {}],
    ];
    for (const [method, path, body] of ok) {
      const answer = await emu.call(method, path, body);
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
  });

  it("refuses unknown keys in values.batchUpdate and values.batchClear bodies, and a data that is not a list", async () => {
    const update = await emu.call("POST", `${V}:batchUpdate`, {
      valueInputOption: "RAW",
      foo: 1,
      data: [{ range: "D3!A1", values: [["x"]] }],
    });
    expect(update.status).toBe(400);
    expect((update.body as { error: { message: string } }).error.message).toBe(
      'Invalid JSON payload received. Unknown name "foo": Cannot find field.',
    );
    const clear = await emu.call("POST", `${V}:batchClear`, { ranges: ["D3!A1"], rangez: ["D3!B1"] });
    expect(clear.status).toBe(400);
    expect((clear.body as { error: { message: string } }).error.message).toBe(
      'Invalid JSON payload received. Unknown name "rangez": Cannot find field.',
    );
    const objectData = await emu.call("POST", `${V}:batchUpdate`, {
      valueInputOption: "RAW",
      data: { range: "D3!A1", values: [["x"]] },
    });
    expect(objectData.status).toBe(400);
    expect((objectData.body as { error: { message: string } }).error.message).toBe("Invalid value at 'data'");
    const stringRanges = await emu.call("POST", `${V}:batchClear`, { ranges: "D3!A1" });
    expect(stringRanges.status).toBe(400);
    expect((stringRanges.body as { error: { message: string } }).error.message).toBe(
      "Invalid value at 'ranges'",
    );
    // Nothing was written or cleared.
    expect(emu.emulator.getValues("ss", "D3!A1:B1")).toEqual([["a", "b"]]);
  });

  it("refuses a repeatCell or updateCells mask naming no CellData field", async () => {
    const range = { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 };
    const sheetId = (
      emu.emulator.spreadsheetResource("ss") as { sheets: { properties: { sheetId: number } }[] }
    ).sheets[0]?.properties.sheetId;
    const gridRange = { ...range, sheetId };
    const repeat = await emu.call("POST", `${SS}:batchUpdate`, {
      requests: [
        {
          repeatCell: {
            range: gridRange,
            cell: { userEnteredFormat: { textFormat: { bold: true } } },
            fields: "userEnteredFormat.textFormat.blod",
          },
        },
      ],
    });
    expect(repeat.status).toBe(400);
    expect((repeat.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].repeatCell: Invalid field mask path: userEnteredFormat.textFormat.blod",
    );
    const update = await emu.call("POST", `${SS}:batchUpdate`, {
      requests: [
        {
          updateCells: {
            range: gridRange,
            rows: [{ values: [{ userEnteredValue: { stringValue: "z" } }] }],
            fields: "userEnteredValue,notes",
          },
        },
      ],
    });
    expect(update.status).toBe(400);
    expect((update.body as { error: { message: string } }).error.message).toBe(
      "Invalid requests[0].updateCells: Invalid field mask path: notes",
    );
    expect(emu.emulator.getValues("ss", "D3!A1")).toEqual([["a"]]);
    // Real paths, grouped or slash-separated, still work.
    const good = await emu.call("POST", `${SS}:batchUpdate`, {
      requests: [
        {
          repeatCell: {
            range: gridRange,
            cell: {
              userEnteredFormat: {
                textFormat: { bold: true },
                backgroundColorStyle: { rgbColor: { red: 1 } },
              },
            },
            fields: "userEnteredFormat(textFormat.bold,backgroundColorStyle.rgbColor),note",
          },
        },
        {
          updateCells: {
            range: gridRange,
            rows: [{ values: [{ userEnteredValue: { stringValue: "z" } }] }],
            fields: "userEnteredValue/stringValue",
          },
        },
      ],
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
  });

  it("computes TODAY() and NOW() on the spreadsheet's wall clock, not UTC", async () => {
    const put = await emu.call("PUT", `${V}/${enc("D3!A2:B2")}?valueInputOption=USER_ENTERED`, {
      values: [["=TODAY()", "=NOW()"]],
    });
    expect(put.status).toBe(200);
    const read = await emu.call(
      "GET",
      `${V}/${enc("D3!A2:B2")}?valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER`,
    );
    const [today, now] = (read.body as { values: number[][] }).values[0] ?? [];
    expect(today).toBe(SERIAL_2026_03_02);
    expect(now).toBeCloseTo(SERIAL_2026_03_02 + 1 / 24, 9);
    const formatted = await emu.call("GET", `${V}/${enc("D3!A2")}`);
    expect((formatted.body as { values: string[][] }).values).toEqual([["3/2/2026"]]);
  });
});
