import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice, TODAY } from "./links-setup";
import { drainJobs, ledgerCol, ledgerValues, noticeDeps, officeDeps } from "./notices-setup";

/**
 * 2026-001 and 2026-002 (张明 leads both) and 2026-003 (李华) were replied to 测评期限天数 (30) days ago
 * and await their ratings: today their deputies are due a 测评提醒 (and the 答复告知 the sync saw
 * today). 张明 rates 2026-001 and 2026-002 through his link; intake writes the first to the sheet
 * within seconds, the second still waits in the inbox. A notices run before the next sync plans from
 * the last sync's ledger, where neither rating is yet: it must not ask him to rate what he rated.
 */
const office = `rating-before-sync-${crypto.randomUUID().slice(0, 8)}`;
const REPLIED = {
  提出日期: serialFromIso(addDaysIso(TODAY, -70)),
  交办日期: serialFromIso(addDaysIso(TODAY, -60)),
  答复日期: serialFromIso(addDaysIso(TODAY, -30)),
  答复类别: "A",
  答复内容: "已完成道路拓宽",
};

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: { "2026-001": REPLIED, "2026-002": REPLIED, "2026-003": REPLIED },
  });
  await syncOffice(office);
});

/** 张明 rates a suggestion 满意 through his link page; the inbox entry's submission id. */
async function rateThroughLink(link: string, id: string): Promise<string> {
  const page = `${link}/s/${id}`;
  const html = await (await browse(page)).text();
  const sent = await postForm(`${page}/rating`, {
    nonce: nonceOf(html, `${page}/rating`),
    满意度: "满意",
    测评意见: "",
  });
  expect(sent.status, (await sent.text()).slice(0, 400)).toBe(303);
  const entry = await env.DB.prepare(
    "SELECT submission_id FROM inbox WHERE form = 'rating' AND suggestion_id = ?1",
  )
    .bind(id)
    .first<{ submission_id: string }>();
  if (!entry) throw new Error(`no rating of ${id} in the inbox`);
  return entry.submission_id;
}

/** A forced notices run now; what the outbox holds for the deputies, as "编号 recipient type". */
async function noticesRun(): Promise<string[]> {
  const run = await noticeDeps(office);
  const result = await runDailyNotices(run.deps, Date.now(), { force: true });
  expect(result.outcome).toBe("ok");
  await drainJobs(run.deps, run.jobs);
  const { results } = await env.DB.prepare(
    `SELECT suggestion_id, recipient, type FROM notices WHERE type IN ('答复告知', '测评提醒')
     ORDER BY suggestion_id, type`,
  ).all<{ suggestion_id: string; recipient: string; type: string }>();
  return results.map((n) => `${n.suggestion_id} ${n.recipient} ${n.type}`);
}

describe("a rating sent through the deputy's link before the next sync", () => {
  it("holds that round's 答复告知 and 测评提醒 until the sync records the rating", async () => {
    const link = (await makeLink("deputy", "张明")).path;
    const written = await rateThroughLink(link, "2026-001");
    await rateThroughLink(link, "2026-002");
    // Intake writes 2026-001's rating to the sheet; 2026-002's is still being written.
    const applied = await applyInbox(
      await officeDeps(office),
      [{ form: "rating", submissionId: written }],
      Date.now(),
    );
    expect(applied).toMatchObject({ outcome: "ok" });

    // 李华, who has not rated, is asked; 张明 is asked about neither suggestion he rated.
    expect(await noticesRun()).toEqual(["2026-003 李华 测评提醒", "2026-003 李华 答复告知"]);

    // The next sync records the rating intake wrote; a run after it still asks 张明 nothing (2026-002's
    // rating still waits to be written: this test's intake queue delivers nothing).
    await syncOffice(office, Date.now());
    const rows = await ledgerValues(office);
    const row001 = rows.find((r) => r[ledgerCol("编号")] === "2026-001");
    expect(row001?.[ledgerCol("满意度")]).toBe("满意");
    expect(await noticesRun()).toEqual(["2026-003 李华 测评提醒", "2026-003 李华 答复告知"]);
  });
});
