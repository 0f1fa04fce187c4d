import { describe, expect, it } from "vitest";
import { lateNoticeIds } from "../../../src/domain/notices/catch-up";
import { planNotices } from "../../../src/domain/notices/plan";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt } from "./helpers";

const ASSIGNED_LATE: LedgerCells = {
  编号: "2026-134",
  标题: "关于改造北关老旧小区的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2026-11-10",
};

/** A run's plan, the rows carrying what the notices run found of when their cells were filled. */
function planWithSightings(
  rows: readonly LedgerCells[],
  today: string,
  seenOn: Record<string, Record<string, string>>,
  existingKeys: Iterable<string> = [],
) {
  const evaluation = evaluateAt(rows, today);
  for (const row of evaluation.rows) {
    const seen = row.id ? seenOn[row.id] : undefined;
    if (seen) (row as { seenOn?: EvaluatedRow["seenOn"] }).seenOn = seen;
  }
  return planNotices({ today, evaluation, existingKeys, arrivals: [] });
}

describe("a one-off notice whose date was typed more than 30 days late", () => {
  it("sends the 交办通知 on the day the sync first saw 交办日期 filled, saying the 异议 period has passed", () => {
    const plan = planWithSightings([ASSIGNED_LATE], "2026-12-21", { "2026-134": { 交办日期: "2026-12-21" } });
    const notice = plan.notices.find((n) => n.type === "交办通知");
    expect(notice).toMatchObject({
      recipient: "区教育局",
      address: "jyj@example.gov.cn",
      dueOn: "2026-12-21",
    });
    expect(notice?.body).toContain("交办日期 2026年11月10日，请于 2027年2月11日（暂定）前书面答复代表。");
    expect(notice?.body).toContain(
      "对交办提出异议的期限已于 2026年11月19日届满；确有特殊情况，请联系代表工委。",
    );
    // Once: the next day's run finds it in the outbox.
    const next = planWithSightings(
      [ASSIGNED_LATE],
      "2026-12-22",
      { "2026-134": { 交办日期: "2026-12-21" } },
      [notice?.key ?? ""],
    );
    expect(next.notices.filter((n) => n.type === "交办通知")).toEqual([]);
  });

  it("tells the deputy of a reply whose 答复日期 was typed late", () => {
    const replied = { ...ASSIGNED_LATE, 交办日期: "2026-11-10", 答复日期: "2027-02-10", 答复类别: "A" };
    const plan = planWithSightings([replied], "2027-03-23", { "2026-134": { 答复日期: "2027-03-23" } });
    expect(plan.notices.filter((n) => n.type === "答复告知").map((n) => [n.recipient, n.dueOn])).toEqual([
      ["张明", "2027-03-23"],
    ]);
  });

  it("sends no months-old notice over a ledger imported as it is (no cell seen filled lately)", () => {
    const plan = planWithSightings([ASSIGNED_LATE], "2026-12-21", {});
    expect(plan.notices.filter((n) => n.type === "交办通知")).toEqual([]);
    // The notices run asks D1 about this suggestion only because its 交办通知 is past the horizon.
    expect(lateNoticeIds(evaluateAt([ASSIGNED_LATE], "2026-12-21").rows, "2026-12-21")).toEqual(["2026-134"]);
    expect(lateNoticeIds(evaluateAt([ASSIGNED_LATE], "2026-11-20").rows, "2026-11-20")).toEqual([]);
  });

  it("does not tell again the co-units told on 交办日期 when only 主办单位 was filled late", () => {
    const rows = [{ ...ASSIGNED_LATE, 协办单位: "区住建局" }];
    const plan = planWithSightings(rows, "2026-12-21", { "2026-134": { 主办单位: "2026-12-21" } });
    expect(plan.notices.filter((n) => n.type === "交办通知").map((n) => n.recipient)).toEqual(["区教育局"]);
  });
});
