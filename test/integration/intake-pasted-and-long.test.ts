import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { col, intakeSheet } from "../support/intake-sheet";
import { errorOf, inboxCount, postForm, suggestion } from "../support/signed-post";

/**
 * What a form sends when its answers were pasted from WeChat or Word (a zero-width space after the
 * 编号) and when a deputy writes at length in Chinese. The fixture's 2026-005 awaits its reply.
 */
const SHEET = "pasted-long-sheet";
const { seed, applyAll, rowOf } = intakeSheet(SHEET);

/** Chinese text of `n` characters (3 bytes each in UTF-8). */
const chinese = (n: number, ch = "字") => ch.repeat(n);

/** A suggestion with four answers at the 20,000-character answer limit, in Chinese. */
const FOUR_AT_LIMIT = {
  标题: "关于老旧小区改造的建议",
  领衔代表: "王建国0",
  内容摘要: chinese(20_000, "内"),
  备注: chinese(20_000, "备"),
  调研情况: chinese(20_000, "调"),
  附件说明: chinese(20_000, "附"),
};

beforeEach(seed);

describe("a reply whose 编号 was pasted with a zero-width space", () => {
  it("answers with the 编号 as the ledger holds it and writes the reply onto its row", async () => {
    const reply = await postForm(
      "reply",
      suggestion("zw-reply", { 编号: "2026-005\u200b", 答复类别: "B", 答复内容: "列入明年计划" }),
    );

    expect(reply.status).toBe(202);
    expect(await reply.json()).toMatchObject({ 编号: "2026-005" });
    expect(await applyAll()).toMatchObject({ outcome: "ok", updated: 1, unmatched: 0 });
    expect((await rowOf("2026-005"))[col("答复内容")]).toBe("列入明年计划");
  });
});

describe("long answers in Chinese", () => {
  it("takes 19,990 Chinese characters and a 3,000-character 备注, cutting the sheet's cell, keeping the text whole", async () => {
    const content = chinese(19_990, "内");
    const note = chinese(3_000, "备");
    const response = await postForm(
      "suggestion",
      suggestion("long-zh", {
        标题: "关于老旧小区改造的建议",
        领衔代表: "王建国0",
        内容摘要: content,
        备注: note,
      }),
    );

    expect(response.status).toBe(202);
    const row = await env.DB.prepare("SELECT answers, raw FROM inbox WHERE submission_id = 'long-zh'").first<{
      answers: string;
      raw: string;
    }>();
    const cells = JSON.parse(row?.answers ?? "{}") as Record<string, string>;
    expect(cells.内容摘要).toHaveLength(5_000);
    expect(cells.内容摘要).toContain("原文共 19990 字，超出台账 5000 字上限");
    expect(cells.备注).toBe(note);
    expect(JSON.parse(row?.raw ?? "{}")).toMatchObject({ 内容摘要: content, 备注: note });
  });

  it("takes four answers at the 20,000-character limit in Chinese", async () => {
    const response = await postForm("suggestion", suggestion("four-zh", FOUR_AT_LIMIT));
    expect(response.status).toBe(202);
    expect(await inboxCount()).toBe(1);
  });

  it("refuses a form too long for one submission with 413 naming its longest answers and the limit in characters", async () => {
    const response = await postForm(
      "suggestion",
      suggestion("five-zh", { ...FOUR_AT_LIMIT, 其他意见: chinese(12_000, "其") }),
    );

    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.code).toBe("too_large");
    expect(error.message).toBe(
      "提交内容过长：一次提交的全部答案合计不能超过约 87000 个汉字，这次共 92015 字，其中超过 5000 字的有“内容摘要”（20000 字）、“备注”（20000 字）、“调研情况”（20000 字）等 5 项：请删减后重新提交（长文本写入台账时每格只保留 5000 字）",
    );
    expect(error.message).not.toContain("KiB");
    expect(error.details?.map((d) => d.field)).toEqual([
      "answers.内容摘要",
      "answers.备注",
      "answers.调研情况",
    ]);
    expect(await inboxCount()).toBe(0);
  });

  it("says the limit in characters when it cannot tell which answer is too long (an unsigned body)", async () => {
    const response = await postForm("suggestion", suggestion("unsigned", { 内容摘要: chinese(100_000) }), {
      secret: "not-the-secret",
    });

    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toBe(
      "提交内容过长：一次提交的全部答案合计不能超过约 87000 个汉字：请删减后重新提交（长文本写入台账时每格只保留 5000 字）",
    );
  });
});
