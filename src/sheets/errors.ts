/** Google's error envelope, as far as we read it. Messages are localised, so never branch on them. */
export interface GoogleErrorBody {
  error?: {
    code?: number;
    message?: string;
    status?: string;
    details?: { "@type"?: string; reason?: string }[];
  };
}

const RETRYABLE_HTTP = new Set([408, 429, 500, 502, 503, 504]);
const RETRYABLE_STATUS = new Set([
  "RESOURCE_EXHAUSTED",
  "UNAVAILABLE",
  "INTERNAL",
  "DEADLINE_EXCEEDED",
  "ABORTED",
]);

/** A failed Sheets or token call, classified by HTTP code and canonical status only. */
export class SheetsError extends Error {
  readonly retryable: boolean;
  /** The technical part, in Google's words: `values.get: 403 PERMISSION_DENIED The caller …`. */
  readonly detail: string;

  /**
   * The message staff and operators read (sync runs, /healthz, 校验问题) leads with the Chinese
   * hint and keeps Google's own words in brackets for whoever has to look further.
   */
  constructor(
    readonly httpStatus: number,
    readonly status: string,
    detail: string,
    readonly reason?: string,
    /** The service account's e-mail, so a 403 can say whom to share the sheet with. */
    readonly serviceAccount?: string,
    /** Which call failed (`values.get`, `token exchange`). */
    readonly call?: string,
  ) {
    super(detail);
    this.name = "SheetsError";
    this.detail = detail;
    this.retryable = RETRYABLE_HTTP.has(httpStatus) || RETRYABLE_STATUS.has(status);
    this.message = `${this.hint}（${detail}）`;
  }

  /** What staff should do about it, in Chinese. */
  get hint(): string {
    const account = this.serviceAccount ? `服务账号 ${this.serviceAccount}` : "服务账号";
    if (this.call === TOKEN_CALL && !this.retryable) {
      return rejectedKeyHint(account, "GOOGLE_SERVICE_ACCOUNT");
    }
    if (this.httpStatus === 403 && this.reason === "SERVICE_DISABLED") {
      return "服务账号所在的 Google Cloud 项目没有启用 Google Sheets API：请在 Google Cloud 控制台“API 和服务”中启用它";
    }
    if (this.httpStatus === 403) {
      const who = this.serviceAccount ? "把它" : "把服务账号的邮箱（密钥里的 client_email）";
      return `${account} 无权访问该表格：请在 Google 表格中点“共享”，${who}添加为编辑者`;
    }
    if (this.httpStatus === 404) return "找不到该表格：请核对 SPREADSHEET_ID";
    if (this.httpStatus === 401) return `Google 拒绝了${account}的凭据：请检查 GOOGLE_SERVICE_ACCOUNT 密钥`;
    if (this.httpStatus === 429) return "已达到 Google 每分钟调用上限，稍后自动重试";
    if (this.httpStatus === 400) return "请求被 Google 拒绝：请检查表格结构（工作表名、表头）";
    return "Google 服务暂时不可用，稍后自动重试";
  }
}

/** The `what` of the OAuth token exchange (src/sheets/token.ts). */
export const TOKEN_CALL = "token exchange";

/** Builds a SheetsError from a non-2xx response, whatever its body. */
export async function sheetsErrorFrom(
  response: Response,
  what: string,
  serviceAccount?: string,
): Promise<SheetsError> {
  const text = await response.text();
  let body: GoogleErrorBody | { error?: string; error_description?: string } = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy or an HTML error page): keep the HTTP status only.
  }
  const err = body.error;
  if (err && typeof err === "object") {
    const reason = err.details?.find((d) => d.reason)?.reason;
    return new SheetsError(
      response.status,
      err.status ?? "UNKNOWN",
      `${what}: ${response.status} ${err.status ?? ""} ${err.message ?? ""}`.trim(),
      reason,
      serviceAccount,
      what,
    );
  }
  // OAuth token endpoint shape: { error: "invalid_grant", error_description }.
  const oauth = body as { error?: string; error_description?: string };
  const status = typeof oauth.error === "string" ? oauth.error : "UNKNOWN";
  const detail = oauth.error_description ?? text.slice(0, 200);
  return new SheetsError(
    response.status,
    status,
    `${what}: ${response.status} ${status} ${detail}`.trim(),
    undefined,
    serviceAccount,
    what,
  );
}

/**
 * What to do when Google's token endpoint turns the service account's key down (400 invalid_grant):
 * the Worker names its secret, the provisioning tools the key file they were given. `account`:
 * "服务账号 <e-mail>"; `key`: where the key is (a space before a name in Latin letters).
 */
export function rejectedKeyHint(account: string, key: string): string {
  const space = /^[\x21-\x7e]/.test(key) ? " " : "";
  return `Google 拒绝了${account}的密钥：请检查${space}${key} 是否为完整有效的 JSON 密钥（密钥可能已被删除或停用）`;
}
