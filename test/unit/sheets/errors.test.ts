import { describe, expect, it } from "vitest";
import { SheetsError, sheetsErrorFrom, TOKEN_CALL } from "../../../src/sheets/errors";

const ACCOUNT = "jianyi-sync@county-office.iam.gserviceaccount.com";

function googleError(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

const PERMISSION_DENIED = {
  error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" },
};

describe("SheetsError hints for staff and operators", () => {
  it("names the service account's e-mail when the sheet is not shared with it (403)", async () => {
    const error = await sheetsErrorFrom(googleError(403, PERMISSION_DENIED), "values.batchGet", ACCOUNT);
    expect(error.hint).toBe(
      `服务账号 ${ACCOUNT} 无权访问该表格：请在 Google 表格中点“共享”，把它添加为编辑者`,
    );
    expect(error.retryable).toBe(false);
  });

  it("leads its message with the Chinese hint and keeps Google's words in brackets", async () => {
    const error = await sheetsErrorFrom(googleError(403, PERMISSION_DENIED), "values.batchGet", ACCOUNT);
    expect(error.message).toBe(
      `服务账号 ${ACCOUNT} 无权访问该表格：请在 Google 表格中点“共享”，把它添加为编辑者` +
        "（values.batchGet: 403 PERMISSION_DENIED The caller does not have permission）",
    );
    expect(error.detail).toBe("values.batchGet: 403 PERMISSION_DENIED The caller does not have permission");
  });

  it("says where the e-mail is when the client was built without it", () => {
    const error = new SheetsError(403, "PERMISSION_DENIED", "values.get: 403");
    expect(error.hint).toBe(
      "服务账号 无权访问该表格：请在 Google 表格中点“共享”，把服务账号的邮箱（密钥里的 client_email）添加为编辑者",
    );
  });

  it("tells to enable the Sheets API when Google says the service is disabled", async () => {
    const body = {
      error: {
        code: 403,
        message: "Google Sheets API has not been used in project 123 before or it is disabled.",
        status: "PERMISSION_DENIED",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "SERVICE_DISABLED" }],
      },
    };
    const error = await sheetsErrorFrom(googleError(403, body), "values.get", ACCOUNT);
    expect(error.hint).toContain("启用 Google Sheets API");
  });

  it("blames the key, naming the account, when the token exchange is refused", async () => {
    const response = googleError(400, {
      error: "invalid_grant",
      error_description: "Invalid JWT Signature.",
    });
    const error = await sheetsErrorFrom(response, TOKEN_CALL, ACCOUNT);
    expect(error.hint).toContain(`Google 拒绝了服务账号 ${ACCOUNT}的密钥`);
    expect(error.hint).toContain("GOOGLE_SERVICE_ACCOUNT");
    expect(error.message).toContain("token exchange: 400 invalid_grant Invalid JWT Signature.");
  });

  it("asks to check SPREADSHEET_ID on a 404 and promises a retry on 429 and 503", async () => {
    const notFound = await sheetsErrorFrom(
      googleError(404, {
        error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" },
      }),
      "values.get",
    );
    expect(notFound.hint).toBe("找不到该表格：请核对 SPREADSHEET_ID");
    const quota = new SheetsError(429, "RESOURCE_EXHAUSTED", "values.get: 429");
    expect([quota.retryable, quota.hint]).toEqual([true, "已达到 Google 每分钟调用上限，稍后自动重试"]);
    const html = await sheetsErrorFrom(
      new Response("<html>Bad gateway</html>", { status: 503 }),
      "values.get",
    );
    expect([html.retryable, html.hint]).toEqual([true, "Google 服务暂时不可用，稍后自动重试"]);
  });
});
