import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { busyPortMessage, isAddressInUse, suggestPort } from "../local-stack/ports";
import { startEmulator } from "./server";
import { publicKeyFromPrivate } from "./service-account";

/**
 * npx tsx tools/sheets-emulator/cli.ts --port 8790 --static-token local-dev-token \
 *   --state .local/emulator-state.json --service-account .local/service-account.json
 */
const HELP = `用法: npm run emulator -- [--port <端口>] [--host <地址>] [--service-account <密钥文件>]
       [--static-token <令牌>] [--state <文件>] [--reads-per-minute <次数>] [--writes-per-minute <次数>]
       [--token-lifetime <秒>]

启动本地的 Google 表格模拟器（Sheets API 和 /token），在浏览器里打开它的地址可以查看和编辑表格。
平时不用单独启动：npm start 会连同模拟器一起启动。

  --port <端口>               监听的端口（默认 8790；0 表示任选一个空闲端口）
  --host <地址>               监听的地址（默认 127.0.0.1）
  --service-account <密钥文件>  允许该服务账号密钥（Google 的 JSON 密钥）换取令牌；可写多次
  --static-token <令牌>       直接接受 Authorization: Bearer <令牌>，身份为表格所有者
  --state <文件>              启动时从该文件读入表格，改动后和退出时存回
  --reads-per-minute <次数>   每个用户每分钟的读取上限（默认 60）
  --writes-per-minute <次数>  每个用户每分钟的写入上限（默认 60）
  --token-lifetime <秒>       发出的令牌有效期（默认 3599 秒）
  -h, --help                  显示本说明`;

const OPTIONS = {
  port: { type: "string", default: "8790" },
  host: { type: "string", default: "127.0.0.1" },
  "static-token": { type: "string" },
  state: { type: "string" },
  "service-account": { type: "string", multiple: true },
  "reads-per-minute": { type: "string" },
  "writes-per-minute": { type: "string" },
  "token-lifetime": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Stops with one Chinese line (no stack trace) and exit code 2. */
function usageError(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A parseArgs error in Chinese: the option it names, and where to look. */
function parseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? "")?.[1] ?? "";
  const help = "运行 npm run emulator -- --help 查看可用的选项";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `不认识的选项 ${option.split(" ")[0]}：${help}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return `选项 ${option.split(" ")[0]} 缺少值或值不对：${help}`;
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `多余的参数 ${option}：${help}`;
  return `参数有误（${message}）：${help}`;
}

let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>;
try {
  parsed = parseArgs({ options: OPTIONS });
} catch (error) {
  usageError(parseError(error));
}
const { values } = parsed;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

function intOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < 0)
    usageError(`--${name} 应为不小于 0 的整数，现在是“${text}”`);
  return n;
}

/** A --service-account file: its e-mail and the public key the emulator checks its JWTs with. */
function serviceAccount(file: string): { client_email: string; public_key_pem: string } {
  let key: { client_email?: unknown; private_key?: unknown };
  try {
    key = JSON.parse(readFileSync(file, "utf8")) as typeof key;
  } catch (error) {
    const missing = (error as { code?: string }).code === "ENOENT";
    return usageError(missing ? `找不到服务账号密钥文件 ${file}` : `${file} 不是完整的 JSON 密钥文件`);
  }
  if (typeof key?.client_email !== "string" || typeof key.private_key !== "string") {
    return usageError(`${file} 不是 Google 服务账号密钥（需要 client_email 和 private_key）`);
  }
  return { client_email: key.client_email, public_key_pem: publicKeyFromPrivate(key.private_key) };
}

const serviceAccounts = (values["service-account"] ?? []).map(serviceAccount);

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
