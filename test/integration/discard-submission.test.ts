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
 * A submission the sync can never place (a reply to a 编号 no row holds) is an 错误 in 校验问题 on
 * every sync: staff void it from the 校验问题 page, and it is kept but no longer tried or listed.
 */
// The HTTP routes work on the Worker's configured spreadsheet (SPREADSHEET_ID=test-sheet).
const SHEET = "test-sheet";
const auth = { authorization: "Bearer test-admin-token" };
const api = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(
    new Request(`http://jianyi.test${path}`, { ...init, headers: { ...auth, ...init.headers } }),
  );
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const form = { method: "POST", headers: { origin: "http://jianyi.test" }, redirect: "manual" as const };

const problemsTab = async () =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).map((p) => String(p[5] ?? ""));

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("voiding a submission the sync cannot place", () => {
  it("takes a reply to a 编号 no row holds out of 校验问题 for good, keeps it, and notes who voided it", async () => {
    const sent = await postForm("reply", {
      submissionId: "typo-reply",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-1005", 答复类别: "A", 答复内容: "已办结" },
    });
    expect(sent.status).toBe(202);
    await applyInbox(depsFor(SHEET), [{ form: "reply", submissionId: "typo-reply" }], Date.now());
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    const listed = (await problemsTab()).filter((m) => m.includes("typo-reply"));
    expect(listed).toEqual([expect.stringContaining("所填编号 2026-1005 不在台账中")]);

    const page = await (await api("/problems")).text();
    expect(page).toContain('href="/submissions/reply/typo-reply/discard"');
    const asked = await (await api("/submissions/reply/typo-reply/discard")).text();
    expect(asked).toContain("所填编号不在台账中");
    expect(asked).toContain("已办结");
    expect(asked).toContain("确认作废");

    const voided = await api("/submissions/reply/typo-reply/discard", form);
    expect(voided.status).toBe(303);
    expect(voided.headers.get("location")).toBe("/problems?discarded=typo-reply");
    expect(await (await api("/problems?discarded=typo-reply")).text()).toContain("已作废提交号 typo-reply");
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect((await problemsTab()).filter((m) => m.includes("typo-reply"))).toEqual([]);
    const kept = await env.DB.prepare(
      "SELECT status, answers FROM inbox WHERE submission_id = 'typo-reply'",
    ).first<{ status: string; answers: string }>();
    expect(kept?.status).toBe("discarded");
    expect(JSON.parse(kept?.answers ?? "{}")).toMatchObject({ 答复内容: "已办结" });
    const history = await depsFor(SHEET).snapshots.history("2026-1005");
    expect(history.at(-1)).toMatchObject({ source: "dashboard", column: "答复提交" });
    // Voided once: a second press says there is nothing to void.
    expect((await api("/submissions/reply/typo-reply/discard", form)).status).toBe(409);
  });

  it("never writes a voided reply, though its message comes again after its row could take it", async () => {
    // 2026-009 was rated 不满意 on 2026-06-01: a reply to it waits until staff record the 二次交办.
    await postForm("reply", {
      submissionId: "late-reply",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-009", 答复类别: "A", 答复内容: "再答复" },
    });
    const key = [{ form: "reply" as const, submissionId: "late-reply" }];
    expect(await applyInbox(depsFor(SHEET), key, Date.now())).toMatchObject({ refused: 1 });
    expect((await api("/submissions/reply/late-reply/discard", form)).status).toBe(303);

    const rows = await emulator.getValues(SHEET, LEDGER);
    const at = rows.findIndex((r) => r[col("编号")] === "2026-009");
    await depsFor(SHEET).sheets.batchUpdateValues(
      [{ range: `${LEDGER}!${columnLetter(col("二次交办日期"))}${at + 1}`, values: [["2026-11-27"]] }],
      "USER_ENTERED",
    );
    expect(await applyInbox(depsFor(SHEET), key, Date.now())).toMatchObject({ updated: 0 });
    const after = (await emulator.getValues(SHEET, LEDGER))[at] ?? [];
    expect(after[col("二次答复日期")] ?? "").toBe("");
  });

  it("voids only a submission that waits: one already written is 409, an unknown one 404", async () => {
    await postForm("reply", {
      submissionId: "good-reply",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: "2026-005", 答复类别: "A", 答复内容: "已办结" },
    });
    await applyInbox(depsFor(SHEET), [{ form: "reply", submissionId: "good-reply" }], Date.now());
    const written = await api("/submissions/reply/good-reply/discard", form);
    expect(written.status).toBe(409);
    expect(await written.text()).toContain("不是等待写入的提交");
    expect((await api("/submissions/reply/nothing-here/discard")).status).toBe(404);
    expect((await api("/submissions/letter/x/discard")).status).toBe(404);
  });
});
