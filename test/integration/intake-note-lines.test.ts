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
 * Every line a form adds to a row's 备注 lands, in order, once: a rating's 测评意见 beside its other
 * answers, a round-2 reply beside its 答复附言, two submissions for one 编号 in one batch, and a
 * batch applied again after it had landed.
 */
const SHEET = "note-lines-sheet";
const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);
/** The fixture's 待测评 row (replied, not rated) and its round-2 row (二次交办日期 set, no reply yet). */
const AWAITING_RATING = 8;
const ROUND_TWO = 10;

async function rowAt(index: number): Promise<unknown[]> {
  return (await emulator.getValues(SHEET, LEDGER))[index] ?? [];
}

const notesOf = async (index: number) => String((await rowAt(index))[col("备注")] ?? "").split("\n");

async function applyAll() {
  const { results } = await env.DB.prepare("SELECT form, submission_id AS submissionId FROM inbox").all<{
    form: "reply" | "rating";
    submissionId: string;
  }>();
  return applyInbox(depsFor(SHEET), results, Date.now());
}

beforeEach(async () => {
  await resetDatabase();
  const sheets = fixtureSheets(buildFixture(20));
  const rows = sheets.find((t) => t.title === TAB_NAMES.ledger)?.rows ?? [];
  (rows[AWAITING_RATING] as unknown[])[col("备注")] = "代表约见时提出";
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, sheets);
  await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);
});

describe("form webhooks: every 备注 line a submission brings", () => {
  it("adds a rating's 测评意见 and its other answers to 备注, both, in order, beside 满意度", async () => {
    const id = String((await rowAt(AWAITING_RATING))[col("编号")]);
    // The rater's name is checked against the row's 领衔代表 (sender-check): the deputy's own.
    const lead = String((await rowAt(AWAITING_RATING))[col("领衔代表")]);
    const comment = "助餐服务不能替代养老服务站，希望明年列入计划并给出选址。";

    const response = await postForm("rating", {
      submissionId: "exH-r1",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 满意度: "不满意", 测评意见: comment, 姓名: lead },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    expect(response.status).toBe(202);
    expect((await rowAt(AWAITING_RATING))[col("满意度")]).toBe("不满意");
    expect(await notesOf(AWAITING_RATING)).toEqual([
      "代表约见时提出",
      `测评意见（提交号 exH-r1）：${comment}`,
      `测评附言（提交号 exH-r1）：姓名：${lead}`,
    ]);
  });

  it("adds a round-2 reply's 二次答复 line and its 答复附言 line, and puts 落实情况 in its column", async () => {
    const id = String((await rowAt(ROUND_TWO))[col("编号")]);

    await postForm("reply", {
      submissionId: "exH-p2",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: {
        编号: id,
        答复类别: "B",
        答复内容: "已列入明年计划",
        落实情况: "推进中",
        联系人: "张三",
      },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    const after = await rowAt(ROUND_TWO);
    expect(after[col("二次答复类别")]).toBe("B");
    expect(after[col("落实情况")]).toBe("推进中");
    expect(await notesOf(ROUND_TWO)).toEqual([
      expect.stringMatching(/^二次答复（提交号 exH-p2 · [\d-]+ [\d:]+）类别 B：已列入明年计划$/),
      "答复附言（提交号 exH-p2）：联系人：张三",
    ]);
  });

  it("adds the lines of two submissions for one 编号 applied in one batch, each once, each credited to its own", async () => {
    const id = String((await rowAt(AWAITING_RATING))[col("编号")]);
    for (const [submissionId, comment] of [
      ["exH-a", "路灯仍未修好"],
      ["exH-b", "希望年内完成"],
    ] as const)
      await postForm("rating", {
        submissionId,
        submittedAt: "2026-11-26T10:00:00+08:00",
        answers: { 编号: id, 满意度: "基本满意", 测评意见: comment },
      });

    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 2 });

    const before = "代表约见时提出";
    const lineA = "测评意见（提交号 exH-a）：路灯仍未修好";
    const lineB = "测评意见（提交号 exH-b）：希望年内完成";
    expect(await notesOf(AWAITING_RATING)).toEqual([before, lineA, lineB]);
    // One write, but the suggestion's history says which submission brought which line.
    const timeline = buildTimeline(await depsFor(SHEET).snapshots.history(id), []);
    const linesOf = (title: string) => timeline.find((e) => e.title === title)?.lines ?? [];
    expect(linesOf("表单提交（提交号 exH-a）")).toContain(`备注：${before} → ${before}\n${lineA}`);
    expect(linesOf("表单提交（提交号 exH-b）")).toContain(
      `备注：${before}\n${lineA} → ${before}\n${lineA}\n${lineB}`,
    );
  });

  it("adds no line twice when a batch that had landed is applied again (its inbox status was lost)", async () => {
    const id = String((await rowAt(AWAITING_RATING))[col("编号")]);
    const lead = String((await rowAt(AWAITING_RATING))[col("领衔代表")]);
    await postForm("rating", {
      submissionId: "exH-again",
      submittedAt: "2026-11-26T10:00:00+08:00",
      answers: { 编号: id, 满意度: "满意", 测评意见: "第一条意见\n第二条意见", 姓名: lead },
    });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });
    await env.DB.prepare("UPDATE inbox SET status = 'pending'").run();

    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });

    expect(await notesOf(AWAITING_RATING)).toEqual([
      "代表约见时提出",
      "测评意见（提交号 exH-again）：第一条意见",
      "第二条意见",
      `测评附言（提交号 exH-again）：姓名：${lead}`,
    ]);
  });
});
