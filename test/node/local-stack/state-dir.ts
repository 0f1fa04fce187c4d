/**
 * A `--state <dir>` as `npm start -- --state <dir> --emulator-port <n>` leaves it while it runs: the
 * local key, the dev vars it wrote for the Worker, and its emulator (here in-process, on a port that
 * is not the default one) with the `demo` spreadsheet. The Worker and the notice sink are not started:
 * their addresses in the dev vars are ports nothing listens on.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOCAL, localStatePaths } from "../../../tools/local-paths";
import { type RunningEmulator, startEmulator } from "../../../tools/sheets-emulator/server";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { freePorts } from "../../support/ports";
import { type CliRun, runTsx } from "../provision/helpers";

export interface StackState {
  readonly dir: string;
  readonly emulator: RunningEmulator;
  /** Where the dev vars say the Worker is (nothing listens there). */
  readonly workerUrl: string;
  close(): Promise<void>;
}

export async function startStackState(): Promise<StackState> {
  const dir = mkdtempSync(path.join(tmpdir(), "jianyi-tools-state-"));
  const paths = localStatePaths(dir);
  const account = generateServiceAccount(LOCAL.serviceAccountEmail);
  writeFileSync(paths.serviceAccountFile, JSON.stringify(account.keyFile, null, 2), { mode: 0o600 });
  const emulator = await startEmulator({
    port: 0,
    host: LOCAL.host,
    serviceAccounts: [{ client_email: account.keyFile.client_email, public_key_pem: account.public_key_pem }],
  });
  emulator.emulator.createSpreadsheet({ spreadsheetId: LOCAL.spreadsheetId });
  const [worker, sink] = await freePorts(2);
  const workerUrl = `http://${LOCAL.host}:${worker}`;
  // The names and quoting npm start writes (tools/local-stack.ts writeDevVars).
  const vars = {
    ENVIRONMENT: "development",
    SHEETS_API_BASE: emulator.url,
    GOOGLE_TOKEN_URL: `${emulator.url}/token`,
    SPREADSHEET_ID: LOCAL.spreadsheetId,
    GOOGLE_SERVICE_ACCOUNT: JSON.stringify(account.keyFile),
    ADMIN_TOKEN: LOCAL.adminToken,
    NOTICE_SINK_URL: `http://${LOCAL.host}:${sink}`,
    LINK_SECRET: LOCAL.linkSecret,
    PUBLIC_URL: workerUrl,
  };
  const text = Object.entries(vars)
    .map(([k, v]) => `${k}='${v}'`)
    .join("\n");
  writeFileSync(paths.devVarsFile, `# written by npm start; local only, git-ignored\n${text}\n`, {
    mode: 0o600,
  });
  return {
    dir,
    emulator,
    workerUrl,
    close: async () => {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ToolRun = CliRun;

/** Runs a tool as `npm run <tool> -- …` does, with none of the variables that would name a sheet or key. */
export function runTool(script: string, args: readonly string[]): Promise<ToolRun> {
  return runTsx(script, args, {
    GOOGLE_APPLICATION_CREDENTIALS: "",
    SHEETS_API_BASE: "",
    GOOGLE_TOKEN_URL: "",
    SPREADSHEET_ID: "",
  });
}
