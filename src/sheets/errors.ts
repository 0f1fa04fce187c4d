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

  constructor(
    readonly httpStatus: number,
    readonly status: string,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = "SheetsError";
    this.retryable = RETRYABLE_HTTP.has(httpStatus) || RETRYABLE_STATUS.has(status);
  }

  /** What staff should do about it, in Chinese. */
  get hint(): string {
    if (this.httpStatus === 403) return "服务账号无权访问该表格：请把表格共享给服务账号（编辑者）";
    if (this.httpStatus === 404) return "找不到该表格：请核对 SPREADSHEET_ID";
    if (this.httpStatus === 401) return "Google 拒绝了服务账号的凭据：请检查 GOOGLE_SERVICE_ACCOUNT 密钥";
    if (this.httpStatus === 429) return "已达到 Google 每分钟调用上限，稍后自动重试";
    if (this.httpStatus === 400) return "请求被 Google 拒绝：请检查表格结构（工作表名、表头）";
    return "Google 服务暂时不可用，稍后自动重试";
  }
}

/** Builds a SheetsError from a non-2xx response, whatever its body. */
export async function sheetsErrorFrom(response: Response, what: string): Promise<SheetsError> {
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
    );
  }
  // OAuth token endpoint shape: { error: "invalid_grant", error_description }.
  const oauth = body as { error?: string; error_description?: string };
  const status = typeof oauth.error === "string" ? oauth.error : "UNKNOWN";
  const detail = oauth.error_description ?? text.slice(0, 200);
  return new SheetsError(response.status, status, `${what}: ${response.status} ${status} ${detail}`.trim());
}
