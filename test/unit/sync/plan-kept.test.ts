import { describe, expect, it } from "vitest";
import { contextText, keptPlanFor, keptPlanText, type RunFields } from "../../../src/jobs/sync/plan-kept";

const run: RunFields = {
  trigger: "cron",
  startedMs: 1,
  today: "2026-12-01",
  tabsChanged: false,
  planCalls: 1,
};
const rest = {
  header: ["编号"],
  ids: { "2026-001": { rows: [2] } },
  timeZone: "Asia/Shanghai",
  note: "一行\n两行",
};

describe("保存的计划", () => {
  it("运行自己的字段与保存的计划拼成一份上下文，解析后与两者合并相同", () => {
    expect(JSON.parse(contextText(run, JSON.stringify(rest)))).toEqual({ ...rest, ...run });
  });

  it("只在同样的读取下沿用；内容里的换行不影响取回", () => {
    const text = keptPlanText(
      { answer: "abc", inputs: "build-1", timeZone: "Asia/Shanghai", chunks: 20 },
      JSON.stringify(rest),
    );
    expect(keptPlanFor(text, "build-1")).toEqual({
      answer: "abc",
      timeZone: "Asia/Shanghai",
      chunks: 20,
      rest: JSON.stringify(rest),
    });
    expect(keptPlanFor(text, "build-2")).toBeNull();
    // Kept before the head carried the run's chunk count.
    const older = `${JSON.stringify({ answer: "abc", inputs: "build-1", timeZone: "Asia/Shanghai" })}\n{}`;
    expect(keptPlanFor(older, "build-1")).toBeNull();
    // Cleared (before D1's copy of the tabs changes) or never stored.
    expect(keptPlanFor("", "build-1")).toBeNull();
    expect(keptPlanFor(undefined, "build-1")).toBeNull();
  });
});
