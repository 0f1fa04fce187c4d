import { describe, expect, it } from "vitest";
import {
  DUPLICATED,
  drawableOf,
  duplicatedIds,
  poolFigures,
  UNREADABLE_REPLY,
  VISITED,
  visitedIds,
} from "../../../src/domain/dashboard/sample-candidates";
import { checkSampleSize } from "../../../src/domain/dashboard/sample-request";
import { drawSample, type SampleCandidate } from "../../../src/domain/dashboard/sampling";
import { SamplingPage } from "../../../src/http/dashboard/sampling-page";
import { serial } from "../helpers/make-row";
import { FIXTURE_ROWS, fixtureEvaluation, TODAY } from "./fixture";

/** 20 replied suggestions of two units. */
const CANDIDATES: SampleCandidate[] = Array.from({ length: 20 }, (_, i) => ({
  id: `2026-${String(i + 1).padStart(3, "0")}`,
  unit: i % 2 === 0 ? "区教育局" : "区住建局",
}));

/**
 * The fixture with: 2026-001 visited (回访 = 是, as it is), 2026-002 given a 答复日期 no one can read,
 * and 2026-005 typed on 2026-003's row too (so both rows hold 2026-003).
 */
const ROWS = FIXTURE_ROWS.map((cells) =>
  cells.编号 === "2026-002"
    ? { ...cells, 答复日期: "下周三" }
    : cells.编号 === "2026-005"
      ? { ...cells, 编号: "2026-003" }
      : cells,
);

describe("a draw skips suggestions visited already", () => {
  it("draws none of the visited, counts only the rest as the population, and lists the skipped by unit", () => {
    const visited = new Set(["2026-001", "2026-002", "2026-003", "2026-005", "2026-007"]);
    const draw = drawSample(CANDIDATES, { kind: "share", percent: 50 }, "huifang", visited);

    expect(draw.ids.filter((id) => visited.has(id))).toEqual([]);
    expect(draw.population).toBe(15);
    expect(draw.size).toBe(8); // 50% of the 15 not yet visited
    expect(draw.strata.map((s) => [s.unit, s.population, s.visited ?? []])).toEqual([
      ["区住建局", 9, ["2026-002"]],
      ["区教育局", 6, ["2026-001", "2026-003", "2026-005", "2026-007"]],
    ]);
  });

  it("gives the same sample as before when nothing was visited (a stored seed still redraws its sample)", () => {
    const before = drawSample(CANDIDATES, { kind: "count", count: 6 }, "s");
    const now = drawSample(CANDIDATES, { kind: "count", count: 6 }, "s", new Set());
    expect(now).toEqual(before);
    expect(now.strata.every((s) => s.visited === undefined)).toBe(true);
  });

  it("keeps a unit whose every suggestion was visited, with nothing drawn from it", () => {
    const draw = drawSample(CANDIDATES, { kind: "count", count: 4 }, "s", new Set(["2026-002", "2026-004"]));
    const housing = CANDIDATES.filter((c) => c.unit === "区住建局").map((c) => c.id);
    const all = drawSample(CANDIDATES, { kind: "count", count: 4 }, "s", new Set(housing));
    expect(all.strata.find((s) => s.unit === "区住建局")).toEqual({
      unit: "区住建局",
      population: 0,
      drawn: [],
      visited: housing,
    });
    expect(all.ids.every((id) => !housing.includes(id))).toBe(true);
    expect(draw.size).toBe(4);
  });

  it("says how many were visited when a count is more than those left", () => {
    expect(checkSampleSize({ kind: "count", count: 200 }, 110, 8)?.message).toBe(
      "抽样数量 200 件超过可抽样的 110 件（已列入回访的 8 件不再抽取）",
    );
    expect(checkSampleSize({ kind: "count", count: 1 }, 0, 18)?.message).toBe(
      "已答复的 18 件建议都已列入回访，没有可抽取的建议",
    );
  });
});

describe("what the sync stores for a draw marks what the form must count apart", () => {
  const evaluation = fixtureEvaluation(ROWS);
  const drawable = drawableOf(evaluation.rows, duplicatedIds(evaluation.rows));

  it("marks 回访 = 是, a 编号 on two rows and an unreadable 答复日期", () => {
    expect(drawable).toEqual([
      ["2026-001", "区教育局", 2026, VISITED, serial("2026-05-20")],
      ["2026-002", "区教育局", 2026, UNREADABLE_REPLY],
      ["2026-003", "区教育局", 2026, DUPLICATED],
      ["2026-003", "区住建局", 2026, DUPLICATED],
      ["2025-001", "区教育局", 2025, serial("2026-02-26")],
    ]);
  });

  it("counts a confirmed sample's suggestions as visited before the sync reads the sheet back", () => {
    expect(poolFigures(drawable, 2026, visitedIds(drawable, []))).toEqual({
      drawable: 0,
      visited: 1,
      // 回访 = 是 in the sheet, and no confirmed sample wrote it: typed by hand.
      handMarked: 1,
      duplicated: 2,
      unreadableReply: 1,
      strata: [0],
    });
    expect(poolFigures(drawable, null, visitedIds(drawable, ["2025-001"]))).toMatchObject({
      drawable: 0,
      visited: 2,
    });
  });

  it("the form says what the count leaves out, in Chinese, with a link to 校验问题", async () => {
    const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };
    const pool = { drawable: 110, visited: 8, duplicated: 2, unreadableReply: 1 };
    const form = { year: "2026", mode: "share", amount: "30", seed: "" };
    // A component called as a function gives the same element as JSX does (this file is not TSX).
    const element = SamplingPage({ years: [2026, 2025], form, poolYear: 2026, pool, samples: [], frame }) as {
      toString(): string | Promise<string>;
    };
    const html = String(await element.toString()).replace(/<[^>]+>/g, "");
    expect(html).toContain(
      "2026 年：目前共有 110 件已答复建议可供抽取；已列入回访的 8 件不再抽取；另有 2 行编号重复、1 行答复日期有误，改正前不参加抽取（见校验问题）",
    );
    const plain = SamplingPage({
      years: [2026],
      form,
      poolYear: 2026,
      pool: { drawable: 18, visited: 0, duplicated: 0, unreadableReply: 0 },
      samples: [],
      frame,
    }) as { toString(): string | Promise<string> };
    const text = String(await plain.toString()).replace(/<[^>]+>/g, "");
    expect(text).toContain("2026 年：目前共有 18 件已答复建议可供抽取");
    expect(text).not.toContain("件不再抽取");
    expect(text).not.toContain("改正前");
  });
});
