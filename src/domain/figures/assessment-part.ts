import { nameKey } from "../directory";
import {
  type Assessment,
  assessTallies,
  type CommitteeScore,
  type CountsInYearFields,
  carriedOver,
  countsInYear,
  eventYearsAfter,
  tallyItem,
  UnitTally,
  yearOf,
} from "../evaluation/assessment";
import { statisticsItemOf } from "../statistics-items";
import type { UnitBook } from "../statistics-units";
import type { EvaluatedLedger, EvaluatedRow } from "../summary/evaluated";

/**
 * 单位测评 of every year (assessmentYears, then assessYear) worked out part by part: each sync
 * chunk tallies its own rows per year and lead unit, and the finish adds the parts up. A
 * suggestion carried over (跨年督办 = 是) also counts in later years while still being handled,
 * but only in years that have suggestions, known once every part is in: such rows (few) travel
 * apart, each with its own tally, for the finish to add to every later year it counts in.
 */

/**
 * A unit's tally in a part: the lead unit as first typed, the place in the part of the first
 * suggestion tallied (to keep the ledger's order of first appearance once carried-over rows join
 * in), and UnitTally's counts in COUNTS order.
 */
export interface UnitShare {
  readonly unit: string;
  readonly at: number;
  readonly counts: readonly number[];
}

/**
 * A suggestion carried over: its tally in a later year where it did nothing the figures count
 * (`counts`: 承办件数), its tally in each later year where it did (`byYear`: a round falling due, a
 * rating, a reply, an extension; see eventDates), and what says which later years it counts in.
 */
export interface CarriedShare extends UnitShare {
  /** Absent from a share stored by an older build: `counts` then stands for every later year, as then. */
  readonly byYear?: readonly { readonly year: number; readonly counts: readonly number[] }[];
  readonly record: CountsInYearFields;
}

/** A part's share of 单位测评. */
export interface AssessmentPart {
  /** Years (提出日期) of the part's rows, latest first: the years assessed. */
  readonly years: readonly number[];
  /** Per year of the part's rows: each lead unit's tally of that year's suggestions, as first met. */
  readonly units: readonly { readonly year: number; readonly tallies: readonly UnitShare[] }[];
  /** Suggestions that may count in a later year too, in sheet order. */
  readonly carried: readonly CarriedShare[];
}

type FieldOf<T> = { [K in keyof UnitTally]: UnitTally[K] extends T ? K : never }[keyof UnitTally];

/** Where each of UnitTally's counts sits in a share (a count added there fails to compile until placed). */
const SUMMED: Record<FieldOf<number>, number> = {
  assigned: 0,
  onTime: 1,
  due: 2,
  rated: 3,
  satisfied: 4,
  contactCounted: 5,
  contacted: 6,
  classB: 7,
  implemented: 8,
  extensions: 9,
  excluded: 10,
};
const SUMMED_AT = Object.entries(SUMMED) as [FieldOf<number>, number][];

function countsOf(tally: UnitTally): number[] {
  const counts: number[] = [];
  for (const [field, at] of SUMMED_AT) counts[at] = tally[field];
  return counts;
}

/** Adds a share's counts to a tally: the same as adding the share's suggestions one by one. */
function addCounts(tally: UnitTally, counts: readonly number[]): void {
  for (const [field, at] of SUMMED_AT) tally[field] += counts[at] ?? 0;
}

/** One part's tallies per year and lead unit, and its carried-over suggestions (see countsInYear). */
export function assessmentPart(rows: readonly EvaluatedRow[], today: string): AssessmentPart {
  const byYear = new Map<number, Map<string, UnitTally>>();
  const firstAt = new Map<UnitTally, number>();
  const carried: CarriedShare[] = [];
  for (const [at, row] of rows.entries()) {
    const year = row.blank ? null : yearOf(row.record);
    if (year === null) continue;
    let tallies = byYear.get(year);
    if (!tallies) {
      tallies = new Map();
      byYear.set(year, tallies);
    }
    const item = statisticsItemOf(row);
    const tally = tallyItem(tallies, item, today);
    if (!tally) continue;
    if (!firstAt.has(tally)) firstAt.set(tally, at);
    // Counted in the next year means carried over and still handled then; a later year may count it too.
    if (!countsInYear(row.record, year + 1)) continue;
    const r = row.record;
    const active = eventYearsAfter(item, year, today);
    // A later year with nothing done (every event is dated earlier): what every such year counts.
    const quiet = tallyItem(new Map(), carriedOver(item, year, Math.max(year, ...active) + 1), today);
    if (quiet) {
      carried.push({
        unit: quiet.label,
        at,
        counts: countsOf(quiet),
        byYear: active.map((later) => ({
          year: later,
          counts: countsOf(tallyItem(new Map(), carriedOver(item, year, later), today) ?? quiet),
        })),
        // What countsInYear reads, to pick the later years it counts in (open ones: every year).
        record: {
          submittedOn: r.submittedOn,
          crossYear: r.crossYear,
          repliedOn: r.repliedOn,
          secondRepliedOn: r.secondRepliedOn,
          rating: r.rating,
          secondRating: r.secondRating,
          replyClass: r.replyClass,
          secondReplyClass: r.secondReplyClass,
          implementation: r.implementation,
        },
      });
    }
  }
  return {
    years: [...byYear.keys()].sort((a, b) => b - a),
    units: [...byYear].map(([year, tallies]) => ({
      year,
      tallies: [...tallies.values()].map((t) => ({
        unit: t.label,
        at: firstAt.get(t) ?? 0,
        counts: countsOf(t),
      })),
    })),
    carried,
  };
}

/** The years assessed (assessmentYears): every part's years, latest first. */
export function mergeAssessmentYears(parts: readonly AssessmentPart[]): number[] {
  return [...new Set(parts.flatMap((p) => p.years))].sort((a, b) => b - a);
}

/** A carried-over suggestion counts in `year`, a later year than its own (countsInYear). */
function carriedInto(share: CarriedShare, year: number): boolean {
  const own = yearOf(share.record);
  return own !== null && own < year && countsInYear(share.record, year);
}

/** A carried-over suggestion's share of `year`: its tally of that year when it did something then. */
function shareIn(share: CarriedShare, year: number): UnitShare {
  const counts = share.byYear?.find((y) => y.year === year)?.counts;
  return counts ? { ...share, counts } : share;
}

/** One year's tallies from every part, keyed by nameKey: 承办单位 in tab order, then as first met. */
function yearTallies(parts: readonly AssessmentPart[], year: number, units: UnitBook) {
  const tallies = new Map<string, UnitTally>();
  for (const { name } of units.entries) tallies.set(nameKey(name), new UnitTally(name));
  for (const part of parts) {
    const own = part.units.find((u) => u.year === year)?.tallies ?? [];
    const later = part.carried.filter((c) => carriedInto(c, year)).map((c) => shareIn(c, year));
    // A unit's place and name come from its first suggestion in sheet order, its own year's or carried.
    const shares = later.length === 0 ? own : [...own, ...later].sort((a, b) => a.at - b.at);
    for (const share of shares) {
      const key = nameKey(share.unit);
      let tally = tallies.get(key);
      if (!tally) {
        tally = new UnitTally(share.unit);
        tallies.set(key, tally);
      }
      addCounts(tally, share.counts);
    }
  }
  return tallies;
}

/**
 * 单位测评 of every year from every part's share (in sheet order), latest year first, as
 * assessYear gives each: `committee` is committeeScores of the cached 常委会测评.
 */
export function mergeAssessments(
  parts: readonly AssessmentPart[],
  ledger: Pick<EvaluatedLedger, "units" | "settings">,
  committee: readonly CommitteeScore[],
): Assessment[] {
  const options = {
    units: ledger.units,
    weights: ledger.settings.assessmentWeights,
    grades: ledger.settings.assessmentGrades,
    committee,
  };
  return mergeAssessmentYears(parts).map((year) =>
    assessTallies(year, yearTallies(parts, year, ledger.units), options),
  );
}
