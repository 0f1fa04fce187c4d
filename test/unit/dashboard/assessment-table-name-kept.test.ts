import { describe, expect, it } from "vitest";
import { assessYear } from "../../../src/domain/evaluation/assessment-view";
import { AssessmentPage } from "../../../src/http/dashboard/assessment-page";
import { fixtureEvaluation, TODAY } from "./fixture";

/**
 * /assessment's 测评结果 table is wider than a laptop's screen at 125–150 % zoom (five figures, score,
 * 等次, 延期件数, 先进单位): scrolled sideways, the reader still sees whose row it is, as on /units
 * and /deputies (TableScroll nameFirst: the first column sticks at the left).
 */
const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };

async function html(element: unknown): Promise<string> {
  return String(await (element as { toString(): string | Promise<string> }).toString());
}

async function resultsTable(): Promise<{ box: string; units: string[] }> {
  const evaluation = fixtureEvaluation();
  const assessment = assessYear(evaluation, 2026, []);
  const { settings } = evaluation;
  const page = await html(
    AssessmentPage({
      data: {
        assessment,
        years: [2026],
        weights: settings.assessmentWeights,
        grades: settings.assessmentGrades,
      },
      frame,
    }),
  );
  const at = page.indexOf('aria-label="2026 年度测评结果"');
  expect(at).toBeGreaterThan(0);
  const start = page.lastIndexOf("<section", at);
  return {
    box: page.slice(start, page.indexOf("</section>", at)),
    units: assessment.rows.map((r) => r.unit),
  };
}

describe("/assessment: 测评结果 scrolled sideways", () => {
  it("keeps the unit's name at the left: 单位 is the sticky first column, 排名 next to it", async () => {
    const { box, units } = await resultsTable();
    expect(box).toMatch(
      /^<section class="table-scroll name-first" aria-label="2026 年度测评结果" tabindex="0">/,
    );
    const heads = [...box.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads.slice(0, 3)).toEqual(["单位", "排名", "承办件数"]);
    const firstCells = [...box.matchAll(/<tr><td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
      (m[1] ?? "").replace(/<[^>]+>/g, "").trim(),
    );
    expect(units.length).toBeGreaterThan(1);
    expect(firstCells).toEqual(units);
  });
});
