import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import { prepareDemoSpreadsheet } from "../../../tools/demo-spreadsheet";
import { LOCAL, LOCAL_DIR, SERVICE_ACCOUNT_FILE } from "../../../tools/local-paths";
import { type RunningEmulator, startEmulator } from "../../../tools/sheets-emulator/server";
import {
  generateServiceAccount,
  publicKeyFromPrivate,
  type ServiceAccountKeyFile,
} from "../../../tools/sheets-emulator/service-account";

/** The local key npm start uses; made the way npm start makes it when this checkout has none yet. */
function localKey(): ServiceAccountKeyFile {
  if (!existsSync(SERVICE_ACCOUNT_FILE)) {
    mkdirSync(LOCAL_DIR, { recursive: true });
    const { keyFile } = generateServiceAccount(LOCAL.serviceAccountEmail);
    try {
      writeFileSync(SERVICE_ACCOUNT_FILE, JSON.stringify(keyFile, null, 2), { mode: 0o600, flag: "wx" });
    } catch {
      // Another process wrote it first: use that one.
    }
  }
  return JSON.parse(readFileSync(SERVICE_ACCOUNT_FILE, "utf8")) as ServiceAccountKeyFile;
}

describe("prepareDemoSpreadsheet (npm start)", () => {
  let running: RunningEmulator;

  beforeAll(async () => {
    const key = localKey();
    running = await startEmulator({
      port: 0,
      serviceAccounts: [
        { client_email: key.client_email, public_key_pem: publicKeyFromPrivate(key.private_key) },
      ],
    });
  });
  afterAll(async () => {
    await running.close();
  });

  it("creates, provisions and seeds the demo spreadsheet over HTTP on first start", async () => {
    await prepareDemoSpreadsheet(running.emulator);
    const ids = running.emulator.listSpreadsheets().map((s) => s.spreadsheetId);
    expect(ids).toEqual([LOCAL.spreadsheetId]);
    const ledger = running.emulator.getValues(LOCAL.spreadsheetId, `'${TAB_NAMES.ledger}'`);
    expect(ledger.length).toBeGreaterThan(120);
    const kinds = new Set(running.emulator.requests().map((r) => r.kind));
    expect(kinds).toEqual(new Set(["auth", "read", "write"]));
  });

  it("leaves an existing demo spreadsheet alone on later starts", async () => {
    const before = running.emulator.requests().at(-1)?.seq ?? 0;
    await prepareDemoSpreadsheet(running.emulator);
    expect(running.emulator.requests(before)).toEqual([]);
  });
});
