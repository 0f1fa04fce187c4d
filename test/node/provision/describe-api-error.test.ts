import { describe, expect, it } from "vitest";
import { describeApiError, GOOGLE_SHEET_FLAGS } from "../../../tools/provision/google-client";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8790"), { code: "ECONNREFUSED" });
const target = {
  spreadsheetId: "1AbC",
  email: "jianyi@office.iam.gserviceaccount.com",
  connection: { apiBase: "http://127.0.0.1:8790/" },
};

describe("describeApiError", () => {
  it("names the service account to share the sheet with on a 403, and the id on a 404", () => {
    const answer = (status: number) => Object.assign(new Error("x"), { response: { status } });
    expect(describeApiError(answer(403), target)).toBe(
      "无权访问表格 1AbC (permission denied): 请把表格以“编辑者”身份共享给 jianyi@office.iam.gserviceaccount.com",
    );
    expect(describeApiError(answer(404), target)).toBe(
      "找不到表格 1AbC (spreadsheet not found): 请核对表格 ID",
    );
  });

  it("asks for npm start when the local emulator does not answer, and says the command's own way to Google only when given", () => {
    expect(describeApiError(refused, target)).toBe(
      "连不上 http://127.0.0.1:8790/（本地的表格模拟器）：请先在另一个终端运行 npm start，它会启动模拟器" +
        " (cannot reach the local Sheets emulator: connect ECONNREFUSED 127.0.0.1:8790)",
    );
    expect(describeApiError(refused, { ...target, otherwise: GOOGLE_SHEET_FLAGS })).toContain(
      "它会启动模拟器；要操作 Google 上的表格，请用 --key 指定服务账号密钥、--spreadsheet 指定表格 ID (cannot",
    );
  });

  it("asks to check the network and proxy when Google does not answer", () => {
    const remote = { ...target, connection: { apiBase: "https://sheets.googleapis.com/" } };
    expect(describeApiError(refused, remote)).toMatch(
      /^连不上 https:\/\/sheets\.googleapis\.com\/：请检查这台电脑的网络和代理；在中国大陆，这台电脑要能访问 Google/,
    );
  });

  it("says Google turned the key down when the token endpoint answers 400 invalid_grant (a deleted or wrong key), as /healthz does", () => {
    const rejected = Object.assign(new Error("invalid_grant: Invalid JWT Signature."), {
      response: {
        status: 400,
        data: { error: "invalid_grant", error_description: "Invalid JWT Signature." },
      },
    });
    const google = { apiBase: "https://sheets.googleapis.com/", keyFile: "wrongkey.json", local: false };
    expect(describeApiError(rejected, { ...target, connection: google })).toBe(
      "Google 拒绝了服务账号 jianyi@office.iam.gserviceaccount.com 的密钥：请检查密钥文件 wrongkey.json 是否为完整有效的 JSON 密钥（密钥可能已被删除或停用）" +
        " (key rejected by Google: invalid_grant: Invalid JWT Signature.)",
    );
    expect(
      describeApiError(rejected, {
        ...target,
        connection: google,
        key: ".dev.vars 里的 GOOGLE_SERVICE_ACCOUNT",
      }),
    ).toContain("请检查 .dev.vars 里的 GOOGLE_SERVICE_ACCOUNT 是否为完整有效的 JSON 密钥");
    // npm start's own key: the emulator it started is the one that knows it.
    expect(
      describeApiError(rejected, {
        ...target,
        connection: {
          apiBase: "http://127.0.0.1:8790/",
          keyFile: ".local/service-account.json",
          local: true,
        },
      }),
    ).toMatch(
      /^本地的表格模拟器拒绝了服务账号 .* 的密钥（\.local\/service-account\.json）：.*请停掉它，再运行 npm start /,
    );
    // A 400 from the Sheets API itself (google.rpc shape) is no key problem.
    const badRange = Object.assign(new Error("Unable to parse range"), {
      response: { status: 400, data: { error: { code: 400, status: "INVALID_ARGUMENT" } } },
    });
    expect(describeApiError(badRange, { ...target, connection: google })).toBe(
      "Sheets API 错误 400: Unable to parse range",
    );
  });
});
