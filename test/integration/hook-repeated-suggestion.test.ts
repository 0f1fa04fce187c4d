import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { errorOf, inboxCount, postForm, suggestion } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

/** Writes every stored submission into the sheet (the queue consumer), then syncs (the cron). */
async function applyAndSync() {
  const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
    form: "suggestion";
    submissionId: string;
  }>();
  await applyInbox(depsFor(SHEET), results, Date.now());
  await runSync(depsFor(SHEET), "test", Date.now());
}

const titled = async (title: string) =>
  (await emulator.getValues(SHEET, LEDGER)).filter((r) => String(r[col("标题")] ?? "").trim() === title);

describe("form webhooks: a suggestion the deputy already submitted", () => {
  it("is refused with 409 naming its 编号 when a form sends it again with a new submissionId, and nothing is stored", async () => {
    const answers = { 标题: "关于N重复标题的建议", 领衔代表: "周刚", 内容摘要: "同一份" };
    const first = await postForm("suggestion", suggestion("resp-1", answers));
    expect(first.status).toBe(202);
    const { 编号 } = (await first.json()) as { 编号: string };
    // Minutes later, before any sync has the first in the ledger: the inbox still holds it.
    const soon = await postForm("suggestion", suggestion("resp-0", answers));
    expect(soon.status).toBe(409);
    expect((await errorOf(soon)).message).toContain(`提交过标题相同的建议（${编号}）`);
    await applyAndSync();

    // 提交另一份回复, and a form service retrying with a fresh id (a trailing space in 标题).
    for (const [id, 标题] of [
      ["resp-2", answers.标题],
      ["resp-3", `${answers.标题} `],
    ] as const) {
      const again = await postForm("suggestion", suggestion(id, { ...answers, 标题 }));
      expect(again.status).toBe(409);
      const error = await errorOf(again);
      expect(error.code).toBe("repeated_suggestion");
      expect(error.message).toMatch(
        new RegExp(
          `^您已于 \\d{4}-\\d{2}-\\d{2} 提交过标题相同的建议（${编号}），不必再次提交；如是另一件建议，请修改标题后再提交$`,
        ),
      );
    }
    expect(await inboxCount()).toBe(1);
    // The first submission sent again is still answered with its own 编号.
    const repeat = await postForm("suggestion", suggestion("resp-1", answers));
    expect(repeat.status).toBe(200);
    expect(await repeat.json()).toMatchObject({ 编号 });
    await applyAndSync();
    expect((await titled(answers.标题)).map((r) => r[col("编号")])).toEqual([编号]);
  });

  it("is refused when the deputy leads a suggestion of that title staff typed into the ledger; another deputy's goes in", async () => {
    const 标题 = "关于改进第1号民生事项的建议";
    const lead = DEPUTIES[0] as string;
    const refused = await postForm(
      "suggestion",
      suggestion("typed-1", { 标题: `《${标题}》`, 领衔代表: lead }),
    );
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toContain("提交过标题相同的建议（2026-001）");
    expect(await inboxCount()).toBe(0);

    const other = await postForm(
      "suggestion",
      suggestion("typed-2", { 标题, 领衔代表: DEPUTIES[3] as string }),
    );
    expect(other.status).toBe(202);
  });
});
