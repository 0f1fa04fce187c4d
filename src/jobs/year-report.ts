import { TAB_NAMES } from "../../sheets-schema/tab-names";
import {
  COMMITTEE_TAB,
  type ContactGroup,
  commendedUnits,
  convertedOpinionIds,
  OPINIONS_TAB,
} from "../domain/dashboard/report-practice";
import type { AssessmentLine, ReportFigures, YearReport } from "../domain/dashboard/year-report";
import { type Assessment, scoreText } from "../domain/evaluation/assessment";
import { committeeScores } from "../domain/evaluation/assessment-view";
import { contactsById, contactsOf } from "../domain/figures/contacts-part";
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
 * Each year's counting 沟通记录 by group: as the sync's parts counted them, or from the rows of the
 * years' 编号, which D1 picks once for all the years (the Worker never reads the whole tab).
 */
async function yearContacts(
  tabCache: TabCache,
  figures: ReportFigures,
  years: readonly number[],
): Promise<(readonly ContactGroup[] | null)[]> {
  const asked = years.map((year) => figures.contacts(year));
  const ids = asked.flatMap((a) => ("holders" in a ? a.holders.flatMap((r) => (r.id ? [r.id] : [])) : []));
  const rows = asked.some((a) => "holders" in a)
    ? await tabCache.loadRowsOf([TAB_NAMES.contacts], ids)
    : null;
  const contacts = rows && contactsById(rows[TAB_NAMES.contacts]);
  return asked.map((a) =>
    "counted" in a ? a.counted : contacts ? contactsOf(a.holders, contacts, a.today) : null,
  );
}

/** Which of some 编号 建议台账 holds (null: it could not be told). */
export type IdsHeld = (ids: readonly string[]) => Promise<ReadonlySet<string> | null>;

/** IdsHeld from rows already loaded (a page that has every stored row). */
export function idsHeldIn(rows: readonly { readonly id: string | null }[]): IdsHeld {
  return async (ids) => {
    const wanted = new Set(ids);
    const held = new Set<string>();
    for (const r of rows) if (r.id && wanted.has(r.id)) held.add(r.id);
    return held;
  };
}

/**
 * The years' reports from the ledger as the sync stored it: the rows' figures, each year's
 * 沟通记录 by group, and the 民意 and 常委会测评 tabs when the sheet keeps them. No evaluation, no
 * Sheets call. `idsHeld` tells which 建议编号 of converted 民意 rows the ledger holds (asked once,
 * only when some row is marked 转化为建议 with one).
 */
export async function workOutYearReports(
  tabCache: TabCache,
  figures: ReportFigures,
  years: readonly number[],
  idsHeld: IdsHeld,
): Promise<YearReport[]> {
  const [contacts, tabs] = await Promise.all([
    yearContacts(tabCache, figures, years),
    tabCache.load([OPINIONS_TAB, COMMITTEE_TAB]),
  ]);
  const converted = convertedOpinionIds(tabs[OPINIONS_TAB]);
  const held = converted.length > 0 ? await idsHeld(converted) : null;
  const knownId = held ? (id: string) => held.has(id) : null;
  const committee = committeeScores(tabs[COMMITTEE_TAB]);
  return years.map((year, i) => {
    const assessment = figures.assessment(year, committee);
    return figures.report(year, {
      contactGroups: contacts[i] ?? null,
      opinions: tabs[OPINIONS_TAB],
      knownId,
      commendedUnits: commendedUnits(tabs[COMMITTEE_TAB], assessment),
      assessment: rankingOf(assessment),
    });
  });
}
