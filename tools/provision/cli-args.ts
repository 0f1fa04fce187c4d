import { parseArgs } from "node:util";
import { type Connection, resolveConnection } from "./connection";

export interface CliOptions {
  readonly connection: Connection;
  readonly spreadsheetId: string;
  readonly check: boolean;
  readonly force: boolean;
  /** sheet:init: add missing columns a person confirmed (see plan-headers' heldBack). */
  readonly addMissingColumns: boolean;
  /** sheet:init: add missing tabs even where a look-alike tab exists. */
  readonly addMissingTabs: boolean;
  readonly help: boolean;
}

const OPTIONS = {
  spreadsheet: { type: "string" },
  url: { type: "string" },
  key: { type: "string" },
  state: { type: "string" },
  check: { type: "boolean", default: false },
  force: { type: "boolean", default: false },
  "add-missing-columns": { type: "boolean", default: false },
  "add-missing-tabs": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Parses the flags shared by sheet:init and demo:seed; throws a readable error on bad flags. */
export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  const { values } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: false });
  const connection = resolveConnection(env, {
    url: values.url,
    key: values.key,
    spreadsheet: values.spreadsheet,
    state: values.state,
  });
  const help = values.help === true;
  if (!connection.spreadsheetId && !help) {
    throw new Error("请用 --spreadsheet <id> 指定表格，或设置 SPREADSHEET_ID (missing --spreadsheet <id>)");
  }
  return {
    connection,
    spreadsheetId: connection.spreadsheetId ?? "",
    check: values.check === true,
    force: values.force === true,
    addMissingColumns: values["add-missing-columns"] === true,
    addMissingTabs: values["add-missing-tabs"] === true,
    help,
  };
}

/** The shared part of both CLIs' --help. */
export const CONNECTION_HELP = `
  --spreadsheet <id>  表格 ID（默认 SPREADSHEET_ID；使用本地密钥时为 demo）
  --url <api root>    Sheets API 根地址（默认 SHEETS_API_BASE；本地密钥时为 npm start 启动的模拟器，通常是 http://127.0.0.1:8790/）
  --key <file>        服务账号密钥（默认 GOOGLE_APPLICATION_CREDENTIALS，否则 .local/service-account.json）
  --state <dir>       本地环境是用 npm start -- --state <dir> 启动的：用该目录里的密钥和它启动的模拟器

  环境变量 GOOGLE_TOKEN_URL 可指定令牌地址（默认：Google 的 API 用 Google 的，其它地址用 <根地址>/token）。`;
