import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { channelsFromEnv } from "../../src/channels/from-env";
import type { OutgoingNotice } from "../../src/channels/types";
import type { PlannedNotice } from "../../src/domain/notices/types";
import { claimBatch, deliverNotice } from "../../src/jobs/notices/deliver";
import { createNoticeOutbox } from "../../src/store/outbox";
import { registerRobot, robotMessages } from "./notices-setup";

/**
 * The generic webhook and e-mail as the receiving end meets them, through the real runtime's fetch
 * (workerd) and the stand-in robot server on loopback (NOTICE_SINK_URL keeps each address's path).
 */

const run = crypto.randomUUID().slice(0, 8);

function notice(address: string, channel: "webhook" | "email"): OutgoingNotice {
  return {
    id: 7,
    key: `交办通知|2026-001|r1|2026-03-02|区教育局|${channel}`,
    plannedAt: "2026-03-02T02:00:00.000Z",
    type: "交办通知",
    suggestionId: "2026-001",
    recipient: "区教育局",
    address,
    title: "代表建议交办通知：2026-001",
    body: "区教育局：现将 2026-001 号建议交你单位办理。",
  };
}

describe("a webhook address that redirects", () => {
  it("is 失败 with the new address named, and the receiver is never sent a bodiless GET", async () => {
    await registerRobot({ kind: "webhook", token: `new-${run}` });
    await registerRobot({ kind: "webhook", token: `moved-${run}`, redirectTo: `/webhook/new-${run}` });
    const result = await channelsFromEnv(env, "test").webhook.send(
      notice(`http://hooks.example.gov.cn/webhook/moved-${run}`, "webhook"),
    );
    // workerd answers redirect: "manual" with the 301 itself and its Location (no opaqueredirect).
    expect(result).toEqual({
      ok: false,
      retryable: false,
      status: 301,
      error: `地址返回跳转（HTTP 301，跳转到 http://hooks.example.gov.cn/webhook/new-${run}），通知没有送到：请把区教育局在『承办单位』（或『代表』『领导』）中的机器人地址改为跳转后的地址（原有 # 后的密钥照旧写上）`,
      retryAfterSeconds: undefined,
    });
    expect(await robotMessages(`new-${run}`)).toEqual([]);
  });
});

describe("notice e-mail", () => {
  it("comes from NOTICE_EMAIL_FROM_NAME, and replies go to NOTICE_EMAIL_REPLY_TO", async () => {
    const to = `jyj-${run}@example.gov.cn`;
    const channels = channelsFromEnv(
      {
        ...env,
        NOTICE_EMAIL_FROM: "notices@rd.example.gov.cn",
        NOTICE_EMAIL_FROM_NAME: "北城区人大常委会代表工委",
        NOTICE_EMAIL_REPLY_TO: "dbgw@rd.example.gov.cn",
      },
      "test",
    );
    expect(await channels.email.send(notice(to, "email"))).toEqual({ ok: true, status: null });
    const [mail] = await robotMessages(to);
    expect(mail?.mail?.from).toBe("北城区人大常委会代表工委 <notices@rd.example.gov.cn>");
    expect(String(mail?.body)).toContain("\r\nReply-To: <dbgw@rd.example.gov.cn>\r\n");
  });
});

describe("an unsigned generic webhook", () => {
  it("is 已发送 with a note staff read on /notices: sign it", async () => {
    await registerRobot({ kind: "webhook", token: `open-${run}` });
    const outbox = createNoticeOutbox(env.DB);
    const planned: PlannedNotice = {
      key: `交办通知|2026-001|r1|2026-03-02|区教育局|webhook|${run}`,
      type: "交办通知",
      suggestionId: "2026-001",
      round: 1,
      occurrence: "2026-03-02",
      recipient: "区教育局",
      recipientKind: "unit",
      channel: "webhook",
      address: `https://hooks.example.gov.cn/webhook/open-${run}`,
      title: "代表建议交办通知：2026-001",
      body: "区教育局：现将 2026-001 号建议交你单位办理。",
      dueOn: "2026-03-02",
    };
    const [id = 0] = await outbox.insert([planned], "2026-03-02T02:00:00.000Z");
    const deps = { noticeOutbox: outbox, channels: channelsFromEnv(env, "test") };
    const claims = await claimBatch(deps, [id]);
    expect(await deliverNotice(deps, claims.get(id), 1)).toEqual({ kind: "sent" });
    const stored = await outbox.get(id);
    expect(stored).toMatchObject({
      status: "已发送",
      lastError: "通用 webhook 未签名：接收方无法核实来源，请在地址后加 #密钥 或设置 NOTICE_WEBHOOK_SECRET",
    });
    expect(await robotMessages(`open-${run}`)).toHaveLength(1);
  });
});
