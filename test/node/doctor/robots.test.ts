import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import { robotOrigins } from "../../../tools/doctor/robots";
import { startTestSheets, type TestSheets } from "../provision/helpers";

let sheets: TestSheets;
beforeAll(async () => {
  sheets = await startTestSheets();
  sheets.emulator.createSpreadsheet({
    spreadsheetId: "bots",
    sheets: [
      {
        title: TAB_NAMES.units,
        rows: [
          ["单位名称", "通知渠道", "机器人地址"],
          ["区教育局", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=abc#SECabc"],
          ["区住建局", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=def"],
          ["区水利局", "email", ""],
          ["区文旅局", "feishu", "open.feishu.cn/open-apis/bot/v2/hook/x"],
        ],
      },
      {
        title: TAB_NAMES.deputies,
        rows: [
          ["姓名", "机器人地址"],
          ["王建国", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"],
        ],
      },
    ],
  });
});
afterAll(async () => {
  await sheets.close();
});

describe("the robots the doctor knocks on", () => {
  it("reads each 机器人地址 host once with who uses it, never the secret after #, in one read", async () => {
    const session = sheets.session();
    const origins = await robotOrigins(session.api, "bots");
    expect(origins).toEqual([
      { origin: "https://oapi.dingtalk.com", usedBy: ["区教育局", "区住建局"], invalid: false },
      { origin: "open.feishu.cn/open-apis/bot/v2/hook/x", usedBy: ["区文旅局"], invalid: true },
      { origin: "https://qyapi.weixin.qq.com", usedBy: ["王建国"], invalid: false },
    ]);
    expect(JSON.stringify(origins)).not.toContain("SEC");
    expect(session.counts.reads).toBe(1);
  });
});
