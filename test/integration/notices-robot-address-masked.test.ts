import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { noticeLogTab } from "../../sheets-schema/tabs";
import { flushNoticeLog } from "../../src/jobs/notices/log-to-sheet";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { call, dashboardDeps, SHEET, seedAndSync } from "./dashboard-helpers";

// A 周报接收人 is named by its robot address: whoever has its key can post into the leaders' group.
const KEY = "693a91f6-7aaa-4bc4-97a0-0ec2afa5aaa1";
const ROBOT = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${KEY}`;
const TOKEN = "5f3c0e1d2b4a69788f1e0d2c3b4a5968";
const DINGTALK = `https://oapi.dingtalk.com/robot/send?access_token=${TOKEN}`;

beforeAll(() => {
  const tabs = buildFixture(40);
  tabs[TAB_NAMES.noticeLog] = [noticeLogTab.columns.map((c) => c.header)];
  return seedAndSync(tabs);
});
afterAll(() => vi.useRealTimers());

/** A 督办周报 that went out (or failed) to `recipient`, not yet written to 通知记录. */
async function digestNotice(recipient: string, status: "已发送" | "失败"): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO notices (idempotency_key, type, suggestion_id, recipient, channel, address, title, body, due_on,
       planned_at, status, attempts, sent_at, finished_at, last_error, logged_to_sheet)
     VALUES (?1, '督办周报', NULL, ?2, ?3, ?4, '代表建议办理督办周报', '正文', '2026-11-23', '2026-11-23T01:00:00.000Z',
       ?5, 1, ?6, '2026-11-23T01:00:05.000Z', ?7, 0)`,
  )
    .bind(
      `督办周报|-|r1|w2026-11-23|${recipient}`,
      recipient,
      recipient.includes("dingtalk") ? "dingtalk" : "wecom",
      `${recipient}#SECsigning`,
      status,
      status === "已发送" ? "2026-11-23T01:00:05.000Z" : null,
      status === "失败" ? "机器人地址不存在（HTTP 404）" : null,
    )
    .run();
}

describe("a robot address shown to staff", () => {
  it("keeps its key out of 通知记录, the 通知 page and the API, showing host, path and the key's start", async () => {
    await digestNotice(ROBOT, "已发送");
    await digestNotice(DINGTALK, "失败");

    const flushed = await flushNoticeLog(await dashboardDeps(), Date.now());
    expect(flushed, JSON.stringify(flushed)).toMatchObject({ outcome: "ok", logged: 2 });
    const log = await emulator.getValues(SHEET, `'${TAB_NAMES.noticeLog}'`);
    const recipients = log.slice(1).map((row) => row[log[0]?.indexOf("接收方") ?? -1]);
    expect(recipients).toEqual(
      expect.arrayContaining([
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693…",
        "https://oapi.dingtalk.com/robot/send?access_token=5f3…",
      ]),
    );

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(FIXTURE_NOW_MS);
    const html = await (await call("/notices")).text();
    const api = await (await call("/api/notices?type=督办周报")).text();
    vi.useRealTimers();
    expect(html).toContain("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693…");
    expect(api).toContain("https://oapi.dingtalk.com/robot/send?access_token=5f3…#***");
    for (const shown of [JSON.stringify(log), html, api]) {
      expect(shown).not.toContain(KEY);
      expect(shown).not.toContain(TOKEN);
      expect(shown).not.toContain("SECsigning");
    }
  });
});
