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
  postForm,
  postMultipart,
  replyVersionOf,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * What a recipient sent through its link counts before the next sync brings it into the ledger (up
 * to ten minutes): a rating sent closes the rating form, a reply sent the objection, and a rating of
 * another round leaves this round's correction open. 2026-001 (张明 lead deputy) was replied to two
 * days ago and awaits its rating; 2026-004 (区卫健委) was assigned yesterday and awaits its reply;
 * 2026-005 (区住建局) was replied to and awaits its rating, until the last test takes it to round 2.
 */
const office = `before-sync-${crypto.randomUUID().slice(0, 8)}`;
const REPLIED = addDaysIso(TODAY, -2);
const replied = {
  答复日期: serialFromIso(REPLIED),
  答复类别: "B",
  答复内容: "已纳入明年计划",
  落实情况: "推进中",
};
const changes = { "2026-001": replied };
const more = (round2: Record<string, string | number> = {}) =>
  [
    ["2026-004", "区卫健委", { 交办日期: serialFromIso(addDaysIso(TODAY, -1)), 协办单位: "区教育局" }],
    ["2026-005", "区住建局", { ...replied, ...round2 }],
  ] as const;

function replyForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function ratings(id: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM inbox WHERE form = 'rating' AND suggestion_id = ?1",
  )
    .bind(id)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  await buildLinkOffice(office, { changes, more: more() });
  await syncOffice(office);
});

describe("a deputy's rating sent since the last sync", () => {
  it("closes the rating form, refuses a second rating from another open page, and takes the same form again as sent", async () => {
    const deputy = `${(await makeLink("deputy", "张明")).path}/s/2026-001`;
    const first = await (await browse(deputy)).text();
    const second = await (await browse(deputy)).text();
    const rated = {
      nonce: nonceOf(first, `${deputy}/rating`),
      满意度: "不满意",
      测评意见: "没有实质改善",
    };
    expect((await postForm(`${deputy}/rating`, rated)).status).toBe(303);

    const told = `您已于 ${TODAY} 提交本轮答复的测评，正在写入台账；如需修改，请联系代表工委`;
    const after = await (await browse(deputy)).text();
    expect(after).not.toContain(`action="${deputy}/rating"`);
    expect(after).toContain(told);

    const changed = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(second, `${deputy}/rating`),
      满意度: "满意",
      测评意见: "改主意了",
    });
    expect(changed.status).toBe(409);
    expect(await changed.text()).toContain(told);

    const again = await postForm(`${deputy}/rating`, rated);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(`${deputy}?done=rating#top`);
    expect(await ratings("2026-001")).toBe(1);
  });
});

describe("a unit's reply sent since the last sync", () => {
  it("closes the objection as a reply in the ledger does, and the reply form becomes its correction", async () => {
    const unit = `${(await makeLink("unit", "区卫健委")).path}/s/2026-004`;
    const before = await (await browse(unit)).text();
    expect(before).toContain(`action="${unit}/objection"`);
    const coUnit = `${(await makeLink("unit", "区教育局")).path}/s/2026-004`;
    expect(await (await browse(coUnit)).text()).toContain(`action="${coUnit}/objection"`);
    const sent = await postMultipart(
      `${unit}/reply`,
      replyForm({
        nonce: nonceOf(before, `${unit}/reply`),
        答复类别: "A",
        答复内容: "已协调资金，年内完成拓宽",
        答复日期: TODAY,
      }),
    );
    expect(sent.status).toBe(303);

    const after = await (await browse(unit)).text();
    expect(after).not.toContain(`action="${unit}/objection"`);
    // The co-unit's too: the lead unit's reply closes it for both, as in the ledger.
    expect(await (await browse(coUnit)).text()).not.toContain(`action="${coUnit}/objection"`);
    const form = after.slice(after.indexOf(`action="${unit}/reply"`));
    expect(form).toContain("更正答复");
    expect(form).toContain(">已协调资金，年内完成拓宽</textarea>");

    const objected = await postForm(`${unit}/objection`, {
      nonce: nonceOf(before, `${unit}/objection`),
      理由: "属卫健部门职责以外",
    });
    expect(objected.status).toBe(409);
    expect(await objected.text()).toContain("该建议已答复，不能再对交办提出异议");
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE form = 'objection'").first<{
      n: number;
    }>();
    expect(stored?.n).toBe(0);
  });
});

describe("a round-2 reply replied the day round 1 was rated", () => {
  it("can be corrected until the deputy rates round 2, and then neither the page nor the post offers it", async () => {
    const deputy = `${(await makeLink("deputy", "张明")).path}/s/2026-005`;
    const unit = `${(await makeLink("unit", "区住建局")).path}/s/2026-005`;
    // Round 1 rated today through the link, written by intake and brought in by a sync…
    const round1 = await (await browse(deputy)).text();
    const rated = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(round1, `${deputy}/rating`),
      满意度: "不满意",
      测评意见: "补贴标准没有提高",
    });
    expect(rated.status).toBe(303);
    const { results } = await env.DB.prepare(
      "SELECT submission_id FROM inbox WHERE form = 'rating' AND suggestion_id = '2026-005'",
    ).all<{ submission_id: string }>();
    const keys = results.map((r) => ({ form: "rating" as const, submissionId: r.submission_id }));
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
    // …then, the same day, assigned again and replied to in round 2 (staff typed it), and synced.
    await buildLinkOffice(office, {
      changes,
      more: more({
        满意度: "不满意",
        测评日期: serialFromIso(TODAY),
        二次交办日期: serialFromIso(TODAY),
        二次答复日期: serialFromIso(TODAY),
        二次答复类别: "B",
      }),
    });
    await syncOffice(office, Date.now());

    const page = await (await browse(unit)).text();
    expect(page).toContain("更正答复");
    const correction = () =>
      replyForm({
        nonce: nonceOf(page, `${unit}/reply`),
        答复类别: "A",
        答复内容: "已解决",
        答复日期: TODAY,
      });
    const corrected = await postMultipart(`${unit}/reply`, correction());
    expect(corrected.status, await corrected.clone().text()).toBe(303);

    // Round 2 rated: the unit's page says so before the next sync, and a correction is refused.
    const round2 = await (await browse(deputy)).text();
    const rated2 = await postForm(`${deputy}/rating`, {
      nonce: nonceOf(round2, `${deputy}/rating`),
      答复版本: replyVersionOf(round2),
      满意度: "满意",
      测评意见: "",
    });
    expect(rated2.status).toBe(303);
    const told = `代表已于 ${TODAY} 对本轮答复提交测评，不能再在线修改答复；如需更正，请联系代表工委`;
    const closed = await (await browse(unit)).text();
    expect(closed).not.toContain(`action="${unit}/reply"`);
    expect(closed).toContain(told);
    const refused = await postMultipart(
      `${unit}/reply`,
      replyForm({ nonce: crypto.randomUUID(), 答复类别: "A" }),
    );
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(told);
  });
});
