import { ASSESSMENT_FIGURES } from "../../../sheets-schema/cells/setting-cells";
import { committeeTab } from "../../../sheets-schema/tabs/evaluation-tabs";
import { ASSESSMENT_HEADERS } from "../../../sheets-schema/tabs/system-tabs";
import { readTab } from "../read-tab";
import { excludedNote } from "../statistics";
import { statisticsItemOf } from "../statistics-items";
import type { EvaluatedLedger } from "../summary/evaluated";
import {
  type Assessment,
  type AssessmentRow,
  assessUnits,
  type CommitteeScore,
  carriedOver,
  countsInYear,
  figureText,
  scoreText,
  yearOf,
} from "./assessment";

/**
 * 常委会测评's rows that count, from the tab's values (header first) as the sync cached them: a
 * row with an 错误 (an unknown year, a score out of range, a second row of a unit) is left out,
 * as its 校验问题 says. A sheet without the tab gives none.
 */
export function committeeScores(values: unknown[][] | undefined): CommitteeScore[] {
  if (!values || values.length === 0) return [];
  const read = readTab(committeeTab, values);
  if (!read.readable) return [];
  const seen = new Set<string>();
  const out: CommitteeScore[] = [];
  for (const row of read.rows) {
    const r = row.record;
    if (row.blank || row.failed.size > 0 || r.year === null || !r.unit) continue;
    const key = `${r.year}|${r.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ year: r.year, unit: r.unit, score: r.score, advanced: r.advanced === true });
  }
  return out;
}

/** Years that have suggestions, latest first. */
export function assessmentYears(evaluation: EvaluatedLedger): number[] {
  const years = new Set<number>();
  for (const row of evaluation.rows) {
    const year = row.blank ? null : yearOf(row.record);
    if (year !== null) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

/** One year's 单位测评 from the evaluated (or stored) rows. */
export function assessYear(
  evaluation: EvaluatedLedger,
  year: number,
  committee: readonly CommitteeScore[],
): Assessment {
  const items = [];
  for (const row of evaluation.rows) {
    if (row.blank || !countsInYear(row.record, year)) continue;
    const own = yearOf(row.record);
    const item = statisticsItemOf(row);
    items.push(own !== null && own < year ? carriedOver(item, own, year) : item);
  }
  return assessUnits(year, items, {
    today: evaluation.today,
    units: evaluation.units,
    weights: evaluation.settings.assessmentWeights,
    grades: evaluation.settings.assessmentGrades,
    committee,
  });
}

/** One row as 单位测评 cells, in ASSESSMENT_HEADERS order. */
export function assessmentCells(row: AssessmentRow): (string | number)[] {
  return [
    row.year,
    row.unit,
    row.assigned,
    // Rates and scores as text, as the page shows them ("87.5%", "100.0", "—"): a number cell
    // would drop the .0 of a whole score.
    ...ASSESSMENT_FIGURES.map((name) => figureText(name, row.figures[name])),
    // A unit with nothing to score takes no part in the ranking: blank, not "—" in three columns
    // (the page says why; the tab has no column for a note).
    row.score === null ? "" : scoreText(row.score),
    row.score === null ? "" : row.grade,
    row.rank ?? "",
    row.extensions,
    row.advanced ? "是" : "否",
  ];
}

/** The 单位测评 tab (or CSV): header, each year's ranked rows (latest year first), then the footnotes. */
export function assessmentTable(assessments: readonly Assessment[]): (string | number)[][] {
  const out: (string | number)[][] = [[...ASSESSMENT_HEADERS]];
  for (const a of assessments) out.push(...a.rows.map(assessmentCells));
  for (const a of assessments)
    if (a.excluded > 0) out.push([`${a.year} 年度${excludedNote(a.excluded)}（见『校验问题』）`]);
  return out;
}
