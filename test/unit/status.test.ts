import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEDGER_STATUSES } from "../../sheets-schema/enums";
import type { LedgerRecord } from "../../sheets-schema/tabs/ledger";
import { computeStatus, type StatusContext, type StatusFields } from "../../src/domain/status";
import { makeRecord } from "./helpers/make-row";

const TODAY = "2026-05-10";
const ctx: StatusContext = { today: TODAY, dueSoonDays: 15, firstDue: "2026-06-02", secondDue: null };

const assigned: Partial<LedgerRecord> = { review: "立案", leadUnit: "区教育局", assignedOn: "2026-03-02" };
const replied: Partial<LedgerRecord> = { ...assigned, repliedOn: "2026-04-20", replyClass: "A" };
const secondRound: Partial<LedgerRecord> = { ...replied, rating: "不满意", reassignedOn: "2026-04-25" };

function status(fields: Partial<LedgerRecord>, overrides: Partial<StatusContext> = {}) {
  return computeStatus(makeRecord(fields), { ...ctx, ...overrides });
}

describe("台账状态, first match wins", () => {
  it("is 待审查 while 审查结果 is blank", () => {
    expect(status({ leadUnit: "区教育局", assignedOn: "2026-03-02" })).toBe("待审查");
  });

  it("is 不予立案 or 已并案 by the review, whatever else is filled", () => {
    expect(status({ ...replied, review: "不予立案" })).toBe("不予立案");
    expect(status({ ...replied, review: "并案" })).toBe("已并案");
  });

  it("is 待交办 until both 主办单位 and 交办日期 are set", () => {
    expect(status({ review: "立案" })).toBe("待交办");
    expect(status({ review: "立案", leadUnit: "区教育局" })).toBe("待交办");
    expect(status({ review: "立案", assignedOn: "2026-03-02" })).toBe("待交办");
  });

  it("is 办理中 with more than 即将到期天数 days left", () => {
    expect(status(assigned)).toBe("办理中");
  });

  it("is 即将到期 with 即将到期天数 days or fewer left, the due day included", () => {
    expect(status(assigned, { today: "2026-05-18" })).toBe("即将到期");
    expect(status(assigned, { today: "2026-05-17" })).toBe("办理中");
    expect(status(assigned, { today: "2026-06-02" })).toBe("即将到期");
  });

  it("is 已逾期 the day after the due date without a reply", () => {
    expect(status(assigned, { today: "2026-06-03" })).toBe("已逾期");
  });

  it("is 待测评 after a reply without a rating, even past the due date", () => {
    expect(status(replied, { today: "2026-07-01" })).toBe("待测评");
  });

  it("is 待二次交办 when the deputy is not satisfied and no second assignment exists", () => {
    expect(status({ ...replied, rating: "不满意" })).toBe("待二次交办");
  });

  it("runs round 2 through 办理中 / 即将到期 / 已逾期 with the round-2 due date", () => {
    const round2 = { secondDue: "2026-06-30" };
    expect(status(secondRound, round2)).toBe("办理中");
    expect(status(secondRound, { ...round2, today: "2026-06-20" })).toBe("即将到期");
    expect(status(secondRound, { ...round2, today: "2026-07-01" })).toBe("已逾期");
  });

  it("ignores the round-1 due date once round 2 runs", () => {
    expect(status(secondRound, { today: "2026-06-10", secondDue: "2026-07-31" })).toBe("办理中");
  });

  it("is 待测评 after the second reply until the second rating", () => {
    expect(status({ ...secondRound, secondRepliedOn: "2026-05-05" })).toBe("待测评");
  });

  it("is 跨年督办 when the second rating is 不满意 too", () => {
    expect(status({ ...secondRound, secondRepliedOn: "2026-05-05", secondRating: "不满意" })).toBe(
      "跨年督办",
    );
  });

  it("is 跨年督办 when 跨年督办 = 是", () => {
    expect(status({ ...replied, rating: "满意", crossYear: true })).toBe("跨年督办");
  });

  it("is 跟踪落实 for a satisfied B reply not yet 已落实", () => {
    expect(status({ ...replied, replyClass: "B", rating: "基本满意" })).toBe("跟踪落实");
    expect(status({ ...replied, replyClass: "B", rating: "满意", implementation: "推进中" })).toBe(
      "跟踪落实",
    );
  });

  it("is 已办结 for a satisfied reply, or a B reply 已落实", () => {
    expect(status({ ...replied, rating: "满意" })).toBe("已办结");
    expect(status({ ...replied, replyClass: "B", rating: "满意", implementation: "已落实" })).toBe("已办结");
  });

  it("uses the second rating as the latest one after round 2", () => {
    const done = { ...secondRound, secondRepliedOn: "2026-05-05", secondRating: "满意" as const };
    expect(status(done)).toBe("已办结");
    expect(status({ ...done, replyClass: "B" })).toBe("跟踪落实");
  });

  it("asks the latest reply's class: a B promise made in round 2 is followed up, one superseded is not", () => {
    const done = { ...secondRound, secondRepliedOn: "2026-05-05", secondRating: "满意" as const };
    expect(status({ ...done, secondReplyClass: "B", implementation: "推进中" })).toBe("跟踪落实");
    expect(status({ ...done, secondReplyClass: "B", implementation: "已落实" })).toBe("已办结");
    expect(status({ ...done, replyClass: "B", secondReplyClass: "A" })).toBe("已办结");
  });

  it("is 办理中 when the due date could not be computed", () => {
    expect(status(assigned, { firstDue: null })).toBe("办理中");
  });
});

const statusFields = fc.record({
  review: fc.constantFrom(null, "立案", "不予立案", "并案"),
  leadUnit: fc.constantFrom("", "区教育局"),
  assignedOn: fc.constantFrom(null, "2026-03-02", "2027-12-31"),
  repliedOn: fc.constantFrom(null, "2026-04-01"),
  rating: fc.constantFrom(null, "满意", "基本满意", "不满意"),
  reassignedOn: fc.constantFrom(null, "2026-04-10"),
  secondRepliedOn: fc.constantFrom(null, "2026-05-01"),
  secondRating: fc.constantFrom(null, "满意", "基本满意", "不满意"),
  replyClass: fc.constantFrom(null, "A", "B", "C", "D"),
  implementation: fc.constantFrom(null, "已落实", "推进中"),
  crossYear: fc.boolean(),
});

const junkFields = fc.dictionary(
  fc.constantFrom(
    "review",
    "leadUnit",
    "assignedOn",
    "repliedOn",
    "rating",
    "reassignedOn",
    "secondRepliedOn",
    "secondRating",
    "replyClass",
    "implementation",
    "crossYear",
  ),
  fc.anything(),
);

const contexts = fc.record({
  today: fc.oneof(fc.constantFrom("2026-05-10", "2030-01-01"), fc.string()),
  dueSoonDays: fc.oneof(fc.integer({ min: 0, max: 365 }), fc.double()),
  firstDue: fc.oneof(fc.constant(null), fc.constantFrom("2026-06-02"), fc.string()),
  secondDue: fc.oneof(fc.constant(null), fc.constantFrom("2026-06-30"), fc.string()),
});

describe("status properties", () => {
  it("always returns one of the spec's statuses for well-typed rows", () => {
    fc.assert(
      fc.property(statusFields, contexts, (fields, context) => {
        expect(LEDGER_STATUSES).toContain(computeStatus(fields as StatusFields, context));
      }),
    );
  });

  it("never throws, even for fields of the wrong type", () => {
    fc.assert(
      fc.property(junkFields, contexts, (fields, context) => {
        expect(LEDGER_STATUSES).toContain(computeStatus(fields as unknown as StatusFields, context));
      }),
    );
  });
});
