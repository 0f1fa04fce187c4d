import { describe, expect, it } from "vitest";
import { planAt, summary } from "./helpers";

describe("受理回执 of a suggestion converted from 民意", () => {
  it("tells the 接待代表 the opinion they received at the station became a suggestion they lead", () => {
    const arrivals = [
      {
        suggestionId: "2026-010",
        receivedOn: "2026-03-03",
        cells: { 领衔代表: "李华", 标题: "小区门口路灯坏了三个月", 来源: "联络站民意" },
      },
    ];
    const plan = planAt([], "2026-03-03", { arrivals });
    expect(summary(plan)).toEqual(["受理回执 2026-010 → 李华 (email)"]);
    expect(plan.notices[0]?.title).toBe("民意已转化为建议：小区门口路灯坏了三个月");
    expect(plan.notices[0]?.body).toContain(
      "李华代表：您在代表联络站接待选民时收到的意见，已转化为由您领衔的建议《小区门口路灯坏了三个月》，编号 2026-010。",
    );
    expect(plan.notices[0]?.body).not.toContain("您领衔提出的建议");
  });

  it("keeps thanking a deputy for a suggestion of their own", () => {
    const arrivals = [
      {
        suggestionId: "2026-009",
        receivedOn: "2026-03-03",
        cells: { 领衔代表: "李华", 标题: "关于增设公交站点的建议" },
      },
    ];
    const plan = planAt([], "2026-03-03", { arrivals });
    expect(plan.notices[0]?.title).toBe("建议已收到：关于增设公交站点的建议");
    expect(plan.notices[0]?.body).toContain(
      "李华代表：您领衔提出的建议《关于增设公交站点的建议》已收到，编号 2026-009。",
    );
  });
});
