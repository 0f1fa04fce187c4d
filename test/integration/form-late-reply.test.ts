import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { postForm } from "../support/signed-post";
import { resetDatabase } from "../support/sync-helpers";
import { buildLateReplyOffice, dueOf, ledgerRow, REASSIGNED } from "./late-reply-office";
import { syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * The office of link-late-reply.test.ts, answered through the form webhook instead: 2026-001 and
 * 2026-004 (区教育局) and 2026-003 (区卫健委, in round 2) are past their 办理期限.
 * A unit's form may date its reply by its letter; sent after 办理期限, 备注 says it came by form.
 */
const office = `form-late-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLateReplyOffice(office, [
    ["2026-004", "区教育局", { 交办日期: serialFromIso(addDaysIso(TODAY, -120)) }],
  ]);
  await syncOffice(office);
});

/** Applies every submission not yet in the sheet, as the intake consumer does. */
async function applyPending(): Promise<void> {
  const { results } = await env.DB.prepare(
    "SELECT form, submission_id AS submissionId FROM inbox WHERE status = 'pending'",
  ).all<{ form: "reply"; submissionId: string }>();
  expect(await applyInbox(await officeDeps(office), results, Date.now())).toMatchObject({ outcome: "ok" });
}

/**
 * A unit's reply on the office's form, submitted at `submittedAt` (Beijing time), then applied. A reply
 * "sent today" is sent at today's first moment: a later hour would be in the future before it.
 */
async function replyOnForm(submissionId: string, id: string, repliedOn: string, submittedAt: string) {
  const posted = await postForm("reply", {
    submissionId,
    submittedAt,
    answers: { 编号: id, 答复类别: "A", 答复内容: "已完成拓宽", 答复日期: repliedOn },
  });
  expect(posted.status, await posted.clone().text()).toBe(202);
  await applyPending();
}

const notesOf = async (id: string) => String((await ledgerRow(office, id)).备注).split("\n");

describe("a unit's form reply sent after 办理期限 but dated before", () => {
  it("is taken as dated, and 备注 says once that it came by form after 办理期限 (a retried batch adds nothing)", async () => {
    const due = await dueOf(office, "2026-001");
    expect(due < TODAY).toBe(true);
    const dated = addDaysIso(due, -1);

    await replyOnForm("form-late-1", "2026-001", dated, `${TODAY}T00:00:00+08:00`);
    // The batch is applied again (its inbox status was lost after the write landed).
    await env.DB.prepare("UPDATE inbox SET status = 'pending' WHERE submission_id = 'form-late-1'").run();
    await applyPending();

    const row = await ledgerRow(office, "2026-001");
    expect(row.答复日期).toBe(serialFromIso(dated));
    expect(await notesOf("2026-001")).toEqual([
      `答复（提交号 form-late-1）：经表单于 ${TODAY} 提交（晚于办理期限 ${due}），所填答复日期为 ${dated}`,
    ]);
  });

  it("says so in the 二次答复 line of a round-2 form reply sent after the second 办理期限", async () => {
    const due = await dueOf(office, "2026-003");
    expect(due < TODAY).toBe(true);

    await replyOnForm("form-late-2", "2026-003", REASSIGNED, `${TODAY}T00:00:00+08:00`);

    const row = await ledgerRow(office, "2026-003");
    expect(row.二次答复日期).toBe(serialFromIso(REASSIGNED));
    expect(String(row.备注)).toMatch(
      new RegExp(
        `^二次答复（提交号 form-late-2 · [\\d-]+ [\\d:]+）类别 A：已完成拓宽；经表单于 ${TODAY} 提交（晚于办理期限 ${due}）$`,
      ),
    );
  });

  it("adds nothing for a form reply submitted on its 办理期限, though the webhook came later", async () => {
    const due = await dueOf(office, "2026-004");
    expect(due < TODAY).toBe(true);

    // Submitted that evening by the form's own time; the form's webhook reaches the Worker today.
    await replyOnForm("form-on-time", "2026-004", addDaysIso(due, -1), `${due}T21:30:00+08:00`);

    expect((await ledgerRow(office, "2026-004")).备注).toBe("");
  });
});
