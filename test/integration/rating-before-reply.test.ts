import { env, exports } from "cloudflare:workers";
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
 * A deputy rates a suggestion through the rating form before its unit's reply is in the sheet (the
 * reply form came 8 s later). ledger.md allows 满意度 only after a reply: the rating waits, as a
 * submission for a 编号 not yet in the sheet does, the reply goes in, and the rating follows once.
 */
// The HTTP routes work on the Worker's configured spreadsheet (SPREADSHEET_ID=test-sheet).
const SHEET = "test-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
const api = (path: string) =>
  exports.default.fetch(
    new Request(`http://jianyi.test${path}`, { headers: { authorization: "Bearer test-admin-token" } }),
  );

const problemsTab = async () =>
  (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).map((p) => String(p[5] ?? ""));
const stored = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM inbox").first<{ n: number }>())?.n ?? 0;

/** A suggestion assigned to its unit and not replied to yet (办理中), and its row as the sheet holds it. */
async function assignedRow(): Promise<{ id: string; row: () => Promise<unknown[]> }> {
  const rows = await emulator.getValues(SHEET, LEDGER);
  const found = rows.find((r) => r[col("交办日期")] && !r[col("答复日期")] && !r[col("满意度")]);
  const id = String(found?.[col("编号")] ?? "");
  if (!id) throw new Error("the fixture has no assigned, unreplied suggestion");
  return {
    id,
    row: async () => (await emulator.getValues(SHEET, LEDGER)).find((r) => r[col("编号")] === id) ?? [],
  };
}

beforeEach(async () => {
  await resetDatabase();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(buildFixture(20)));
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("a rating sent before the unit's reply", () => {
  it("waits unwritten and listed with 作废, lets the reply in, then goes in once", async () => {
    const { id, row } = await assignedRow();
    const rating = { form: "rating", submissionId: "rate-early" } as const;
    const reply = { form: "reply", submissionId: "reply-late" } as const;

    const rated = await postForm("rating", {
      submissionId: rating.submissionId,
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 建议编号: id, 满意度: "满意" },
    });
    expect(rated.status).toBe(202);
    expect(await applyInbox(depsFor(SHEET), [rating], Date.now())).toMatchObject({
      outcome: "ok",
      updated: 0,
      awaitingReply: 1,
    });
    expect((await row())[col("满意度")] ?? "").toBe("");
    expect((await row())[col("测评日期")] ?? "").toBe("");

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    expect((await problemsTab()).filter((m) => m.includes("rate-early"))).toEqual([
      `表单提交的测评（提交号 rate-early）尚未写入表格：建议 ${id} 本轮还没有答复，答复写入后自动写入；如代表测评的是别的建议，请作废这条提交；系统会继续重试`,
    ]);
    expect((await problemsTab()).some((m) => m.includes("不能填写满意度"))).toBe(false);
    expect(await (await api("/problems")).text()).toContain('href="/submissions/rating/rate-early/discard"');

    const replied = await postForm("reply", {
      submissionId: reply.submissionId,
      submittedAt: "2026-11-26T10:00:08+08:00",
      answers: { 建议编号: id, 答复日期: "2026-11-26", 答复类别: "A", 答复内容: "已解决" },
    });
    expect(replied.status).toBe(202);
    expect(await applyInbox(depsFor(SHEET), [reply], Date.now())).toMatchObject({
      outcome: "ok",
      updated: 1,
      refused: 0,
    });
    expect((await row())[col("答复类别")]).toBe("A");
    expect((await row())[col("满意度")] ?? "").toBe("");

    // The sync queues the waiting rating again: now it goes in, and a further try adds nothing.
    expect(await applyInbox(depsFor(SHEET), [rating], Date.now())).toMatchObject({
      outcome: "ok",
      updated: 1,
    });
    expect(await applyInbox(depsFor(SHEET), [rating], Date.now())).toMatchObject({
      outcome: "ok",
      updated: 0,
    });
    const after = await row();
    expect(after[col("满意度")]).toBe("满意");
    expect(after[col("测评日期")]).toBe(46352); // 2026-11-26
    expect(after[col("答复内容")]).toBe("已解决");

    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
    expect((await problemsTab()).filter((m) => m.includes("rate-early") || m.includes(id))).toEqual([]);
  });
});

describe("form choices the ledger does not list", () => {
  const cases = [
    {
      name: "满意度 非常满意",
      form: "rating",
      answers: { 建议编号: "2026-007", 满意度: "非常满意" },
      message: "满意度“非常满意”不是可选的值：请从 满意、基本满意、不满意 中选择后重新提交",
    },
    {
      name: "答复类别 E",
      form: "reply",
      answers: { 建议编号: "2026-007", 答复类别: "E", 答复内容: "已解决" },
      message: "答复类别“E”不是可选的值：请从 A、B、C、D 中选择后重新提交",
    },
    {
      name: "落实情况 已完成",
      form: "reply",
      answers: { 建议编号: "2026-007", 答复类别: "B", 落实情况: "已完成" },
      message: "落实情况“已完成”不是可选的值：请从 已落实、推进中 中选择后重新提交",
    },
  ] as const;

  for (const { name, form, answers, message } of cases)
    it(`refuses ${name} with 400 naming the allowed values, storing nothing`, async () => {
      const response = await postForm(form, {
        submissionId: `bad-${form}`,
        submittedAt: "2026-11-26T10:00:00+08:00",
        answers,
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toBe(message);
      expect(await stored()).toBe(0);
    });

  it("takes a choice typed as the ledger reads it (a 类, 满意。)", async () => {
    const reply = await postForm("reply", {
      submissionId: "ok-reply",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 建议编号: "2026-007", 答复类别: "a类", 落实情况: "推进中" },
    });
    const rating = await postForm("rating", {
      submissionId: "ok-rating",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 建议编号: "2026-007", 满意度: "基本满意。" },
    });
    expect([reply.status, rating.status]).toEqual([202, 202]);
  });
});
