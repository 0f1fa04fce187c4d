import { env } from "cloudflare:workers";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consumeNotices } from "../../src/jobs/notices/consume";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { resetDatabase } from "../support/sync-helpers";
import { BASE, signIn, worker } from "./dashboard-helpers";
import {
  deliverBatch,
  editUnitRows,
  freshOffice,
  MONDAY_10_MS,
  noticeDeps,
  robotMessages,
  robotUrl,
  seedOffice,
} from "./notices-setup";

/**
 * A unit with two channels gets one notice per channel: when its 钉钉 robot fails for good and its
 * e-mail is sent, the unit has the notice. /notices says so, and does not count it among the
 * failures staff must act on; a unit whose only channel failed still reads 失败.
 */

const office = `reached-${crypto.randomUUID().slice(0, 8)}`;
beforeAll(async () => {
  await resetDatabase();
  await seedOffice(office);
});
beforeEach(() => freshOffice(office));

/** Staff edit rows of 承办单位, then the sync takes the tab into D1. */
const editUnits = (edits: Parameters<typeof editUnitRows>[1]) =>
  editUnitRows(office, edits, MONDAY_10_MS + 5 * 60_000);

/** The rows of /notices, each as its cells' text (tags dropped). */
function rowsOf(html: string): string[] {
  const body = html.slice(html.indexOf("<tbody>"));
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** A KPI's figure and its note, as the page shows it. */
function kpi(html: string, label: string): { value: string; note: string | null } {
  const m = new RegExp(
    `<div class="label">${label}</div><div class="value">([^<]*)</div>(?:<div class="note">([^<]*)</div>)?`,
  ).exec(html);
  if (!m) throw new Error(`no KPI ${label}`);
  return { value: m[1] ?? "", note: m[2] ?? null };
}

describe("a notice whose 钉钉 failed but whose e-mail went", () => {
  it("reads as reached by e-mail on /notices, its robot still to mend, and is not counted among the failures", async () => {
    const mail = `zjj-${office}@example.gov.cn`;
    await editUnits({
      // Two channels: a robot address the robot does not know, and a working e-mail.
      区住建局: {
        通知渠道: "dingtalk, email",
        邮箱: mail,
        机器人地址: `${robotUrl()}/robot/send?access_token=${office}-gone#SEC${office}`,
      },
      // One channel, a robot removed: nothing reaches it.
      区教育局: { 机器人地址: `${robotUrl()}/cgi-bin/webhook/send?key=${office}-removed` },
    });
    const { deps, queued } = await noticeDeps(office);
    expect(await runDailyNotices(deps, MONDAY_10_MS + 10 * 60_000)).toMatchObject({
      outcome: "ok",
      inserted: 6,
    });
    await deliverBatch(
      "jianyi-notices",
      queued.splice(0).map((body, i) => ({ id: `m${i}`, body })),
      (b) => consumeNotices(b, deps),
    );
    const { results } = await env.DB.prepare(
      "SELECT recipient, channel, status FROM notices WHERE recipient IN ('区住建局', '区教育局') ORDER BY id",
    ).all<{ recipient: string; channel: string; status: string }>();
    expect(results.map((r) => `${r.recipient} ${r.channel} ${r.status}`).sort()).toEqual([
      "区住建局 dingtalk 失败",
      "区住建局 email 已发送",
      "区教育局 wecom 失败",
    ]);
    expect(await robotMessages(mail)).toHaveLength(1);

    const cookie = await signIn();
    const response = await worker(new Request(`${BASE}/notices`, { headers: { cookie } }));
    expect(response.status).toBe(200);
    const html = await response.text();
    const rows = rowsOf(html);
    const retryButtons = [...html.matchAll(/action="\/notices\/(\d+)\/retry"/g)].map((m) => Number(m[1]));
    const ids = await env.DB.prepare("SELECT id FROM notices WHERE status = '失败' AND recipient = ?1");
    const failedId = async (recipient: string) => (await ids.bind(recipient).first<{ id: number }>())?.id;
    const zjjRobot = rows.find((r) => r.includes("区住建局") && r.includes("钉钉"));
    expect(zjjRobot).toContain("失败（已由邮件送达）");
    expect(zjjRobot).toContain(
      "钉钉发送失败，已由邮件送达，无需重试；请检查机器人地址，以后的通知仍会发往它",
    );
    const jyj = rows.find((r) => r.includes("区教育局"));
    expect(jyj).toContain("失败");
    expect(jyj).not.toContain("送达");
    // The unit has it: 重试 would only be refused (retryNotice: 同一通知已通过邮件送达).
    expect(retryButtons).toEqual([await failedId("区教育局")]);
    expect(retryButtons).not.toContain(await failedId("区住建局"));

    // Only 区教育局's failure is one staff must act on.
    expect(kpi(html, "失败")).toEqual({ value: "1", note: "另有 1 条已由其他渠道送达" });

    // As the 失败 filter and a search list it too.
    const searched = await worker(
      new Request(
        `${BASE}/notices?status=${encodeURIComponent("失败")}&q=${encodeURIComponent("区住建局")}`,
        {
          headers: { cookie },
        },
      ),
    );
    expect(rowsOf(await searched.text())).toEqual([expect.stringContaining("失败（已由邮件送达）")]);

    // The suggestion's own page tells it the same way in its timeline.
    const id = (
      await env.DB.prepare("SELECT suggestion_id AS id FROM notices WHERE recipient = '区住建局'").first<{
        id: string;
      }>()
    )?.id;
    const page = await (
      await worker(new Request(`${BASE}/suggestions/${id}`, { headers: { cookie } }))
    ).text();
    expect(page).toContain("渠道 钉钉，失败（已由邮件送达）：");
  });
});
