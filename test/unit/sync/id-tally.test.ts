import { describe, expect, it } from "vitest";
import type { IdIndex } from "../../../src/domain/evaluate-chunk";
import { addTallies, sameTally, tallyIds, tallyIndex } from "../../../src/domain/sync/id-tally";

const index = (rows: Record<string, number[]>): IdIndex =>
  Object.fromEntries(Object.entries(rows).map(([id, r]) => [id, { rows: r, review: "" }]));

describe("tallying 编号 (the finish's check that every 编号 the plan saw was seen once)", () => {
  const plan = index({ "2026-001": [2], "2026-002": [3, 40], "2026-003": [4] });

  it("tallies the chunks' 编号 like the plan's, in any order and split any way", () => {
    const chunks = [tallyIds(["2026-002", "2026-001"]), tallyIds(["2026-003", "2026-002"])];

    expect(sameTally(addTallies(chunks), tallyIndex(plan))).toBe(true);
    expect(sameTally(tallyIds(["2026-003", "2026-002", "2026-001", "2026-002"]), tallyIndex(plan))).toBe(
      true,
    );
  });

  it("tells a 编号 missed, seen twice, or swapped for another from the plan's", () => {
    const planTally = tallyIndex(plan);

    expect(sameTally(tallyIds(["2026-001", "2026-002", "2026-003"]), planTally)).toBe(false);
    expect(sameTally(tallyIds(["2026-001", "2026-001", "2026-002", "2026-002", "2026-003"]), planTally)).toBe(
      false,
    );
    expect(sameTally(tallyIds(["2026-001", "2026-002", "2026-002", "2026-004"]), planTally)).toBe(false);
    expect(sameTally(tallyIds(["2026-001", "2026-003", "2026-003", "2026-002"]), planTally)).toBe(false);
  });

  it("tallies nothing as nothing", () => {
    expect(sameTally(addTallies([]), tallyIndex(index({})))).toBe(true);
    expect(tallyIds([])).toEqual([0, 0, 0]);
  });
});
