import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { buildTimeline } from "../../src/domain/dashboard/timeline";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { postForm } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

/**
 * All the 备注 lines a batch brings to one row are one write (plan-apply); the suggestion page's
 * history still says which submission brought which line.
 */
const SHEET = `note-history-${crypto.randomUUID().slice(0, 8)}`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
/** The fixture's 待测评 row (replied, not rated). */
const AWAITING_RATING = 8;

beforeEach(async () => {
  await resetDatabase();
  const sheets = fixtureSheets(buildFixture(20));
  const rows = sheets.find((t) => t.title === TAB_NAMES.ledger)?.rows ?? [];
  (rows[AWAITING_RATING] as unknown[])[col("备注")] = "代表约见时提出";
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, sheets);
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("the history of 备注 lines two submissions brought in one batch", () => {
  it("credits each submission on the suggestion page with the line it brought, not the last with both", async () => {
    const values = await emulator.getValues(SHEET, `'${TAB_NAMES.ledger}'`);
    const id = String(values[AWAITING_RATING]?.[col("编号")]);
    for (const [submissionId, comment] of [
      ["exJ-a", "路灯仍未修好"],
      ["exJ-b", "希望年内完成"],
    ] as const)
      await postForm("rating", {
        submissionId,
        submittedAt: "2026-11-26T10:00:00+08:00",
        answers: { 编号: id, 满意度: "基本满意", 测评意见: comment },
      });
    const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
      form: "rating";
      submissionId: string;
    }>();
    expect(await applyInbox(depsFor(SHEET), results, Date.now())).toMatchObject({
      outcome: "ok",
      updated: 2,
    });

    const timeline = buildTimeline(await depsFor(SHEET).snapshots.history(id), []);
    const linesOf = (title: string) => timeline.find((e) => e.title === title)?.lines ?? [];
    const before = "代表约见时提出";
    const lineA = "测评意见（提交号 exJ-a）：路灯仍未修好";
    const lineB = "测评意见（提交号 exJ-b）：希望年内完成";
    expect(linesOf("表单提交（提交号 exJ-a）")).toContain(`备注：${before} → ${before}\n${lineA}`);
    expect(linesOf("表单提交（提交号 exJ-b）")).toContain(
      `备注：${before}\n${lineA} → ${before}\n${lineA}\n${lineB}`,
    );
  });
});
