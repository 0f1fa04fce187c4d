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
});
