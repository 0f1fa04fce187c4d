import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { resetDatabase } from "../support/sync-helpers";
import { buildLateReplyOffice, dueOf, ledgerRow, REASSIGNED } from "./late-reply-office";
import { browse, makeLink, nonceOf, postMultipart, syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 2026-001 (区教育局) was assigned 120 days ago: its 办理期限 has passed. 2026-002 (区住建局) was
 * assigned ten days ago. 2026-003 (区卫健委) is in its second round, assigned again 60 days ago (30
 * days to reply): that 办理期限 has passed too. A unit may date its reply by its letter, before the
 * day it sends it; sent after 办理期限, 备注 says so.
 */
const office = `late-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLateReplyOffice(office);
  await syncOffice(office);
});

/** The unit's reply on its link, as its page posts it, then applied as the intake consumer does. */
async function replyOnLink(unit: string, id: string, repliedOn: string): Promise<void> {
  const page = `${(await makeLink("unit", unit)).path}/s/${id}`;
  const html = await (await browse(page)).text();
  const form = new FormData();
  const fields = {
    nonce: nonceOf(html, `${page}/reply`),
    答复类别: "A",
    答复内容: "已完成拓宽",
    答复日期: repliedOn,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const posted = await postMultipart(`${page}/reply`, form);
  expect(posted.status, await posted.clone().text()).toBe(303);
  const { results } = await env.DB.prepare("SELECT form, submission_id FROM inbox WHERE suggestion_id = ?")
    .bind(id)
    .all<{ form: InboxForm; submission_id: string }>();
  const keys = results.map((r) => ({ form: r.form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
}

describe("a unit's link reply sent after 办理期限 but dated before", () => {
  it("is taken as dated, and 备注 says when it was sent and that 办理期限 had passed", async () => {
    const due = await dueOf(office, "2026-001");
    expect(due < TODAY).toBe(true);
    const dated = addDaysIso(due, -1);

    await replyOnLink("区教育局", "2026-001", dated);

    const row = await ledgerRow(office, "2026-001");
    expect(row.答复日期).toBe(serialFromIso(dated));
    expect(String(row.备注).split("\n")).toContain(
      `答复（区教育局）：经个人链接于 ${TODAY} 提交（晚于办理期限 ${due}），所填答复日期为 ${dated}`,
    );
  });

  it("says so in the 二次答复 line of a round-2 reply sent after the second 办理期限", async () => {
    const due = await dueOf(office, "2026-003");
    expect(due < TODAY).toBe(true);

    await replyOnLink("区卫健委", "2026-003", REASSIGNED);

    const row = await ledgerRow(office, "2026-003");
    expect(row.二次答复日期).toBe(serialFromIso(REASSIGNED));
    expect(String(row.备注)).toMatch(
      new RegExp(
        `^二次答复（区卫健委 · ${TODAY} \\d{2}:\\d{2}:\\d{2}）类别 A：已完成拓宽；经个人链接于 ${TODAY} 提交（晚于办理期限 ${due}）$`,
      ),
    );
  });

  it("adds nothing to 备注 for a reply sent within 办理期限", async () => {
    await replyOnLink("区住建局", "2026-002", addDaysIso(TODAY, -1));

    const row = await ledgerRow(office, "2026-002");
    expect(row.答复日期).toBe(serialFromIso(addDaysIso(TODAY, -1)));
    expect(row.备注).toBe("");
  });
});
