import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { COMMITTEE_TAB, type ContactGroup, OPINIONS_TAB } from "../domain/dashboard/report-practice";
import type { AssessmentLine, ReportFigures, YearReport } from "../domain/dashboard/year-report";
import { type Assessment, scoreText } from "../domain/evaluation/assessment";
import { committeeScores } from "../domain/evaluation/assessment-view";
import type { TabCache } from "../store/tab-cache";

/** The report's 单位测评 lines: the ranked units (those with a score), null when none has one. */
function rankingOf(assessment: Assessment): AssessmentLine[] | null {
  const lines = assessment.rows.flatMap((r) =>
    r.rank === null || r.score === null
      ? []
      : [{ rank: r.rank, unit: r.unit, score: scoreText(r.score), grade: r.grade }],
  );
  return lines.length > 0 ? lines : null;
}

/**
 * Each year's 沟通记录 by group: as the sync's parts counted them, or counted by D1 from the year's
 * 编号 (the Worker never parses that tab; D1 reads it once for all the years).
 */
async function yearContacts(
  tabCache: TabCache,
  figures: ReportFigures,
  years: readonly number[],
): Promise<(readonly ContactGroup[] | null)[]> {
  const asked = years.map((year) => figures.contacts(year));
  const ids = asked.map((a) => ("ids" in a ? a.ids : []));
  const counts = asked.some((a) => "ids" in a)
    ? await tabCache.countRowsOf(TAB_NAMES.contacts, "编号", ids, ["阶段", "方式", "代表参加"])
    : null;
  return asked.map((a, i) =>
    "counted" in a
      ? a.counted
      : (counts?.[i]?.map((g) => ({
          stage: g.values[0] ?? "",
          method: g.values[1] ?? "",
          joined: g.values[2] ?? "",
          count: g.count,
        })) ?? null),
  );
}

/**
 * The years' reports from the ledger as the sync stored it: the rows' figures, each year's
 * 沟通记录 by group, and the 民意 and 常委会测评 tabs when the sheet keeps them. No evaluation, no
 * Sheets call.
 */
export async function workOutYearReports(
  tabCache: TabCache,
  figures: ReportFigures,
  years: readonly number[],
): Promise<YearReport[]> {
  const [contacts, tabs] = await Promise.all([
    yearContacts(tabCache, figures, years),
    tabCache.load([OPINIONS_TAB, COMMITTEE_TAB]),
  ]);
  const committee = committeeScores(tabs[COMMITTEE_TAB]);
  return years.map((year, i) =>
    figures.report(year, {
      contactGroups: contacts[i] ?? null,
      opinions: tabs[OPINIONS_TAB],
      committee: tabs[COMMITTEE_TAB],
      assessment: rankingOf(figures.assessment(year, committee)),
    }),
  );
}
