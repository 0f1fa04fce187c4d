import { env } from "cloudflare:workers";
import { beforeEach, expect, it } from "vitest";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { reshapeBeforeNextWrite, reshapeOutcome } from "../support/reshape";
import { postForm } from "../support/signed-post";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const SHEET = "intake-held-reason-once";
const ROWS = 40;

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteFaults();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(ROWS)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

it("a reply held because its row changed says why once, not once per cell", async () => {
  await postForm("reply", {
    submissionId: "r-2026-005",
    submittedAt: "2026-11-20T10:00:00+08:00",
    answers: { 编号: "2026-005", 答复日期: "2026-11-20", 答复类别: "A", 答复内容: "答复2026-005" },
  });
  // A person retypes 2026-005's 编号 (sheet row 6) in the instant before the reply's three cells are written.
  const hook = await reshapeBeforeNextWrite(SHEET, "type a 编号", ROWS + 1, 6);

  const applied = await applyInbox(
    depsFor(SHEET),
    [{ form: "reply", submissionId: "r-2026-005" }],
    Date.now(),
  );

  expect(await reshapeOutcome(hook)).toEqual({ fired: 1, errors: [] });
  expect(applied.outcome).toBe("failed");
  const entry = await env.DB.prepare(
    "SELECT status, last_error FROM inbox WHERE submission_id = 'r-2026-005'",
  ).first<{ status: string; last_error: string }>();
  expect(entry).toEqual({ status: "pending", last_error: "暂未写入：该行已移走或被改动" });
});
