import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { columnLetter } from "../../src/domain/a1";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { postForm } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * Two replies for one suggestion and round that disagree (explorer BM: 答复类别 A and B from its
 * 主办单位 at the same time): the ledger takes the last one, as ever, and 校验问题 and /problems
 * carry a 提醒 on that row naming both, until staff change the reply in the sheet.
 */
// The HTTP routes work on the Worker's configured spreadsheet (SPREADSHEET_ID=test-sheet).
const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
/** The fixture's 2026-005: 办理中, not yet replied. */
const ID = "2026-005";

const problemsPage = async () =>
  (
    await exports.default.fetch(
      new Request("http://jianyi.test/problems", { headers: { authorization: "Bearer test-admin-token" } }),
    )
  ).text();

const problemsTab = async () => await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);

async function reply(submissionId: string, 答复类别: string, 答复内容: string) {
  const sent = await postForm("reply", {
    submissionId,
    submittedAt: "2026-11-26T10:00:00+08:00",
    answers: { 编号: ID, 答复类别, 答复内容, 联系人: "张三" },
  });
  expect(sent.status).toBe(202);
}

async function applyAndSync(ids: readonly string[]) {
  const keys = ids.map((submissionId) => ({ form: "reply" as const, submissionId }));
  expect(await applyInbox(depsFor(SHEET), keys, Date.now())).toMatchObject({
    outcome: "ok",
    updated: ids.length,
  });
  // Received on the fixture's clock (its syncs run on 2026-11-26), a second apart, in order.
  for (const [i, id] of ids.entries())
    await env.DB.prepare("UPDATE inbox SET received_at = ?1 WHERE submission_id = ?2")
      .bind(`2026-11-26T01:00:0${i}.000Z`, id)
      .run();
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
}

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("two different replies for one suggestion and round", () => {
  it("are a 提醒 on the row in 校验问题 and on /problems, naming both and the one the ledger took, until staff edit the reply", async () => {
    await reply("r-bm-a", "A", "表单答复甲");
    await reply("r-bm-b", "B", "表单答复乙");
    await applyAndSync(["r-bm-a", "r-bm-b"]);

    const ledger = await emulator.getValues(SHEET, LEDGER);
    const at = ledger.findIndex((r) => r[col("编号")] === ID);
    expect(ledger[at]?.[col("答复类别")]).toBe("B");
    const said =
      "2026-005 第 1 轮收到 2 份不同的答复（提交号 r-bm-a：A 类；r-bm-b：B 类），台账采用了最后收到的 r-bm-b；如应采用另一份，请在台账中改正答复类别和答复内容（改后不再提醒）；如台账无误，无需处理，本提醒 7 天后不再显示";
    const listed = (await problemsTab()).filter((r) => r.some((c) => String(c).includes(said)));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual(
      expect.arrayContaining([
        TAB_NAMES.ledger,
        at + 1,
        ID,
        "答复类别",
        "提醒",
        expect.stringContaining(said),
      ]),
    );
    expect(await problemsPage()).toContain(said);

    // Staff decide for A: the 提醒 has done its work.
    await depsFor(SHEET).sheets.batchUpdateValues(
      [{ range: `${LEDGER}!${columnLetter(col("答复类别"))}${at + 1}`, values: [["A"]] }],
      "USER_ENTERED",
    );
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    expect((await problemsTab()).filter((r) => r.some((c) => String(c).includes("份不同的答复")))).toEqual(
      [],
    );
    expect(await problemsPage()).not.toContain("份不同的答复");
  });

  it("says nothing of two identical replies", async () => {
    await reply("r-same-a", "A", "表单答复甲");
    await reply("r-same-b", "A", "表单答复甲");
    await applyAndSync(["r-same-a", "r-same-b"]);

    expect((await problemsTab()).filter((r) => r.some((c) => String(c).includes("份不同的答复")))).toEqual(
      [],
    );
    expect(await problemsPage()).not.toContain("份不同的答复");
  });
});
