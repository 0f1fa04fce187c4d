import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema";
import type { Facts, RobotFacts } from "../../../tools/doctor/facts";
import { robotAddressProblem, robotOrigins } from "../../../tools/doctor/robots";
import { report, verdicts } from "../../../tools/doctor/verdicts";
import { startTestSheets, type TestSheets } from "../provision/helpers";

const TOKEN = "7e1d6a87dd72676c589d70c559f42e5eb6e895d74e475ccf5d017aa0252a490d";
const TOKEN2 = "339b73ac2ae39cc3cb7016b53a1cbd4dcc783f97a6248649bfef3dfeb38c88f6";
const UUID = "693a91f6-7a2b-4bc4-97a0-0ec2e1fa5aaa";
const DINGTALK = "https://oapi.dingtalk.com/robot/send?access_token=";
const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=";
const FEISHU = "https://open.feishu.cn/open-apis/bot/v2/hook/";
const RECOPY_DINGTALK = "请从钉钉群的机器人设置里重新复制完整地址";

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
          ["区教育局", "dingtalk", `${DINGTALK}${TOKEN}#SECabc`],
          ["区住建局", "dingtalk", `${DINGTALK}${TOKEN2}`],
          ["区水利局", "email", ""],
          ["区文旅局", "feishu", `open.feishu.cn/open-apis/bot/v2/hook/${UUID}`],
          ["区卫健局", "dingtalk", `htps//oapi.dingtalk.com/robot/send?access_token=${TOKEN}#SECsecret`],
          ["区民政局", "dingtalk", "https://oapi.dingtalk.com/robot/send"],
        ],
      },
      {
        title: TAB_NAMES.deputies,
        rows: [
          ["姓名", "机器人地址"],
          ["王建国", `${WECOM}k`],
          ["李红", `${WECOM}${UUID}`],
        ],
      },
    ],
  });
});
afterAll(async () => {
  await sheets.close();
});

describe("the robots the doctor knocks on", () => {
  it("reads each well-formed 机器人地址 host once with who uses it, and each ill-formed address masked with what is wrong, in one read", async () => {
    const session = sheets.session();
    const origins = await robotOrigins(session.api, "bots");
    expect(origins).toEqual([
      { origin: "https://oapi.dingtalk.com", usedBy: ["区教育局", "区住建局"], invalid: false },
      {
        origin: "open.feishu.cn/open-apis/bot/v2/hook/693…",
        usedBy: ["区文旅局"],
        invalid: true,
        problem: { what: "不是完整的网址", todo: "请写成 https:// 开头的完整地址" },
      },
      {
        origin: "htps//oapi.dingtalk.com/robot/send?access_token=7e1…",
        usedBy: ["区卫健局"],
        invalid: true,
        problem: { what: "不是完整的网址", todo: "请写成 https:// 开头的完整地址" },
      },
      {
        origin: "https://oapi.dingtalk.com/robot/send",
        usedBy: ["区民政局"],
        invalid: true,
        problem: { what: "缺少 access_token=…", todo: RECOPY_DINGTALK },
      },
      {
        origin: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
        usedBy: ["王建国"],
        invalid: true,
        problem: {
          what: "里的 key 不完整（应为 xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx 这样的 36 位字符）",
          todo: "请从企业微信群的机器人设置里重新复制完整地址",
        },
      },
      { origin: "https://qyapi.weixin.qq.com", usedBy: ["李红"], invalid: false },
    ]);
    const text = JSON.stringify(origins);
    for (const secret of ["SEC", TOKEN, TOKEN2, UUID]) expect(text).not.toContain(secret);
    expect(session.counts.reads).toBe(1);
  });

  it("prints an address that is not a URL masked: never its key or token", async () => {
    const robots = (await robotOrigins(sheets.session().api, "bots")).map(
      (o): RobotFacts => ({ ...o, reach: { ok: true, value: 405 }, unknownHost: false }),
    );
    const facts: Facts = {
      mode: "remote",
      config: { ok: true, value: { databaseId: "4b1f0c7e", vars: {}, crons: [], queues: [] } },
      secrets: { ok: true, value: [] },
      migrations: { ok: true, value: [] },
      sheet: { skipped: "－" },
      robots,
    };
    const out = report(verdicts(facts)).lines.filter((l) => l.includes("机器人："));
    expect(out).toContain(
      "✘ 机器人：机器人地址“htps//oapi.dingtalk.com/robot/send?access_token=7e1…”不是完整的网址（区卫健局）：请写成 https:// 开头的完整地址",
    );
    expect(out).toContain(
      `✘ 机器人：机器人地址“https://oapi.dingtalk.com/robot/send”缺少 access_token=…（区民政局）：${RECOPY_DINGTALK}`,
    );
    expect(out).toContain("✔ 机器人：https://oapi.dingtalk.com 能连上（区教育局、区住建局）");
    for (const secret of [TOKEN, UUID, "SEC"]) expect(out.join("\n")).not.toContain(secret);
  });
});

describe("robotAddressProblem: the shape of each platform's group-robot address", () => {
  it("passes the addresses the platforms give out, and any other host (a plain webhook)", () => {
    for (const ok of [
      `${DINGTALK}${TOKEN}`,
      `${WECOM}${UUID}`,
      `${FEISHU}${UUID}`,
      `https://open.larksuite.com/open-apis/bot/v2/hook/${UUID}`,
      "https://hooks.example.org/jianyi?token=abc",
    ]) {
      expect(robotAddressProblem(ok), ok).toBeNull();
    }
  });

  it("says in Chinese what is missing or cut short, and to copy the address again", () => {
    expect(robotAddressProblem(`${DINGTALK}`)).toEqual({
      what: "缺少 access_token=…",
      todo: RECOPY_DINGTALK,
    });
    expect(robotAddressProblem(`${DINGTALK}${TOKEN.slice(0, 40)}`)).toEqual({
      what: "里的 access_token 不完整（应为 64 位十六进制字符）",
      todo: RECOPY_DINGTALK,
    });
    expect(robotAddressProblem(`https://oapi.dingtalk.com/robot/sned?access_token=${TOKEN}`)).toEqual({
      what: "不是钉钉群机器人的地址（应为 https://oapi.dingtalk.com/robot/send?access_token=…）",
      todo: RECOPY_DINGTALK,
    });
    expect(robotAddressProblem("https://qyapi.weixin.qq.com/cgi-bin/webhook/send")).toEqual({
      what: "缺少 key=…",
      todo: "请从企业微信群的机器人设置里重新复制完整地址",
    });
    expect(robotAddressProblem(FEISHU)).toEqual({
      what: "缺少 /hook/ 后面的那串字符",
      todo: "请从飞书群的机器人设置里重新复制完整地址",
    });
    expect(robotAddressProblem(`${FEISHU}${UUID.slice(0, 20)}`)?.what).toBe(
      "里 /hook/ 后面的那串字符不完整（应为 xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx 这样的 36 位字符）",
    );
    expect(robotAddressProblem(`http://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`)).toEqual({
      what: "以 http:// 开头",
      todo: "请改为 https://（或从钉钉群的机器人设置里重新复制完整地址）",
    });
    expect(robotAddressProblem("oapi.dingtalk.com/robot/send")).toEqual({
      what: "不是完整的网址",
      todo: "请写成 https:// 开头的完整地址",
    });
  });
});
