import { describe, expect, it } from "vitest";
import { sampleCandidates } from "../../../src/domain/dashboard/sample-candidates";
import { checkSampleSize, parseSampleRequest } from "../../../src/domain/dashboard/sample-request";
import {
  allocate,
  drawSample,
  type SampleCandidate,
  sampleSizeOf,
} from "../../../src/domain/dashboard/sampling";
import { FIXTURE_ROWS, fixtureEvaluation } from "./fixture";

/** 123 replied suggestions in three units, like 新蔡县's 2024 session. */
const UNITS = ["区教育局", "区住建局", "区卫健委"];
const SIZES = [50, 40, 33];
const population: SampleCandidate[] = UNITS.flatMap((unit, u) =>
  Array.from({ length: SIZES[u] ?? 0 }, (_, i) => ({ id: `2024-${u}${String(i).padStart(2, "0")}`, unit })),
);

describe("sample size and allocation", () => {
  it("turns 30% of 123 into 37 (36.9 rounded), and never rounds a draw down to nothing", () => {
    expect(sampleSizeOf({ kind: "share", percent: 30 }, 123)).toBe(37);
    expect(sampleSizeOf({ kind: "share", percent: 0.1 }, 10)).toBe(1);
    expect(sampleSizeOf({ kind: "share", percent: 100 }, 10)).toBe(10);
    expect(sampleSizeOf({ kind: "count", count: 5 }, 0)).toBe(0);
  });

  it("allocates by largest remainders: 37 of 50/40/33 is 15/12/10", () => {
    // 37·50/123 = 15.04, 37·40/123 = 12.03, 37·33/123 = 9.93: floors 15 + 12 + 9 = 36, the last
    // seat goes to the largest remainder (0.93, the third unit).
    expect(allocate(SIZES, 37)).toEqual([15, 12, 10]);
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(allocate([], 0)).toEqual([]);
  });
});

describe("stratified sample", () => {
  const draw = drawSample(population, { kind: "share", percent: 30 }, "20240315");

  it("draws each unit's quota from that unit, without repeats", () => {
    expect(draw.population).toBe(123);
    expect(draw.size).toBe(37);
    expect(draw.strata.map((s) => [s.unit, s.population, s.drawn.length])).toEqual([
      ["区住建局", 40, 12],
      ["区卫健委", 33, 10],
      ["区教育局", 50, 15],
    ]);
    for (const s of draw.strata) {
      const unit = UNITS.indexOf(s.unit);
      for (const id of s.drawn) expect(id.startsWith(`2024-${unit}`)).toBe(true);
    }
    expect(new Set(draw.ids).size).toBe(37);
  });

  it("is reproducible: the same seed gives the same sample whatever the row order", () => {
    const shuffled = [...population].reverse();
    expect(drawSample(shuffled, { kind: "share", percent: 30 }, "20240315").ids).toEqual(draw.ids);
    expect(drawSample(population, { kind: "share", percent: 30 }, "20240316").ids).not.toEqual(draw.ids);
  });

  it("keeps giving the same numbers for a given seed (a stored seed must redraw its sample for years)", () => {
    const small = drawSample(population.slice(0, 10), { kind: "count", count: 3 }, "abc");
    expect(small.ids).toEqual(["2024-003", "2024-004", "2024-008"]);
  });

  it("gives every suggestion of a unit the same chance", () => {
    const ten = population.slice(0, 10);
    const hits = new Map<string, number>();
    for (let seed = 0; seed < 3000; seed++) {
      for (const id of drawSample(ten, { kind: "count", count: 3 }, String(seed)).ids) {
        hits.set(id, (hits.get(id) ?? 0) + 1);
      }
    }
    // Expected 900 each (3000 × 3/10); 4 standard deviations is about ±100.
    for (const c of ten) expect(hits.get(c.id)).toBeGreaterThan(800);
    for (const c of ten) expect(hits.get(c.id)).toBeLessThan(1000);
  });
});

describe("sampling request", () => {
  it("accepts a share with or without % and a whole count", () => {
    expect(parseSampleRequest({ mode: "share", amount: "30%", seed: " s1 ", year: "2026" })).toEqual({
      ok: true,
      value: { size: { kind: "share", percent: 30 }, seed: "s1", year: 2026 },
    });
    // As a Chinese input method types them: full-width digits and ％.
    expect(parseSampleRequest({ mode: "share", amount: "３０％", year: "２０２６" })).toEqual({
      ok: true,
      value: { size: { kind: "share", percent: 30 }, seed: null, year: 2026 },
    });
    expect(parseSampleRequest({ mode: "count", amount: 37 })).toEqual({
      ok: true,
      value: { size: { kind: "count", count: 37 }, seed: null, year: null },
    });
  });

  it("refuses a share of 150%, a non-numeric count, a bad year and a count over the population", () => {
    const codes = [
      parseSampleRequest({ mode: "share", amount: "150%" }),
      parseSampleRequest({ mode: "share", amount: "0" }),
      parseSampleRequest({ mode: "count", amount: "abc" }),
      parseSampleRequest({ mode: "count", amount: "2.5" }),
      parseSampleRequest({ mode: "random", amount: "3" }),
      parseSampleRequest({ mode: "count", amount: "3", year: "26" }),
      parseSampleRequest({ mode: "count", amount: "3", seed: "x".repeat(65) }),
    ].map((r) => (r.ok ? "ok" : r.code));
    expect(codes).toEqual([
      "invalid_share",
      "invalid_share",
      "invalid_count",
      "invalid_count",
      "invalid_mode",
      "invalid_year",
      "invalid_seed",
    ]);
    const year1999 = parseSampleRequest({ mode: "count", amount: "3", year: "1999" });
    expect(year1999.ok ? "" : year1999.message).toBe(
      "年度须为 2000–2100 年之间的四位数字（如 2026），收到“1999”",
    );
    expect(checkSampleSize({ kind: "count", count: 5 }, 4)?.message).toBe("抽样数量 5 件超过可抽样的 4 件");
    expect(checkSampleSize({ kind: "share", percent: 50 }, 0)?.code).toBe("nothing_to_sample");
  });

  it("samples from 立案 suggestions with a reply, optionally of one year", () => {
    const evaluation = fixtureEvaluation();
    expect(sampleCandidates(evaluation, null).map((c) => c.id)).toEqual([
      "2026-001",
      "2026-003",
      "2026-005",
      "2025-001",
    ]);
    expect(sampleCandidates(evaluation, 2026).map((c) => [c.id, c.unit])).toEqual([
      ["2026-001", "区教育局"],
      ["2026-003", "区教育局"],
      ["2026-005", "区住建局"],
    ]);
  });

  it("leaves out a 编号 typed on two rows until staff fix it, since 回访 could not be written to one of them", () => {
    const twice = FIXTURE_ROWS.map((cells) =>
      cells.编号 === "2026-005" ? { ...cells, 编号: "2026-003" } : cells,
    );

    expect(sampleCandidates(fixtureEvaluation(twice), null).map((c) => c.id)).toEqual([
      "2026-001",
      "2025-001",
    ]);
  });
});
