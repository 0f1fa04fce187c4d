import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../../src/domain/evaluate-ledger";
import type { DecidedObjection } from "../../../src/domain/notices/objection-series";
import { planNotices } from "../../../src/domain/notices/plan";
import type { NoticePlan } from "../../../src/domain/notices/types";
import type { LedgerCells } from "../helpers/make-row";
import { noticeTabs } from "./helpers";

/** Assigned Monday 2026-03-02 to 区教育局 with co-unit 区住建局 (three months: 2026-06-02). */
const ASSIGNED: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  协办单位: "区住建局",
  交办日期: "2026-03-02",
};

/** 区教育局 objected on 03-04; staff kept the assignment (维持交办) on 03-06 with a note. */
const UPHELD: DecidedObjection = {
  submissionId: "link-obj-1",
  suggestionId: "2026-001",
  unit: "区教育局",
  assignedOn: "2026-03-02",
  objectedOn: "2026-03-04",
  decision: "upheld",
  decidedOn: "2026-03-06",
  note: "卫生院建设涉及校医室配套，属教育部门职责。",
};

const TYPE = "交办异议处理结果";

function plan(
  today: string,
  objections: readonly DecidedObjection[],
  existingKeys: readonly string[] = [],
  rows: LedgerCells[] = [ASSIGNED],
): NoticePlan {
  return planNotices({
    today,
    evaluation: evaluateLedger({ tabs: noticeTabs(rows), today }),
    existingKeys,
    arrivals: [],
    objections,
  });
}

const ofType = (p: NoticePlan) => p.notices.filter((n) => n.type === TYPE);

describe("交办异议处理结果", () => {
  it("tells the unit whose objection was not agreed, once, on the day of the decision", () => {
    const first = ofType(plan("2026-03-06", [UPHELD]));
    expect(first.map((n) => n.recipient)).toEqual(["区教育局"]);
    const notice = first[0];
    expect(notice?.title).toBe("交办异议处理结果：2026-001 关于加快推进柏庄镇卫生院建设的建议");
    expect(notice?.body).toContain(
      "你单位于 2026年3月4日对张明代表领衔提出的建议《关于加快推进柏庄镇卫生院建设的建议》（编号 2026-001）提出的交办异议，经研究，不予同意，维持原交办",
    );
    expect(notice?.body).toContain(
      "维持原交办，意见是：“卫生院建设涉及校医室配套，属教育部门职责”。请你单位",
    );
    expect(notice?.body).toContain("请你单位继续作为主办单位认真办理");
    expect(notice?.body).toContain("本件办理期限为 2026年6月2日，请抓紧办理。");
    expect(notice?.body).not.toMatch(/\{\{|：。|（）/);
    // The next run, the outbox holding it, plans none; nor does a later day.
    const keys = first.map((n) => n.key);
    expect(ofType(plan("2026-03-06", [UPHELD], keys))).toEqual([]);
    expect(ofType(plan("2026-03-09", [UPHELD], keys))).toEqual([]);
  });

  it("tells a co-unit it goes on as 协办, and leaves out the note when staff gave none", () => {
    const co = { ...UPHELD, submissionId: "link-obj-2", unit: "区住建局", note: null };
    const [notice, ...more] = ofType(plan("2026-03-06", [co]));
    expect(more).toEqual([]);
    expect(notice?.recipient).toBe("区住建局");
    expect(notice?.body).toContain("不予同意，维持原交办。请你单位继续作为协办单位认真办理");
    expect(notice?.body).not.toContain("意见是");
  });

  it("plans none for an agreed objection, one the ledger no longer assigns, or one already replied", () => {
    expect(ofType(plan("2026-03-06", [{ ...UPHELD, decision: "reassigned" }]))).toEqual([]);
    const moved = { ...ASSIGNED, 主办单位: "区卫健委", 协办单位: "" };
    expect(ofType(plan("2026-03-06", [UPHELD], [], [moved]))).toEqual([]);
    const replied = { ...ASSIGNED, 答复日期: "2026-03-05", 答复类别: "A" };
    expect(ofType(plan("2026-03-06", [UPHELD], [], [replied]))).toEqual([]);
  });

  it("tells the unit all the same when staff corrected 交办日期 since (the unit the same, the objection still its)", () => {
    const corrected = { ...ASSIGNED, 交办日期: "2026-03-05" };
    expect(ofType(plan("2026-03-06", [UPHELD], [], [corrected])).map((n) => n.recipient)).toEqual([
      "区教育局",
    ]);
  });

  it("catches up a missed run within 30 days, not after", () => {
    expect(ofType(plan("2026-04-03", [UPHELD])).map((n) => n.dueOn)).toEqual(["2026-03-06"]);
    expect(ofType(plan("2026-04-06", [UPHELD]))).toEqual([]);
  });

  it("says 已逾期 when the decision comes after 办理期限", () => {
    const late = { ...UPHELD, decidedOn: "2026-06-05" };
    const [notice] = ofType(plan("2026-06-05", [late]));
    expect(notice?.body).toContain("本件办理期限为 2026年6月2日，已逾期 3 天，请立即办理。");
  });

  it("says 办理期限 is 暂定 when its year's 放假安排 is not entered, as the ledger does", () => {
    const row = { ...ASSIGNED, 交办日期: "2031-11-03" };
    const objection = {
      ...UPHELD,
      assignedOn: "2031-11-03",
      objectedOn: "2031-11-05",
      decidedOn: "2031-11-07",
    };
    const [notice] = ofType(plan("2031-11-07", [objection], [], [row]));
    expect(notice?.body).toContain("本件办理期限为 2032年2月3日（暂定），请抓紧办理。");
  });
});
