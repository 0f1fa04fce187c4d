import { describe, expect, it } from "vitest";
import type { NoticeEntry } from "../../../src/domain/dashboard/timeline";
import { NoticesPage } from "../../../src/http/dashboard/notices-page";

const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-11-20" };

const notice = (id: number, channel: string, status: string): NoticeEntry => ({
  id,
  type: "交办通知",
  suggestionId: "2026-132",
  recipient: "区自然资源局",
  channel,
  title: "代表建议交办通知：关于增设公交站点的建议",
  dueOn: "2026-11-20",
  plannedAt: "2026-11-20T01:00:00.000Z",
  status,
  attempts: 1,
  sentAt: null,
  lastError: null,
});

async function said(
  done: { id: number; via: number | null; unchanged: boolean; older?: NoticeEntry[] },
  notices: NoticeEntry[],
) {
  const retried = { ...done, older: done.older ?? [] };
  const html = String(
    await NoticesPage({ notices, counts: {}, unsent: [], status: null, retried, frame })?.toString(),
  );
  return /<div class="alert (?:ok|warn)">([^<]*)<\/div>/.exec(html)?.[1];
}

describe("/notices after 重试 names the notice as the list shows it, not by the outbox's row id", () => {
  it("by recipient, 编号, type and channel, when it went to the address that failed", async () => {
    expect(await said({ id: 31, via: null, unchanged: true }, [notice(31, "dingtalk", "待发送")])).toBe(
      "区自然资源局 2026-132 交办通知（钉钉）已重新排队发送，但接收方的地址仍是上次发送失败的那个：若已在表格中改正机器人地址或邮箱，请等下一次同步（约 10 分钟）后再重试；未改正的，这次多半仍会失败。",
    );
  });

  it("with the new channel, when its copy went over the recipient's new 通知渠道", async () => {
    const list = [notice(40, "email", "待发送"), notice(31, "dingtalk", "失败")];
    expect(await said({ id: 31, via: 40, unchanged: false }, list)).toBe(
      "接收方的通知渠道已改：区自然资源局 2026-132 交办通知（钉钉）已按新渠道（邮件）重新排队发送。",
    );
  });

  it("by its name when it is older than the notices listed (read by id)", async () => {
    const older = [notice(31, "dingtalk", "待发送")];
    expect(await said({ id: 31, via: null, unchanged: false, older }, [])).toBe(
      "区自然资源局 2026-132 交办通知（钉钉）已按接收方现在的地址重新排队发送。",
    );
  });

  it("as 所重试的通知 when its id names no notice", async () => {
    expect(await said({ id: 31, via: null, unchanged: false }, [])).toBe(
      "所重试的通知已按接收方现在的地址重新排队发送。",
    );
  });
});
