import { readFileSync } from "node:fs";
import { sheets, type sheets_v4 } from "@googleapis/sheets";
import { JWT } from "google-auth-library";
import { rejectedKeyHint } from "../../src/sheets/errors";
import { startCommand } from "../local-paths";
import { type Connection, GOOGLE_TOKEN_URL } from "./connection";

const SCOPE = "https://www.googleapis.com/auth/spreadsheets";

/** API calls made through a session, by kind, for reports and tests. */
export interface RequestCounts {
  reads: number;
  writes: number;
  tokens: number;
}

export interface SheetsSession {
  readonly api: sheets_v4.Sheets;
  readonly email: string;
  readonly counts: RequestCounts;
}

interface KeyFile {
  client_email: string;
  private_key: string;
}

/**
 * Reads a service-account key file; the message says what to do when it is missing (for the local
 * key: the npm start, with its --state, that writes it).
 */
export function loadKeyFile(path: string, local: boolean, stateDir?: string): KeyFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    const start = startCommand(stateDir);
    const hint = local
      ? `先运行 ${start} 生成本地密钥，或设置 GOOGLE_APPLICATION_CREDENTIALS (run ${start} first, or set GOOGLE_APPLICATION_CREDENTIALS)`
      : "请检查 --key 或 GOOGLE_APPLICATION_CREDENTIALS 给出的路径 (check --key or GOOGLE_APPLICATION_CREDENTIALS)";
    throw new Error(`找不到服务账号密钥文件 ${path}：${hint}`);
  }
  let json: Partial<KeyFile>;
  try {
    json = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw new Error(`${path} 不是完整的 JSON：请重新下载服务账号密钥文件 (not a JSON key file)`);
  }
  if (typeof json?.client_email !== "string" || typeof json?.private_key !== "string") {
    throw new Error(`${path} 不是服务账号密钥文件（缺少 client_email 或 private_key）`);
  }
  return { client_email: json.client_email, private_key: json.private_key };
}

/**
 * A Sheets client authorised as the service account. google-auth-library's JWT asks gtoken for
 * tokens, and gtoken always posts to Google's token URL; a request interceptor on the JWT's own
 * transporter (which gtoken is handed) sends that POST to `tokenUrl` instead, so the same code
 * works against the local emulator. The interceptor also counts every request.
 */
export function createSheetsSession(connection: Connection): SheetsSession {
  const key = loadKeyFile(connection.keyFile, connection.local, connection.stateDir);
  const jwt = new JWT({ email: key.client_email, key: key.private_key, scopes: [SCOPE] });
  const counts: RequestCounts = { reads: 0, writes: 0, tokens: 0 };
  const tokenUrl = new URL(connection.tokenUrl);
  jwt.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (options.url.href === GOOGLE_TOKEN_URL) {
        options.url = tokenUrl;
        counts.tokens += 1;
      } else if ((options.method ?? "GET").toUpperCase() === "GET") counts.reads += 1;
      else counts.writes += 1;
      return options;
    },
  });
  const api = sheets({
    version: "v4",
    auth: jwt,
    rootUrl: connection.apiBase,
    // 429 means nothing was applied, so even a batchUpdate may be sent again after a pause.
    retryConfig: { retry: 4, statusCodesToRetry: [[429, 429]], httpMethodsToRetry: ["GET", "POST", "PUT"] },
  });
  return { api, email: key.client_email, counts };
}

/** Where a failed call went: the spreadsheet, the service account, and the API it was sent to. */
export interface ApiTarget {
  readonly spreadsheetId: string;
  readonly email: string;
  readonly connection: Pick<Connection, "apiBase" | "stateDir"> &
    Partial<Pick<Connection, "keyFile" | "local">>;
  /**
   * The key as the operator knows it, when it is not the key file (the doctor's local mode: the dev
   * vars' GOOGLE_SERVICE_ACCOUNT); default: 密钥文件 <keyFile>.
   */
  readonly key?: string;
  /**
   * How this command reaches a sheet on Google instead, said after "start the emulator" when the
   * local one does not answer (each command has its own flags; default: none said).
   */
  readonly otherwise?: string;
}

/** For the commands that take --key and --spreadsheet (sheet:init, sheet:import). */
export const GOOGLE_SHEET_FLAGS =
  "要操作 Google 上的表格，请用 --key 指定服务账号密钥、--spreadsheet 指定表格 ID";

const NO_CONNECTION = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "EHOSTUNREACH",
]);

/** True when the request got no answer at all (nothing listening, no route, no DNS). */
export function isConnectionFailure(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  return NO_CONNECTION.has(String(code)) || NO_CONNECTION.has(String(cause?.code));
}

const isOnThisMachine = (apiBase: string) => /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(apiBase);

/** HTTP statuses that say "try again later", never "this key is wrong". */
const TRANSIENT = new Set([408, 429, 500, 502, 503, 504]);

/**
 * True when the token endpoint turned the key down: its answers use the OAuth shape (`{"error":
 * "invalid_grant", "error_description": …}`, a string), the Sheets API's the google.rpc one (an
 * object). A deleted, disabled or replaced key is a 400 invalid_grant, never a 401.
 */
function isRejectedKey(status: number, data: unknown): boolean {
  return typeof (data as { error?: unknown } | null)?.error === "string" && !TRANSIENT.has(status);
}

/**
 * The Worker's words for the same case (src/sheets/errors.ts, what /healthz says), with the key the
 * tool was given in place of the GOOGLE_SERVICE_ACCOUNT secret.
 */
function rejectedKey(target: ApiTarget, message: string): string {
  const { email, connection } = target;
  const file = connection.keyFile ?? "";
  if (connection.local && target.key === undefined) {
    const start = startCommand(connection.stateDir);
    return (
      `本地的表格模拟器拒绝了服务账号 ${email} 的密钥（${file}）：正在运行的模拟器可能是另一次 npm start（另一个 --state）启动的；` +
      `请停掉它，再运行 ${start} (key rejected by the local emulator: ${message})`
    );
  }
  const detail = ` (key rejected by Google: ${message})`;
  return `${rejectedKeyHint(`服务账号 ${email} `, target.key ?? `密钥文件 ${file}`)}${detail}`;
}

/** A short Chinese/English message for a failed API call, with what to do for the usual causes. */
export function describeApiError(error: unknown, target: ApiTarget): string {
  const { spreadsheetId, email, connection, otherwise } = target;
  const response = (error as { response?: { status?: number; data?: unknown } })?.response;
  const status = response?.status;
  const message = error instanceof Error ? error.message : String(error);
  if (status && isRejectedKey(status, response?.data)) return rejectedKey(target, message);
  if (status === 404) return `找不到表格 ${spreadsheetId} (spreadsheet not found): 请核对表格 ID`;
  if (status === 403) {
    return `无权访问表格 ${spreadsheetId} (permission denied): 请把表格以“编辑者”身份共享给 ${email}`;
  }
  if (status === 401) return `服务账号认证失败 (authentication failed): ${message}`;
  if (status) return `Sheets API 错误 ${status}: ${message}`;
  if (!isConnectionFailure(error)) return `Sheets API 请求失败 (request failed): ${message}`;
  const { apiBase } = connection;
  if (isOnThisMachine(apiBase))
    return (
      `连不上 ${apiBase}（本地的表格模拟器）：请先在另一个终端运行 ${startCommand(connection.stateDir)}，它会启动模拟器` +
      (otherwise ? `；${otherwise}` : "") +
      ` (cannot reach the local Sheets emulator: ${message})`
    );
  return (
    `连不上 ${apiBase}：请检查这台电脑的网络和代理；在中国大陆，这台电脑要能访问 Google` +
    `（见 docs/deploy.md 第 15 节） (cannot reach the Sheets API: ${message})`
  );
}
