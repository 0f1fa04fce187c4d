import type { AssessmentFigure } from "../../../sheets-schema/cells/setting-cells";
import { figureText } from "../../../src/domain/evaluation/assessment";
import { assessYear } from "../../../src/domain/evaluation/assessment-view";
import { assessmentPart, mergeAssessments } from "../../../src/domain/figures/assessment-part";
import { PART_SIZES, type StoredLedger, throughJson } from "./parts";

/**
 * A unit's 单位测评 figures in every way they are worked out: from the rows (/assessment before a
 * sync stored them) and as the sync's parts of every size add up. Tests compare them with `each`,
 * so a rule kept on one path and not the other fails.
 */
export function assessmentWays(ledger: StoredLedger, today: string) {
  function ways(year: number) {
    const out = [{ way: "rows", assessment: assessYear(ledger.view, year, []) }];
    for (const size of PART_SIZES) {
      const parts = ledger.parts(size).map((rows) => throughJson(assessmentPart(rows, today)));
      const merged = mergeAssessments(parts, ledger.view, []).find((a) => a.year === year);
      if (merged) out.push({ way: `parts of ${size}`, assessment: merged });
    }
    return out;
  }

  /** A unit's figure as the page's breakdown shows it ("50.0%（1/2）"), its 承办件数 and 延期件数. */
  function shown(year: number, unit: string, name: AssessmentFigure) {
    return ways(year).map(({ way, assessment }) => {
      const row = assessment.rows.find((r) => r.unit === unit);
      const f = row?.figures[name];
      return {
        way,
        assigned: row?.assigned,
        figure: f && `${figureText(name, f)}（${f.numerator}/${f.denominator}）`,
        extensions: row?.extensions,
      };
    });
  }

  /** The same in every way. */
  const each = (assigned: number, figure: string, extensions = 0) =>
    ["rows", ...PART_SIZES.map((s) => `parts of ${s}`)].map((way) => ({ way, assigned, figure, extensions }));

  return { shown, each };
}
