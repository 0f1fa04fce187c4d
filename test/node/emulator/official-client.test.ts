import { sheets, type sheets_v4 } from "@googleapis/sheets";
import { JWT } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { SPREADSHEETS_SCOPE, startTestEmulator, type TestEmulator } from "./helpers";

const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
const EMAIL = "jianyi-sync@jianyi-test.iam.gserviceaccount.com";

/**
 * The real client stack: @googleapis/sheets over google-auth-library's JWT client, which signs an
 * RS256 assertion with a generated key and exchanges it at the emulator's /token. gtoken hard-codes
 * Google's token URL (and uses it as the JWT audience, which the emulator accepts), so a request
 * interceptor on the JWT client's own transporter sends that one POST to the emulator instead.
 */
describe("the official @googleapis/sheets client against the emulator", () => {
  let emu: TestEmulator;
  let api: sheets_v4.Sheets;
  let spreadsheetId: string;

  beforeAll(async () => {
    const account = generateServiceAccount(EMAIL);
    emu = await startTestEmulator({
      serviceAccounts: [{ client_email: EMAIL, public_key_pem: account.public_key_pem }],
    });
    const auth = new JWT({ email: EMAIL, key: account.keyFile.private_key, scopes: [SPREADSHEETS_SCOPE] });
    auth.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (config.url.href === GOOGLE_TOKEN_URL) config.url = new URL(`${emu.url}/token`);
        return config;
      },
    });
    api = sheets({ version: "v4", rootUrl: `${emu.url}/`, auth });
  });

  afterAll(async () => {
    await emu?.close();
  });

  it("creates a spreadsheet and gets a token through the JWT-bearer exchange", async () => {
    const created = await api.spreadsheets.create({ requestBody: { properties: { title: "建议 test" } } });
    spreadsheetId = created.data.spreadsheetId ?? "";
    expect(created.data.sheets?.[0]?.properties).toMatchObject({ sheetId: 0, title: "Sheet1" });
    const auth = emu.emulator.requests().filter((r) => r.kind === "auth");
    expect(auth).toHaveLength(1);
    expect(auth[0]?.status).toBe(200);
  });

  it("adds a sheet, validation, protection and a frozen header in one batchUpdate", async () => {
    const res = await api.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: [{ addSheet: { properties: { title: "建议台账" } } }] },
    });
    const sheetId = res.data.replies?.[0]?.addSheet?.properties?.sheetId ?? -1;
    expect(sheetId).toBeGreaterThan(0);
    await api.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: [
          {
            setDataValidation: {
              range: { sheetId, startRowIndex: 1, endRowIndex: 100, startColumnIndex: 2, endColumnIndex: 3 },
              rule: {
                condition: { type: "ONE_OF_LIST", values: [{ userEnteredValue: "办理中" }] },
                strict: true,
              },
            },
          },
          {
            addProtectedRange: {
              protectedRange: {
                range: { sheetId, startColumnIndex: 3, endColumnIndex: 4 },
                warningOnly: true,
              },
            },
          },
          {
            updateSheetProperties: {
              properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
              fields: "gridProperties.frozenRowCount",
            },
          },
        ],
      },
    });
    const got = await api.spreadsheets.get({
      spreadsheetId,
      ranges: ["'建议台账'!C2"],
      includeGridData: true,
    });
    const sheet = got.data.sheets?.[0];
    expect(sheet?.properties?.gridProperties?.frozenRowCount).toBe(1);
    expect(sheet?.protectedRanges?.[0]).toMatchObject({ warningOnly: true, editors: { users: [EMAIL] } });
    expect(sheet?.data?.[0]?.rowData?.[0]?.values?.[0]?.dataValidation?.condition?.type).toBe("ONE_OF_LIST");
  });

  it("writes, appends, reads back, batch-updates and clears values", async () => {
    const update = await api.spreadsheets.values.update({
      spreadsheetId,
      range: "'建议台账'!A1:C1",
      valueInputOption: "RAW",
      requestBody: { values: [["编号", "标题", "状态"]] },
    });
    expect(update.data.updatedRange).toBe("'建议台账'!A1:C1");
    const append = await api.spreadsheets.values.append({
      spreadsheetId,
      range: "'建议台账'!A1",
      valueInputOption: "RAW",
      insertDataOption: "INSERT_ROWS",
      requestBody: { values: [["F-0001", "修路", "办理中"]] },
    });
    expect(append.data.tableRange).toBe("'建议台账'!A1:C1");
    expect(append.data.updates?.updatedRange).toBe("'建议台账'!A2:C2");
    await api.spreadsheets.values.batchUpdate({
      spreadsheetId,
      requestBody: {
        valueInputOption: "USER_ENTERED",
        data: [{ range: "'建议台账'!D2", values: [["2026-03-02"]] }],
      },
    });
    const read = await api.spreadsheets.values.batchGet({
      spreadsheetId,
      ranges: ["'建议台账'!A1:D", "'建议台账'!D2"],
      valueRenderOption: "UNFORMATTED_VALUE",
    });
    expect(read.data.valueRanges?.[0]?.values).toEqual([
      ["编号", "标题", "状态"],
      ["F-0001", "修路", "办理中", 46083],
    ]);
    expect(read.data.valueRanges?.[1]?.range).toBe("'建议台账'!D2");
    const cleared = await api.spreadsheets.values.clear({ spreadsheetId, range: "'建议台账'!A2:D2" });
    expect(cleared.data.clearedRange).toBe("'建议台账'!A2:D2");
    const after = await api.spreadsheets.values.get({ spreadsheetId, range: "'建议台账'" });
    expect(after.data.values).toEqual([["编号", "标题", "状态"]]);
  });

  it("surfaces Google's error body through the client's error", async () => {
    const failure = await api.spreadsheets.values.get({ spreadsheetId, range: "NOPE!A1" }).then(
      () => undefined,
      (e: unknown) => e as { status?: number; message?: string },
    );
    expect(failure?.status).toBe(400);
    expect(failure?.message).toBe("Unable to parse range: NOPE!A1");
  });
});
