import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { runSync } from "../../src/jobs/sync/run-sync";
import { createInbox } from "../../src/store/inbox";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { errorOf, inboxCount, postForm, suggestion } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "test-sheet";

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("form webhooks: a deputy double-taps 提交", () => {
  it("stores one of two identical suggestions sent at the same instant and answers the other 409 naming its 编号", async () => {
    const answers = { 标题: "关于双击提交的建议", 领衔代表: "周刚", 内容摘要: "同一份" };
    const [a, b] = await Promise.all([
      postForm("suggestion", suggestion("tap-1", answers)),
      postForm("suggestion", suggestion("tap-2", { ...answers, 标题: `《${answers.标题}》` })),
    ]);
    const accepted = a.status === 202 ? a : b;
    const refused = a.status === 202 ? b : a;
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const { 编号 } = (await accepted.json()) as { 编号: string };
    const error = await errorOf(refused);
    expect(error.code).toBe("repeated_suggestion");
    expect(error.message).toMatch(
      new RegExp(`^您已于 \\d{4}-\\d{2}-\\d{2} 提交过标题相同的建议（${编号}），不必再次提交`),
    );
    expect(await inboxCount()).toBe(1);

    // The refused one's 编号 was taken back: the deputy's next suggestion gets the next number.
    const next = await postForm(
      "suggestion",
      suggestion("tap-3", { ...answers, 标题: "关于另一件事的建议" }),
    );
    expect(next.status).toBe(202);
    const [year, seq] = 编号.split("-");
    const following = `${year}-${String(Number(seq) + 1).padStart(seq?.length ?? 3, "0")}`;
    expect(await next.json()).toMatchObject({ 编号: following });
  });

  it("takes the same 标题 again once staff discarded the first, which the sheet could not take", async () => {
    const answers = { 标题: "关于作废后重交的建议", 领衔代表: "周刚" };
    expect((await postForm("suggestion", suggestion("first", answers))).status).toBe(202);
    const inbox = createInbox(env.DB);
    const first = await inbox.find("suggestion", "first");
    await inbox.mark(first ? [first] : [], "failed", new Date().toISOString(), "表格暂不可用");
    expect(await inbox.discard("suggestion", "first", new Date().toISOString(), "作废")).not.toBeNull();
    expect((await postForm("suggestion", suggestion("again", answers))).status).toBe(202);
    expect(await inboxCount()).toBe(2);
  });
});
