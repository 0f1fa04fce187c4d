import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import type { Facts } from "../../../tools/doctor/facts";
import { sheetAndRobots } from "../../../tools/doctor/gather";
import { report, verdicts } from "../../../tools/doctor/verdicts";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { runTsx, startTestSheets, type TestSheets } from "../provision/helpers";

const CLI_TIMEOUT_MS = 60_000;
const REJECTED = (email: string, keyFile: string) =>
  `Google 拒绝了服务账号 ${email} 的密钥：请检查密钥文件 ${keyFile} 是否为完整有效的 JSON 密钥（密钥可能已被删除或停用）`;

/** What the doctor prints for the sheet and the robots, the rest of the deployment in order. */
function lines(found: Pick<Facts, "sheet" | "robots">): string[] {
  const facts: Facts = {
    mode: "remote",
    config: { ok: true, value: { databaseId: "4b1f0c7e", vars: {}, crons: [], queues: [] } },
    secrets: { ok: true, value: [] },
    migrations: { ok: true, value: [] },
    ...found,
  };
  return report(verdicts(facts)).lines.filter((l) => /^. (表格|机器人)：/.test(l));
}

describe("npm run doctor when the sheet cannot be read", () => {
  let sheets: TestSheets;
  let wrongKey: string;

  beforeAll(async () => {
    sheets = await startTestSheets();
    sheets.emulator.createSpreadsheet({
      spreadsheetId: "office",
      sheets: [
        {
          title: TAB_NAMES.units,
          rows: [
            ["单位名称", "机器人地址"],
            ["区教育局", "https://oapi.dingtalk.com/robot/send?access_token=x"],
          ],
        },
        { title: TAB_NAMES.deputies, rows: [["姓名", "机器人地址"]] },
      ],
    });
    sheets.emulator.createSpreadsheet({
      spreadsheetId: "no-deputies",
      sheets: [{ title: TAB_NAMES.units, rows: [["单位名称", "机器人地址"]] }],
    });
    // The same service account, another key: what Google answers for a deleted or replaced key.
    const other = generateServiceAccount("provision-test@jianyi-test.iam.gserviceaccount.com");
    wrongKey = path.join(path.dirname(sheets.keyFile), "wrongkey.json");
    writeFileSync(wrongKey, JSON.stringify(other.keyFile));
  });
  afterAll(async () => {
    await sheets.close();
  });

  it("says Google rejected the key file's key, in Chinese, and skips the robots instead of calling them unset", async () => {
    const found = await sheetAndRobots({ ...sheets.connection, keyFile: wrongKey }, "office");
    const out = lines(found);
    expect(out[0]).toBe(
      `✘ 表格：${REJECTED("provision-test@jianyi-test.iam.gserviceaccount.com", wrongKey)} (key rejected by Google: invalid_grant: Invalid JWT Signature.)`,
    );
    expect(out[1]).toBe("－ 机器人：读不到表格，未检查机器人地址：先修正上面的表格问题");
    expect(out.join("\n")).not.toContain("没有填写机器人地址");
  });

  it("names a key file that is not there as the sheet's problem, and goes on with the other checks", async () => {
    const missing = path.join(path.dirname(sheets.keyFile), "deleted.json");
    const out = lines(await sheetAndRobots({ ...sheets.connection, keyFile: missing }, "office"));
    expect(out[0]).toMatch(/^✘ 表格：找不到服务账号密钥文件 .*deleted\.json：/);
    expect(out[1]).toBe("－ 机器人：读不到表格，未检查机器人地址：先修正上面的表格问题");
  });

  it("with a readable sheet, checks each robot address's shape and prints it masked", async () => {
    const out = lines(await sheetAndRobots(sheets.connection, "office"));
    expect(out).toContain(
      "✘ 机器人：机器人地址“https://oapi.dingtalk.com/robot/send?access_token=…”里的 access_token 不完整（应为 64 位十六进制字符）（区教育局）：请从钉钉群的机器人设置里重新复制完整地址",
    );
    expect(out).not.toContain("－ 机器人：读不到表格，未检查机器人地址：先修正上面的表格问题");
  });

  it("says to lay the sheet out first when a directory tab is missing", async () => {
    const out = lines(await sheetAndRobots(sheets.connection, "no-deputies"));
    expect(out.at(-1)).toMatch(
      /^－ 机器人：读不到承办单位和代表的机器人地址，未检查机器人地址：先按上面的提示运行 npm run sheet:init -- --spreadsheet no-deputies，再检查一次（/,
    );
  });

  it(
    "sheet:init says the same for a rejected key",
    async () => {
      const run = await runTsx("tools/sheet-init.ts", ["--spreadsheet", "office", "--check"], {
        GOOGLE_APPLICATION_CREDENTIALS: wrongKey,
        SHEETS_API_BASE: sheets.url,
        GOOGLE_TOKEN_URL: "",
        SPREADSHEET_ID: "",
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(REJECTED("provision-test@jianyi-test.iam.gserviceaccount.com", wrongKey));
      expect(run.stderr).not.toContain("Sheets API 错误 400");
    },
    CLI_TIMEOUT_MS,
  );
});
