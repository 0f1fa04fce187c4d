import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { col, intakeSheet } from "../support/intake-sheet";
import { FIXTURE_NOW_MS } from "../support/ledger-fixture";
import { postForm } from "../support/signed-post";
import { depsFor } from "../support/sync-helpers";

/**
 * Replies and ratings as form senders really type them: the 编号 with a Chinese IME, the question
 * titled 建议编号, a rating without its 满意度. The fixture's 2026-005 awaits its reply, 2026-008 its
 * rating; 2026-009 was rated 不满意 on 2026-06-01 (待二次交办), 2026-010 is in its second round.
 */
const SHEET = "typed-ids-sheet";
const { seed, applyAll, rowOf } = intakeSheet(SHEET);

const sent = (submissionId: string, answers: Record<string, string>) => ({
  submissionId,
  submittedAt: "2026-11-26T10:00:00+08:00",
  answers,
});

beforeEach(seed);

describe("a reply or rating naming its suggestion as typed", () => {
  it("reads a 编号 typed in full-width characters as ASCII, so the reply and the rating land on their rows", async () => {
    const reply = await postForm(
      "reply",
      sent("fw-reply", { 编号: " ２０２６－００５ ", 答复类别: "Ｂ类", 答复内容: "列入明年计划" }),
    );
    const rating = await postForm("rating", sent("fw-rating", { 编号: "２０２６－００８", 满意度: "满意" }));

    expect(reply.status).toBe(202);
    expect(await reply.json()).toMatchObject({ 编号: "2026-005" });
    expect(rating.status).toBe(202);
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 2, unmatched: 0 });
    expect((await rowOf("2026-005"))[col("答复内容")]).toBe("列入明年计划");
    expect((await rowOf("2026-008"))[col("满意度")]).toBe("满意");
  });

  it("takes a question titled 建议编号 as the 编号", async () => {
    const reply = await postForm(
      "reply",
      sent("alias-reply", { 建议编号: "2026-005", 答复类别: "A", 答复内容: "已解决" }),
    );

    expect(reply.status).toBe(202);
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1 });
    expect((await rowOf("2026-005"))[col("答复内容")]).toBe("已解决");
  });

  it("refuses a rating without 满意度 with 400, naming the missing 满意度, and stores nothing", async () => {
    const rating = await postForm(
      "rating",
      sent("no-rating", { 编号: "2026-008", 测评意见: "希望尽快落实" }),
    );

    expect(rating.status).toBe(400);
    const body = (await rating.json()) as { error: { message: string; details: { field: string }[] } };
    expect(body.error.message).toBe("测评须填写满意度（满意、基本满意或不满意）：请补上后重新提交");
    expect(body.error.details.map((d) => d.field)).toEqual(["answers.满意度"]);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM inbox").first<{ n: number }>();
    expect(stored?.n).toBe(0);
    expect((await rowOf("2026-008"))[col("测评日期")] ?? "").toBe("");
  });
});

describe("a webhook reply to a round the deputy already rated", () => {
  it("leaves the rated reply as it was and tells staff in 校验问题 why the reply was not written", async () => {
    const before = await rowOf("2026-009");

    const reply = await postForm(
      "reply",
      sent("late-reply", { 编号: "2026-009", 答复类别: "A", 答复内容: "再答复" }),
    );
    const applied = await applyAll();
    await runSync(depsFor(SHEET), "test", FIXTURE_NOW_MS);

    expect(reply.status).toBe(202);
    const after = await rowOf("2026-009");
    for (const h of ["答复日期", "答复类别", "答复内容", "满意度", "测评日期", "备注"])
      expect(after[col(h)] ?? "", h).toEqual(before[col(h)] ?? "");
    expect(applied).toMatchObject({ outcome: "ok", updated: 0, refused: 1 });
    const problems = (await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`)).filter(
      (p) => p[2] === "2026-009",
    );
    expect(problems.map((p) => String(p[5]))).toEqual([
      "表单提交的答复（提交号 late-reply）尚未写入表格：代表已于 2026-06-01 对本轮答复提交测评（满意度 不满意），" +
        "为免改动代表测评过的答复，不予写入；如需更正答复，请代表工委核实后直接在台账中修改；" +
        "如这是二次交办后的答复，请先填写二次交办日期，系统会把它写入二次答复；系统会继续重试",
    ]);
    // The submission is kept: nothing accepted is lost.
    const kept = await env.DB.prepare("SELECT status FROM inbox WHERE submission_id = 'late-reply'").first();
    expect(kept).toEqual({ status: "failed" });
  });

  it("still writes a reply to the second round once 二次交办日期 is set", async () => {
    const reply = await postForm(
      "reply",
      sent("round-2", { 编号: "2026-010", 答复类别: "B", 答复内容: "已列入计划" }),
    );

    expect(reply.status).toBe(202);
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1, refused: 0 });
    const after = await rowOf("2026-010");
    expect(after[col("二次答复日期")]).toBe(46352); // 2026-11-26
    expect(after[col("二次答复类别")]).toBe("B");
    expect(after[col("答复类别")]).toBe("D");
  });
});
