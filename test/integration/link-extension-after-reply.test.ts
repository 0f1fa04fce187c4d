import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
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
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * A lead unit's reply sent on its link closes the 延期申请 at once, as the reply does once the next
 * sync brings it into the ledger (up to ten minutes later): 2026-004 (区卫健委) was assigned
 * yesterday, so a 延期申请 is open until the unit replies.
 */
const office = `ext-after-reply-${crypto.randomUUID().slice(0, 8)}`;
const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const TOLD = "该建议已答复，不需要延期";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

async function extensionsSent(): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM inbox WHERE form = 'extension' AND suggestion_id = '2026-004'",
  ).first<{ n: number }>();
  return row?.n ?? 0;
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [["2026-004", "区卫健委", { 交办日期: serialFromIso(addDaysIso(TODAY, -1)) }]],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [header(coOpinionsTab)],
    },
  });
  await syncOffice(office);
});

describe("a lead unit's reply sent since the last sync", () => {
  it("closes the 延期申请 on the page and refuses its post in the words used once the reply is synced", async () => {
    const unit = `${(await makeLink("unit", "区卫健委")).path}/s/2026-004`;
    const before = await page(unit);
    expect(before).toContain(`action="${unit}/extension"`);
    const reply = new FormData();
    reply.set("nonce", nonceOf(before, `${unit}/reply`));
    reply.set("答复类别", "A");
    reply.set("答复内容", "已协调资金，年内完成拓宽");
    reply.set("答复日期", TODAY);
    expect((await postMultipart(`${unit}/reply`, reply)).status).toBe(303);

    // Before the sync: no form, and the form of the page opened before the reply is refused.
    const extension = { nonce: nonceOf(before, `${unit}/extension`), 理由: "需协调市级部门统筹资金" };
    const sentPage = await page(unit);
    expect(sentPage).not.toContain(`action="${unit}/extension"`);
    // Its 更正答复 form starts from what it sent, the date as a date (a serial number reads as blank).
    expect(sentPage).toMatch(new RegExp(`name="答复日期" value="${TODAY}"`));
    const refused = await postForm(`${unit}/extension`, extension);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(TOLD);
    expect(await extensionsSent()).toBe(0);

    // Once intake wrote the reply and a sync brought it in: the same page, the same words.
    const { results } = await env.DB.prepare(
      "SELECT submission_id FROM inbox WHERE form = 'reply' AND suggestion_id = '2026-004'",
    ).all<{ submission_id: string }>();
    const keys = results.map((r) => ({ form: "reply" as const, submissionId: r.submission_id }));
    expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
    await syncOffice(office, Date.now());
    expect(await page(unit)).not.toContain(`action="${unit}/extension"`);
    const synced = await postForm(`${unit}/extension`, extension);
    expect(synced.status).toBe(409);
    expect(await synced.text()).toContain(TOLD);
    expect(await extensionsSent()).toBe(0);
  });
});
