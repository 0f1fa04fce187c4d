import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { postForm } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * A row an old intake damaged: the deputy's 满意度 was written before the unit had replied (ratings
 * now wait for the reply). The fixture's 2026-005 awaits its reply; here it also holds that rating.
 */
const SHEET = "early-rating-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);

const rowOf = async (id: string) =>
  (await emulator.getValues(SHEET, LEDGER)).find((r) => r[col("编号")] === id) ?? [];

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  const fixture = buildFixture(20);
  const row = fixture[TAB_NAMES.ledger]?.find((r) => r[col("编号")] === "2026-005");
  if (!row) throw new Error("the fixture has no 2026-005");
  // It awaits its reply: assigned, no 答复日期.
  expect([row[col("答复日期")], Boolean(row[col("交办日期")])]).toEqual(["", true]);
  row[col("满意度")] = "满意";
  row[col("测评日期")] = 46340; // 2026-11-14
  await emulator.createSpreadsheet(SHEET, fixtureSheets(fixture));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("a unit's reply to a row rated before any reply", () => {
  it("lands in the row, the early rating kept and noted in 备注 for staff", async () => {
    const reply = await postForm("reply", {
      submissionId: "after-early",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-005", 答复日期: "2026-11-26", 答复类别: "A", 答复内容: "已解决" },
    });
    expect(reply.status).toBe(202);

    const applied = await applyInbox(
      depsFor(SHEET),
      [{ form: "reply", submissionId: "after-early" }],
      Date.now(),
    );
    expect(applied).toMatchObject({ outcome: "ok", updated: 1, refused: 0 });
    const row = await rowOf("2026-005");
    expect(row[col("答复日期")]).toBe(46352); // 2026-11-26
    expect(row[col("答复类别")]).toBe("A");
    expect(row[col("答复内容")]).toBe("已解决");
    expect(row[col("满意度")]).toBe("满意");
    expect(String(row[col("备注")])).toContain(
      "答复（提交号 after-early）写入时，本轮已有满意度“满意”、测评日期 2026-11-14，早于答复：仍作为本轮的测评",
    );
    const kept = await env.DB.prepare("SELECT status FROM inbox WHERE submission_id = 'after-early'").first();
    expect(kept).toEqual({ status: "applied" });
  });
});
