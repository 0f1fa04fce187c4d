import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { busyPortMessage, isAddressInUse, suggestPort } from "../local-stack/ports";
import { startEmulator } from "./server";
import { publicKeyFromPrivate } from "./service-account";

/**
 * npx tsx tools/sheets-emulator/cli.ts --port 8790 --static-token local-dev-token \
 *   --state .local/emulator-state.json --service-account .local/service-account.json
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8790" },
    host: { type: "string", default: "127.0.0.1" },
    "static-token": { type: "string" },
    state: { type: "string" },
    "service-account": { type: "string", multiple: true },
    "reads-per-minute": { type: "string" },
    "writes-per-minute": { type: "string" },
    "token-lifetime": { type: "string" },
  },
});

function intOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

const serviceAccounts = (values["service-account"] ?? []).map((file) => {
  const key = JSON.parse(readFileSync(file, "utf8")) as { client_email?: unknown; private_key?: unknown };
  if (typeof key.client_email !== "string" || typeof key.private_key !== "string") {
    throw new Error(`${file}: not a Google service-account key (client_email and private_key are needed)`);
  }
  return { client_email: key.client_email, public_key_pem: publicKeyFromPrivate(key.private_key) };
});

const readsPerMinute = intOption("reads-per-minute", values["reads-per-minute"]);
const writesPerMinute = intOption("writes-per-minute", values["writes-per-minute"]);
const tokenLifetimeSeconds = intOption("token-lifetime", values["token-lifetime"]);
const port = intOption("port", values.port) ?? 8790;
const host = values.host ?? "127.0.0.1";
const running = await startEmulator({
  port,
  host,
  serviceAccounts,
  ...(values["static-token"] !== undefined ? { staticToken: values["static-token"] } : {}),
  ...(values.state !== undefined ? { stateFile: values.state } : {}),
  ...(readsPerMinute !== undefined ? { readsPerMinute } : {}),
  ...(writesPerMinute !== undefined ? { writesPerMinute } : {}),
  ...(tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds } : {}),
}).catch(async (error: unknown) => {
  if (!isAddressInUse(error)) throw error;
  const use = { port, what: "Sheets 模拟器", whatEn: "Sheets emulator", flag: "--port" };
  console.error(busyPortMessage(use, await suggestPort(host, port, []), "npm run emulator --"));
  process.exit(1);
});

console.log(`Sheets emulator listening on ${running.url}`);
console.log(`  spreadsheet page: ${running.url}/`);
for (const account of serviceAccounts) console.log(`  service account: ${account.client_email}`);
if (values.state) console.log(`  state file: ${values.state}`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: saving state and stopping`);
  running.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
