import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  PDF,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 区教育局 replies to 2026-001 (no reply on record) through its link, and 区卫健委 corrects its
 * reply on record to 2026-003 (C, 待测评). Until the next sync each unit's reply card shows the reply
 * it sent, marked with what 已提交 says of it; the deputy's page shows the reply once the sync
 * brings it in (the 答复告知 follows that sync), not before.
 */
const office = `reply-awaiting-${crypto.randomUUID().slice(0, 8)}`;
const OLD_DAY = addDaysIso(TODAY, -3);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-003": { 答复日期: serialFromIso(OLD_DAY), 答复类别: "C", 答复内容: "受条件限制，暂无法实施" },
    },
  });
  await syncOffice(office);
});

/** The current round's card (the first) as the page shows it. */
function card(page: string): { title: string; on: string; replyClass: string; content: string } {
  const at = page.indexOf('<section class="card"><h2>', page.indexOf("建议内容"));
  const html = page.slice(at);
  const field = (label: string) => new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`).exec(html)?.[1] ?? "";
  return {
    title: /<h2>([^<]*)<\/h2>/.exec(html)?.[1] ?? "",
    on: field("答复日期"),
    replyClass: field("答复类别"),
    content: field("答复内容"),
  };
}

async function reply(path: string, cells: Record<string, string>, letter = false): Promise<void> {
  const form = new FormData();
  form.set("nonce", nonceOf(await (await browse(path)).text(), `${path}/reply`));
  for (const [k, v] of Object.entries(cells)) form.set(k, v);
  if (letter) form.set("答复函", new File([PDF], "答复函.pdf", { type: "application/pdf" }));
  expect((await postMultipart(`${path}/reply`, form)).status).toBe(303);
}

async function applyReplies(): Promise<void> {
  const { results } = await env.DB.prepare("SELECT submission_id FROM inbox WHERE form = 'reply'").all<{
    submission_id: string;
  }>();
  const keys = results.map((r) => ({ form: "reply" as const, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
}

describe("a unit's page between replying through the link and the next sync", () => {
  it("shows the sent reply on its card, first reply and correction alike; the deputy sees it after the sync", async () => {
    const education = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const health = `${(await makeLink("unit", "区卫健委")).path}/s/2026-003`;
    const deputy = `${(await makeLink("deputy", "张明")).path}/s/2026-001`;
    const text = "已纳入明年计划，暑期拓宽道路";
    await reply(education, { 答复类别: "B", 答复内容: text, 落实情况: "推进中", 答复日期: TODAY }, true);
    await reply(health, { 答复类别: "A", 答复内容: "已协调资金，年内完成", 答复日期: TODAY });

    const first = await (await browse(education)).text();
    expect(first).toContain("提交的答复：已收到，正在写入台账");
    expect(card(first)).toEqual({
      title: "答复",
      on: `${TODAY}（本单位提交的答复：正在写入台账）`,
      replyClass: "B 类（正在解决或列入计划）",
      content: text,
    });
    expect(await (await browse(deputy)).text()).not.toContain(text);

    await applyReplies();
    const state = "已写入台账，下次同步后本页更新";
    const written = await (await browse(education)).text();
    expect(written).toContain(`提交的答复：${state}`);
    expect(card(written).on).toBe(`${TODAY}（本单位提交的答复：${state}）`);
    // Its 答复函 is offered on the card while the row the page reads has none yet.
    expect(written).toMatch(
      /<dt>答复函<\/dt><dd><a href="[^"]+\/files\/letters\/[^"]+"[^>]*>答复函 1（PDF）<\/a>/,
    );
    const corrected = await (await browse(health)).text();
    expect(card(corrected)).toEqual({
      title: "答复",
      on: `${TODAY}（本单位提交的答复：${state}）`,
      replyClass: "A 类（已解决或采纳）",
      content: "已协调资金，年内完成",
    });
    expect(corrected).not.toContain("受条件限制，暂无法实施");
    // Not the unit's answer on record until the office's sync: the deputy's page has no reply yet.
    const before = await (await browse(deputy)).text();
    expect(before).not.toContain(text);
    expect(before).not.toContain("<h2>答复</h2>");

    await syncOffice(office, Date.now());
    const synced = await (await browse(education)).text();
    expect(card(synced)).toMatchObject({ on: TODAY, content: text });
    expect(card(await (await browse(deputy)).text())).toMatchObject({
      title: "答复",
      on: TODAY,
      content: text,
    });
  });
});
