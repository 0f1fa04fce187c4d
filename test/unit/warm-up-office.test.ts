import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import { warmUpLedger, warmUpTabs } from "../../src/warm-up-office";

// The start-up warm-up is only worth its start-up time if it runs the code real rows run: a row
// stopped by an error, or one status for all, would warm the error path instead.
describe("the made-up office the Worker evaluates while it starts", () => {
  const evaluation = evaluateLedger({ tabs: warmUpTabs(), today: "2026-06-15" });

  it("passes the checks as a well-kept ledger does: no 错误, only 设置's note on the weekly digest", () => {
    expect(evaluation.problems.filter((p) => p.level === "错误")).toEqual([]);
    expect(evaluation.problems.map((p) => p.tab)).toEqual(["设置"]);
  });

  it("has rows in every stage from 待审查 to 已办结, with due dates", () => {
    const statuses = new Set(evaluation.rows.map((r) => r.computed.status));
    for (const status of ["待审查", "待交办", "办理中", "待测评", "待二次交办", "跟踪落实", "已办结"])
      expect(statuses).toContain(status);
    expect(evaluation.rows.filter((r) => r.computed.dueDate).length).toBeGreaterThan(20);
  });

  it("runs as a sync's chunk start to end: writes planned, rows stored, the part's export lines derived", () => {
    // Each written cell, staff row and export line counted: more than one per row.
    expect(warmUpLedger()).toBeGreaterThan(48 * 2);
  });
});
