import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { resetDatabase } from "../support/sync-helpers";
import { BASE, signIn, worker } from "./dashboard-helpers";
import { freshOffice, MONDAY_10_MS, noticeDeps, officeDeps, officeUnits, seedOffice } from "./notices-setup";

/** What staff and leaders call each channel (the 通知渠道 column of 承办单位 takes these names). */
const CHINESE: Record<string, string> = {
  wecom: "企业微信",
  dingtalk: "钉钉",
  feishu: "飞书",
  webhook: "网络钩子",
  email: "邮件",
};
const CODE = /(渠道 |<td data-label="渠道">|<td>)(wecom|dingtalk|feishu|webhook|email)[，<]/;

const office = `channel-names-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(async () => {
  await freshOffice(office);
  expect((await runSync(await officeDeps(office), "test", MONDAY_10_MS + 60_000)).outcome).toBe("ok");
});

async function html(path: string, cookie: string): Promise<string> {
  const response = await worker(new Request(`${BASE}${path}`, { headers: { cookie } }));
  expect(response.status).toBe(200);
  return response.text();
}

describe("the dashboard names notice channels in Chinese", () => {
  it("says 钉钉, 企业微信, 飞书, 网络钩子 and 邮件 on a suggestion's page and on /notices, never the codes", async () => {
    const { deps } = await noticeDeps(office);
    expect(await runDailyNotices(deps, MONDAY_10_MS + 2 * 60_000)).toMatchObject({ outcome: "ok" });
    const notices = await deps.noticeOutbox.list({ limit: 20 });
    // One unit per channel kind: each of the five channels carries a notice.
    expect(new Set(notices.map((n) => n.channel))).toEqual(new Set(Object.keys(CHINESE)));
    const cookie = await signIn();

    const ofSuggestions = notices.filter((n) => n.suggestionId);
    expect(new Set(ofSuggestions.map((n) => n.channel)).size).toBe(5);
    for (const notice of ofSuggestions) {
      const id = notice.suggestionId ?? "";
      const page = await html(`/suggestions/${encodeURIComponent(id)}`, cookie);
      const name = CHINESE[notice.channel];
      // 变更与通知记录, then the 通知 table.
      expect(page).toContain(`渠道 ${name}，`);
      expect(page).toContain(`<td data-label="渠道">${name}</td>`);
      expect(page).not.toMatch(CODE);
    }

    const outbox = await html("/notices", cookie);
    for (const name of Object.values(CHINESE)) expect(outbox).toContain(`<td data-label="渠道">${name}</td>`);
    expect(outbox).not.toMatch(CODE);
  });

  it("says a unit's 通知渠道 in Chinese on its page", async () => {
    const cookie = await signIn();
    for (const [unit, { channel }] of Object.entries(officeUnits(office))) {
      const page = await html(`/units/${encodeURIComponent(unit)}`, cookie);
      expect(page).toContain(`· 通知渠道 ${CHINESE[channel]}</p>`);
      expect(page).not.toContain(`通知渠道 ${channel}`);
    }
  });
});
