import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ledgerTab } from "../../../sheets-schema/tabs";
import { serialFromIso } from "../../../src/domain/civil-date";
import { mapAnswers } from "../../../src/domain/intake/map-answers";
import { fieldErrors, submissionSchema } from "../../../src/intake/body";
import { choiceProblems } from "../../../src/intake/choice-answers";
import { acceptSubmission, type IntakeDeps } from "../../../src/jobs/intake/accept-submission";
import type { InboxEntry } from "../../../src/store/inbox";
import { planOneSubmission } from "../../support/plan-one";

/**
 * Submissions shaped as real form platforms send them (问卷星, 腾讯问卷, 金数据, 飞书): numbered
 * question titles, wall-clock times, epoch milliseconds, option labels with their explanation.
 */

const NOW = Date.parse("2026-12-07T12:00:00Z");

/** acceptSubmission's stores, in memory: what was stored, and no 编号 handed out twice. */
function fakeDeps() {
  const stored: InboxEntry[] = [];
  let seq = 0;
  const deps = {
    inbox: {
      find: async () => null,
      insert: async (e: Omit<InboxEntry, "status" | "attempts" | "lastError" | "sentAt">) => {
        const entry = { ...e, status: "pending", attempts: 0, lastError: null, sentAt: null } as InboxEntry;
        stored.push(entry);
        return { entry, created: true };
      },
    },
    ids: { allocate: async () => [++seq], giveBack: async () => undefined },
    meta: { getMany: async () => new Map<string, string>() },
    intakeQueue: { send: async () => undefined },
  } as unknown as IntakeDeps;
  return { deps, stored };
}

async function accept(form: "suggestion" | "reply" | "rating", answers: Record<string, string>) {
  const { deps, stored } = fakeDeps();
  const submission = { submissionId: "wjx-1", submittedAt: "2026-12-07T19:08:46+08:00", answers };
  return { result: await acceptSubmission(deps, form, submission, NOW), stored };
}

describe("a reply or rating whose questions are not recognised", () => {
  it("refuses a reply with neither 答复类别 nor 答复内容, naming the keys that matched nothing", async () => {
    const { result, stored } = await accept("reply", {
      建议编号: "2026-008",
      办理类别: "A",
      办理结果: "已完成道路修缮",
    });
    expect(result.kind).toBe("invalid");
    const message = result.kind === "invalid" ? result.message : "";
    expect(message).toContain("答复须填写答复类别或答复内容");
    expect(message).toContain("未识别的题目：办理类别、办理结果");
    expect(message).toContain("请把表单的题目改为：编号（或建议编号）、答复类别、答复内容");
    expect(stored).toEqual([]);
  });

  it("refuses a rating with no 满意度 and names the keys that matched nothing", async () => {
    const { result } = await accept("rating", { 建议编号: "2026-008", 您对答复是否满意: "满意" });
    const message = result.kind === "invalid" ? result.message : "";
    expect(message).toContain("测评须填写满意度");
    expect(message).toContain("未识别的题目：您对答复是否满意");
  });

  it("takes a reply whose titles are numbered as 问卷星 numbers them", async () => {
    const { result, stored } = await accept("reply", {
      建议编号: "2026-008",
      "1. 答复类别": "A",
      "2. 答复内容": "已完成道路修缮",
    });
    expect(result.kind).toBe("accepted");
    expect(stored[0]?.cells).toMatchObject({ 编号: "2026-008", 答复类别: "A", 答复内容: "已完成道路修缮" });
    expect(stored[0]?.cells.附言).toBeUndefined();
  });
});

describe("a suggestion form's question titles", () => {
  it("reads numbered and prompting titles (1. 建议标题, 二、领衔代表姓名, Q3., 请填写…)", () => {
    const { cells } = mapAnswers(
      "suggestion",
      {
        "1. 建议标题": "关于增设公交站点的建议",
        "二、领衔代表姓名": "王伟(北关)",
        "Q3.建议内容": "在北关路口增设站点",
        "（4）附议代表": "李四",
        "5）类别": "城建",
      },
      "2026-12-07",
    );
    expect(cells).toMatchObject({
      标题: "关于增设公交站点的建议",
      领衔代表: "王伟(北关)",
      内容摘要: "在北关路口增设站点",
      附议代表: "李四",
      类别: "城建",
    });
    expect(cells.备注).toBeUndefined();
    expect(mapAnswers("suggestion", { 请填写建议标题: "修路" }, "2026-12-07").cells.标题).toBe("修路");
  });

  it("tells the clerk which titles matched nothing and which would work, when 标题 is missing", async () => {
    const { result } = await accept("suggestion", { q1: "关于修路的建议", q2: "王伟(北关)" });
    const message = result.kind === "invalid" ? result.message : "";
    expect(message).toContain("未识别的题目：q1、q2");
    expect(message).toContain("请把表单的题目改为：标题、领衔代表");
    expect(message).not.toBe("建议须填写标题：请补上后重新提交");
  });

  it("still asks the deputy when every title was recognised and 标题 was left blank", async () => {
    const { result } = await accept("suggestion", { 标题: " ", 领衔代表: "王伟(北关)" });
    expect(result.kind === "invalid" && result.message).toBe("建议须填写标题：请补上后重新提交");
  });
});

describe("platform time formats", () => {
  // 20:00 in Beijing: the times below are of the same evening.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());
  const body = (submittedAt: unknown) => ({ submissionId: "s1", submittedAt, answers: { 标题: "x" } });

  it("takes 问卷星's and 腾讯问卷's wall-clock time as Beijing time", () => {
    for (const [sent, instant] of [
      ["2026-12-07 19:08:46", "2026-12-07T11:08:46.000Z"],
      ["2026/12/07 19:08", "2026-12-07T11:08:00.000Z"],
      ["2026-12-7 9:08:46", "2026-12-07T01:08:46.000Z"],
    ] as const) {
      const parsed = submissionSchema.safeParse(body(sent));
      expect(parsed.success, sent).toBe(true);
      if (parsed.success) expect(new Date(parsed.data.submittedAt).toISOString(), sent).toBe(instant);
    }
  });

  it("takes 飞书's epoch milliseconds, as a number or digit text", () => {
    for (const sent of [1796641726000, "1796641726000"]) {
      const parsed = submissionSchema.safeParse(body(sent));
      expect(parsed.success, String(sent)).toBe(true);
      if (parsed.success)
        expect(new Date(parsed.data.submittedAt).toISOString()).toBe("2026-12-07T11:08:46.000Z");
    }
  });

  it("tells a time it cannot read once, without calling it later than now", () => {
    // Date.parse reads it (as UTC, 23:08): it was also told 晚于当前时间.
    const parsed = submissionSchema.safeParse(body("12/07/2026 23:08"));
    expect(parsed.success).toBe(false);
    const messages = parsed.success ? [] : fieldErrors(parsed.error).map((e) => e.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("submittedAt 应为");
    expect(messages[0]).not.toContain("晚于当前时间");
  });

  it("writes an epoch-ms 提出日期 as the Beijing date it is", () => {
    // 1796608919000 is 2026-12-07 02:01:59 UTC, 10:01:59 in Beijing.
    const { cells } = mapAnswers("suggestion", { 标题: "x", 提出日期: "1796608919000" }, "2026-12-08");
    expect(cells.提出日期).toBe(serialFromIso("2026-12-07"));
    const late = mapAnswers("suggestion", { 标题: "x", 提出日期: "1796662800000" }, "2026-12-08");
    // 2026-12-07 17:00 UTC is already 12-08 in Beijing.
    expect(late.cells.提出日期).toBe(serialFromIso("2026-12-08"));
  });
});

describe("option labels with their explanation", () => {
  it("takes A类（已解决或基本解决） as A, and refuses a label that starts with no listed value", () => {
    expect(choiceProblems("reply", { 答复类别: "A类（已解决或基本解决）" })).toEqual([]);
    expect(choiceProblems("reply", { 答复类别: "B（正在解决或列入计划解决）" })).toEqual([]);
    expect(
      mapAnswers("reply", { 答复类别: "C类(因条件限制暂时无法解决)" }, "2026-12-07").cells.答复类别,
    ).toBe("C");
    expect(mapAnswers("rating", { 满意度: "基本满意（请说明）" }, "2026-12-07").cells.满意度).toBe(
      "基本满意",
    );
    expect(choiceProblems("reply", { 答复类别: "E类（其他）" })).toHaveLength(1);
  });
});

describe("a rating or reply on someone else's suggestion", () => {
  const _ALL = ledgerTab.columns.map((c) => c.header);
  const ROW = {
    编号: "2026-005",
    标题: "修路",
    领衔代表: "邱艳",
    附议代表: "文敏",
    主办单位: "区教育局",
    协办单位: "区水务局",
    答复日期: 46300,
    答复类别: "A",
  };

  function plan(
    form: "reply" | "rating",
    answers: Record<string, string>,
    row: Record<string, unknown> = ROW,
  ) {
    return planOneSubmission(form, answers, row);
  }

  it("holds a rating signed by another deputy, naming both, and writes nothing", () => {
    const held = plan("rating", { 满意度: "不满意", 姓名: "文敏" });
    expect(held.writes).toEqual([]);
    expect(held.refused.map((r) => r.reason)).toEqual([
      "测评人“文敏”不是 2026-005 的领衔代表（邱艳），是附议代表：请核对编号；测评应由领衔代表提交；如确是这件建议的测评，请在台账中核对领衔代表，或作废这条提交",
    ]);
  });

  it("writes a rating signed by the 领衔代表 however the name is spaced", () => {
    const ok = plan("rating", { 满意度: "满意", 代表姓名: "邱　艳" });
    expect(ok.refused).toEqual([]);
    expect(ok.writes.map((w) => w.header)).toContain("满意度");
  });

  it("holds a reply from another unit, naming both", () => {
    const held = plan(
      "reply",
      { 答复类别: "A", 答复内容: "已修", 答复单位: "区水务局" },
      { ...ROW, 答复日期: "", 答复类别: "" },
    );
    expect(held.writes).toEqual([]);
    expect(held.refused.map((r) => r.reason)).toEqual([
      "答复单位“区水务局”不是 2026-005 的主办单位（区教育局），是协办单位：请核对编号；协办单位的意见请通过协办意见提交；如确是这件建议的答复，请在台账中核对主办单位，或作废这条提交",
    ]);
  });

  it("writes a reply from the 主办单位, and one that names no unit", () => {
    const blank = { ...ROW, 答复日期: "", 答复类别: "" };
    expect(plan("reply", { 答复类别: "A", 答复单位: "区教育局" }, blank).refused).toEqual([]);
    expect(plan("reply", { 答复类别: "A" }, blank).refused).toEqual([]);
  });
});
