import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { sheets_v4 } from "@googleapis/sheets";
import type { Connection } from "../../../tools/provision/connection";
import { createSheetsSession, type SheetsSession } from "../../../tools/provision/google-client";
import { type Emulator, startEmulator } from "../../../tools/sheets-emulator/server";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");

/** A fresh emulator on a free port with a generated service account whose key is in a temp file. */
export interface TestSheets {
  readonly url: string;
  readonly emulator: Emulator;
  readonly keyFile: string;
  readonly connection: Connection;
  session(): SheetsSession;
  /** The Spreadsheet resource with grid data of the given ranges (bypasses auth and quota). */
  resource(spreadsheetId: string, ranges: string[]): sheets_v4.Schema$Spreadsheet;
  /** Raw values as the sync reads them (UNFORMATTED_VALUE, dates as serials). */
  values(spreadsheetId: string, range: string): unknown[][];
  /** Sequence number of the last logged request, to look at what happened after it. */
  mark(): number;
  writesSince(seq: number): number;
  close(): Promise<void>;
}

export async function startTestSheets(): Promise<TestSheets> {
  const account = generateServiceAccount("provision-test@jianyi-test.iam.gserviceaccount.com");
  const running = await startEmulator({
    port: 0,
    serviceAccounts: [{ client_email: account.keyFile.client_email, public_key_pem: account.public_key_pem }],
  });
  const dir = mkdtempSync(path.join(tmpdir(), "jianyi-provision-"));
  const keyFile = path.join(dir, "key.json");
  writeFileSync(keyFile, JSON.stringify(account.keyFile), { mode: 0o600 });
  const connection: Connection = {
    apiBase: `${running.url}/`,
    tokenUrl: `${running.url}/token`,
    keyFile,
    local: false,
    spreadsheetId: undefined,
  };
  const em = running.emulator;
  return {
    url: running.url,
    emulator: em,
    keyFile,
    connection,
    session: () => createSheetsSession(connection),
    resource: (id, ranges) =>
      em.spreadsheetResource(id, { includeGridData: true, ranges }) as sheets_v4.Schema$Spreadsheet,
    values: (id, range) => em.getValues(id, range, { valueRenderOption: "UNFORMATTED_VALUE" }),
    mark: () => em.requests().at(-1)?.seq ?? 0,
    writesSince: (seq) => em.requests(seq).filter((r) => r.kind === "write").length,
    close: async () => {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a CLI entry point the way npm does (npx tsx tools/…), with `env` over this process's variables. */
export function runTsx(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", script, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a CLI entry point the way npm does (npx tsx tools/…), pointed at a test emulator. */
export function runCli(script: string, args: string[], sheets: TestSheets): Promise<CliRun> {
  return runTsx(script, args, {
    GOOGLE_APPLICATION_CREDENTIALS: sheets.keyFile,
    SHEETS_API_BASE: sheets.url,
    GOOGLE_TOKEN_URL: "",
    SPREADSHEET_ID: "",
  });
}

/** The header texts of row 1 of a tab, read back from the emulator. */
export function headerRow(sheets: TestSheets, spreadsheetId: string, tab: string): string[] {
  return (sheets.values(spreadsheetId, `'${tab}'!1:1`)[0] ?? []).map((cell) => String(cell));
}
