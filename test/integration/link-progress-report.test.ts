import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  NOW_MS,
  nonceOf,
  postForm,
  syncOffice,
  TODAY,
} from "./links-setup";
import { drainJobs, noticeDeps, officeDeps } from "./notices-setup";

/**
 * A B reply the deputy rated 满意 is 跟踪落实: every 跟踪提醒间隔天数 (90) its lead unit is asked for
 * the latest progress. 2026-004 and 2026-005 (区教育局) were replied 91 days ago (B, 推进中) and rated:
 * the unit reports 2026-004 已落实 on its page; 2026-005, not reported, is still followed up.
 */
const office = `progress-${crypto.randomUUID().slice(0, 8)}`;
const followedUp = {
  提出日期: serialFromIso(addDaysIso(TODAY, -160)),
  交办日期: serialFromIso(addDaysIso(TODAY, -150)),
  答复日期: serialFromIso(addDaysIso(TODAY, -91)),
  答复类别: "B",
  答复内容: "已纳入明年道路改造计划",
  落实情况: "推进中",
  满意度: "满意",
  测评日期: serialFromIso(addDaysIso(TODAY, -85)),
};
const NOTE = "道路拓宽工程已完工并投入使用，接送区已划设";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

async function progressKeys() {
  const { results } = await env.DB.prepare(
    "SELECT submission_id FROM inbox WHERE form = 'progress' AND suggestion_id = '2026-004'",
  ).all<{ submission_id: string }>();
  return results.map((r) => ({ form: "progress" as const, submissionId: r.submission_id }));
}

/** 2026-004's cell under `header`, as the sheet holds it now. */
async function cellOf(header: string): Promise<string> {
  const values = await emulator.getValues(office, TAB_NAMES.ledger);
  const head = (values[0] ?? []).map(String);
  const row = values.find((r) => r[head.indexOf("编号")] === "2026-004") ?? [];
  return String(row[head.indexOf(header)] ?? "");
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      ["2026-004", "区教育局", followedUp],
      ["2026-005", "区教育局", followedUp],
    ],
  });
  await syncOffice(office);
});

describe("a lead unit's 落实情况 report on its link (报送落实情况)", () => {
  it("is offered while 跟踪落实, refuses a value the ledger does not allow, lands once and ends the 跟踪提醒", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-004`;
    const before = await page(unit);
    expect(before).toContain("跟踪落实");
    expect(before).toContain(`action="${unit}/progress"`);
    expect(before).toContain("报送落实情况");
    expect(before).not.toContain("代表已测评，不能再在线修改答复");
    const nonce = nonceOf(before, `${unit}/progress`);

    // A value 落实情况 does not allow: the form comes back saying what to choose, nothing is sent.
    const bad = await postForm(`${unit}/progress`, { nonce, 落实情况: "已完成", 说明: NOTE });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("落实情况请选择 已落实 或 推进中");
    expect(await progressKeys()).toHaveLength(0);

    const sent = await postForm(`${unit}/progress`, { nonce, 落实情况: "已落实", 说明: NOTE });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toContain("done=progress");
    const again = await postForm(`${unit}/progress`, { nonce, 落实情况: "已落实", 说明: NOTE });
    expect(again.headers.get("location")).toContain("done=progress-again");
    expect(await progressKeys()).toHaveLength(1);
    const shown = await page(unit);
    expect(shown).toContain("已提交");
    expect(shown).toMatch(/提交的落实情况报送：已收到，正在写入台账/);

    // Intake writes it; a retry after a Worker that died mid-write adds nothing.
    const keys = await progressKeys();
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({
      outcome: "ok",
      updated: 1,
    });
    await env.DB.prepare("UPDATE inbox SET status = 'pending' WHERE form = 'progress'").run();
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
    expect(await cellOf("落实情况")).toBe("已落实");
    const notes = await cellOf("备注");
    const line = new RegExp(
      `^落实情况报送（区教育局 · ${TODAY} \\d\\d:\\d\\d:\\d\\d）：已落实。说明：${NOTE}$`,
      "gm",
    );
    expect(notes.match(line), notes).toHaveLength(1);

    // The next sync: 已办结, no form; the notices run follows up only the one not reported.
    await syncOffice(office, Date.now());
    const after = await page(unit);
    expect(after).toContain("已办结");
    expect(after).not.toContain(`action="${unit}/progress"`);
    const run = await noticeDeps(office);
    await runDailyNotices(run.deps, NOW_MS, { force: true });
    await drainJobs(run.deps, run.jobs);
    const { results } = await env.DB.prepare(
      "SELECT suggestion_id, recipient, body FROM notices WHERE type = '跟踪提醒' ORDER BY suggestion_id",
    ).all<{ suggestion_id: string; recipient: string; body: string }>();
    expect(results.map(({ body, ...who }) => who)).toEqual([
      { suggestion_id: "2026-005", recipient: "区教育局" },
    ]);
    // The reminder's link line names the page's form, whatever the staff's text of it says.
    expect(results[0]?.body).toMatch(
      /专属页面（在线报送落实情况，已落实的可直接报送“已落实”；仅供区教育局使用.*）：https?:\/\/\S+\/s\/2026-005$/,
    );
  });

  it("is not offered to a co-unit, nor on a suggestion still being handled", async () => {
    const lead = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    expect(await page(lead)).not.toContain(`action="${lead}/progress"`);
    const co = `${(await makeLink("unit", "区住建局")).path}/s/2026-001`;
    expect(await page(co)).not.toContain(`action="${co}/progress"`);
  });
});
