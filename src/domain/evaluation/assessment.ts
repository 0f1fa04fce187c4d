import type { AssessmentFigure } from "../../../sheets-schema/cells/setting-cells";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { type FinishedFields, finishedRecord, isCrossYear } from "../dashboard/carried-over";
import { nameKey } from "../directory";
import {
  formatRate,
  isCountedSuggestion,
  itemFacts,
  NO_RATE,
  roundsDueAfter,
  type StatisticsItem,
} from "../statistics";
import { MISNAMED_UNITS, splitByUnit, type UnitBook } from "../statistics-units";

/**
 * 单位测评 (practice.md, Assessment of units): per 年度 and lead unit, the figures, their weighted
 * 综合得分, the 等次 and the rank. Pure: the sync's finish step writes it to the tab, the dashboard
 * shows it, both from the stored rows.
 */

/** What the assessment reads of one suggestion: the statistics' item plus 落实情况, the latest class, 测评日期. */
export interface AssessmentItem extends StatisticsItem {
  readonly record: StatisticsItem["record"] &
    Partial<Pick<LedgerRecord, "implementation" | "secondReplyClass" | "ratedOn">>;
  /**
   * Set on a suggestion carried over into a later year (跨年督办): 按期答复率 there counts only its
   * rounds due after this day (the end of its own year), which counted in its own year.
   */
  readonly dueAfter?: string;
  /**
   * Set with dueAfter: the later year it is counted in. 满意率, 沟通率 and 落实率 there count only
   * what was done in that year (eventDates): a 2025 不满意 of a suggestion still open in 2027 counted
   * against its unit in 2025, 2026 and 2027 alike.
   */
  readonly inYear?: number;
}

/**
 * A suggestion of `ownYear` as a later `year` counts it: a deadline missed in 2026 is 2026's, and
 * counted again one carried-over suggestion graded its unit 差 for 2027 in January; a rating, a
 * reply or a B-class reply counts in the year it was given.
 */
export function carriedOver(item: AssessmentItem, ownYear: number, year: number): AssessmentItem {
  return { ...item, dueAfter: `${ownYear}-12-31`, inYear: year };
}

export interface EventDates {
  readonly rating: string | null;
  readonly reply: string | null;
  readonly classReply: string | null;
}

/**
 * When what a later year's figures count of a carried-over suggestion happened (ISO dates, null when
 * not done or undated):
 * - rating (满意率): the latest round's rating. A first rating is dated by its 测评日期, else by its
 *   reply (a rating follows the reply it rates, and rows and shares of older builds keep no 测评日期);
 *   a 二次满意度 has no date column of its own and is dated by the 二次答复日期 it rates.
 * - reply (沟通率): the round-1 reply, the one the 办前 contact came before.
 * - classReply (落实率): the reply whose 答复类别 is read (the second's once it has one); 落实情况 has
 *   no date, so a B-class reply counts in its reply's year and its 已落实 is read as it stands now.
 */
export function eventDates(record: AssessmentItem["record"]): EventDates {
  const secondRepliedOn = record.secondRepliedOn ?? null;
  let rating: string | null = null;
  if (record.secondRating) rating = secondRepliedOn;
  else if (record.rating) rating = record.ratedOn ?? record.repliedOn;
  return {
    rating,
    reply: record.repliedOn,
    classReply: record.secondReplyClass ? secondRepliedOn : record.repliedOn,
  };
}

/** The years after `ownYear` in which a carried-over suggestion did something its figures count (eventDates). */
export function eventYearsAfter(record: AssessmentItem["record"], ownYear: number): number[] {
  const years = new Set<number>();
  for (const date of Object.values(eventDates(record))) {
    const year = date ? Number(date.slice(0, 4)) : null;
    if (year !== null && year > ownYear) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** The year tallied counts this of the suggestion: its own year counts all; a later year, what was done then. */
function doneThen(item: AssessmentItem, event: keyof EventDates): boolean {
  if (item.inYear === undefined) return true;
  const date = eventDates(item.record)[event];
  return date?.startsWith(`${item.inYear}-`) === true;
}

/** One 常委会测评 row that counts (an 错误 row is left out by the caller). */
export interface CommitteeScore {
  readonly year: number;
  readonly unit: string;
  readonly score: number | null;
  readonly advanced: boolean;
}

export interface AssessmentOptions {
  readonly today: string;
  /**
   * 承办单位: its units in tab order (ties in 综合得分 keep this order on the page); a lead unit it does
   * not know is in the one MISNAMED_UNITS row, last, with no 综合得分, 等次 or rank.
   */
  readonly units: UnitBook;
  readonly weights: Partial<Record<AssessmentFigure, number>>;
  /** 测评等次: [grade, lowest 综合得分], highest first; below the last is 差. */
  readonly grades: readonly (readonly [string, number])[];
  readonly committee: readonly CommitteeScore[];
}

/** A figure as a percentage (0–100) with what it was worked out from; value null = zero denominator. */
export interface Figure {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
}

export interface AssessmentRow {
  readonly year: number;
  readonly unit: string;
  /** 承办件数: counted suggestions (those with an 错误 in a counted field are left out). */
  readonly assigned: number;
  readonly figures: Readonly<Record<AssessmentFigure, Figure>>;
  /** Each figure's weight as used, after the weights of dropped figures were shared out (sums to 100). */
  readonly usedWeights: Readonly<Partial<Record<AssessmentFigure, number>>>;
  /** 综合得分 to one decimal, null when no weighted figure has a denominator. */
  readonly score: number | null;
  readonly grade: string;
  /** 1-based; ties share a rank (1, 1, 3); null without a score. */
  readonly rank: number | null;
  readonly extensions: number;
  /** 先进单位 as 常委会测评 records it. */
  readonly advanced: boolean;
  /** Suggestions of this unit left out for an 错误 in a counted field. */
  readonly excluded: number;
}

export interface Assessment {
  readonly year: number;
  /**
   * Ranked: by 综合得分 (highest first), then units without a score, each in 承办单位 order; then the
   * MISNAMED_UNITS row (never scored), when some 主办单位 is no unit of 承办单位.
   */
  readonly rows: readonly AssessmentRow[];
  readonly excluded: number;
}

/** The grade below every 测评等次 threshold. */
export const LOWEST_GRADE = "差";

/** One lead unit's counts in a year's assessment, added suggestion by suggestion. */
export class UnitTally {
  assigned = 0;
  onTime = 0;
  due = 0;
  rated = 0;
  satisfied = 0;
  replied = 0;
  contacted = 0;
  contactsKept = false;
  classB = 0;
  implemented = 0;
  extensions = 0;
  excluded = 0;
  constructor(readonly label: string) {}

  add(item: AssessmentItem, today: string): void {
    const facts = itemFacts(item, today);
    const rounds = item.dueAfter ? roundsDueAfter(item, today, item.dueAfter) : facts;
    // 承办件数 counts a carried-over suggestion in every year it is handled, done something or not.
    this.assigned += 1;
    this.onTime += rounds.onTime;
    this.due += rounds.due;
    if (doneThen(item, "rating")) {
      if (facts.rated) this.rated += 1;
      if (facts.satisfied) this.satisfied += 1;
    }
    if (doneThen(item, "reply")) {
      if (facts.replied) this.replied += 1;
      if (facts.contactCounted) this.contactsKept = true;
      if (facts.contacted) this.contacted += 1;
    }
    if (facts.extended) this.extensions += 1;
    // The class of the latest reply: a second round's reply replaces the first's.
    const replyClass = item.record.secondReplyClass ?? item.record.replyClass;
    if (facts.replied && replyClass === "B" && doneThen(item, "classReply")) {
      this.classB += 1;
      if (item.record.implementation === "已落实") this.implemented += 1;
    }
  }

  /** Adds another unit's counts (the MISNAMED_UNITS row gathers several names). */
  addTally(other: UnitTally): void {
    this.assigned += other.assigned;
    this.onTime += other.onTime;
    this.due += other.due;
    this.rated += other.rated;
    this.satisfied += other.satisfied;
    this.replied += other.replied;
    this.contacted += other.contacted;
    this.contactsKept ||= other.contactsKept;
    this.classB += other.classB;
    this.implemented += other.implemented;
    this.extensions += other.extensions;
    this.excluded += other.excluded;
  }
}

function figure(numerator: number, denominator: number): Figure {
  return {
    value: denominator > 0 ? (numerator * 100) / denominator : null,
    numerator,
    denominator,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The weighted sum over figures that have a value; the weights of the others are shared out pro rata. */
export function weightedScore(
  figures: Readonly<Record<AssessmentFigure, Figure>>,
  weights: Partial<Record<AssessmentFigure, number>>,
): { score: number | null; used: Partial<Record<AssessmentFigure, number>> } {
  let weightSum = 0;
  let sum = 0;
  const present: [AssessmentFigure, number][] = [];
  for (const [name, weight] of Object.entries(weights) as [AssessmentFigure, number][]) {
    const value = figures[name].value;
    if (value === null || weight <= 0) continue;
    weightSum += weight;
    sum += weight * value;
    present.push([name, weight]);
  }
  if (weightSum === 0) return { score: null, used: {} };
  const used = Object.fromEntries(present.map(([name, w]) => [name, round1((w * 100) / weightSum)]));
  return { score: round1(sum / weightSum), used };
}

/** The grade of a score: the first whose lowest score it reaches; below the last is 差. */
export function gradeOf(score: number | null, grades: AssessmentOptions["grades"]): string {
  if (score === null) return NO_RATE;
  for (const [grade, lowest] of grades) if (score >= lowest) return grade;
  return LOWEST_GRADE;
}

/**
 * Adds one suggestion counted in the year to its lead unit's tally (a unit first met gets a tally
 * named as typed). Returns that tally, or null for a suggestion not assessed (not 立案, no lead unit).
 */
export function tallyItem(
  tallies: Map<string, UnitTally>,
  item: AssessmentItem,
  today: string,
): UnitTally | null {
  if (!isCountedSuggestion(item.record)) return null;
  const { leadUnit } = item.record;
  const key = nameKey(leadUnit);
  let tally = tallies.get(key);
  if (!tally) {
    tally = new UnitTally(leadUnit);
    tallies.set(key, tally);
  }
  if (item.excluded) tally.excluded += 1;
  else tally.add(item, today);
  return tally;
}

/** One year's assessment over the suggestions counted in it (see assessmentItems). */
export function assessUnits(
  year: number,
  items: readonly AssessmentItem[],
  options: AssessmentOptions,
): Assessment {
  const tallies = new Map<string, UnitTally>();
  for (const { name } of options.units.entries) tallies.set(nameKey(name), new UnitTally(name));
  for (const item of items) tallyItem(tallies, item, options.today);
  return assessTallies(year, tallies, options);
}

/**
 * One year's assessment from its units' tallies (keyed by nameKey, in 承办单位 order then as first
 * met): the sync's finish adds up each part's tallies instead of reading every row. The tallies of
 * names that are no unit of 承办单位 are one MISNAMED_UNITS row, after the ranked ones: its figures
 * are shown, but it has no 综合得分, 等次 or rank.
 */
export function assessTallies(
  year: number,
  tallies: ReadonlyMap<string, UnitTally>,
  options: Pick<AssessmentOptions, "weights" | "grades" | "committee" | "units">,
): Assessment {
  let excluded = 0;
  for (const t of tallies.values()) excluded += t.excluded;
  const committee = new Map<string, CommitteeScore>();
  for (const c of options.committee) if (c.year === year) committee.set(nameKey(c.unit), c);

  const split = splitByUnit(options.units, tallies, ([, t]) => t.label);
  const unranked: AssessmentRow[] = [];
  for (const [key, t] of split.units) {
    // A unit with no suggestion this year is not assessed (a listed unit that handled nothing).
    if (t.assigned === 0 && t.excluded === 0) continue;
    unranked.push(assessmentRow(year, t, committee.get(key), options));
  }
  const rows = rank(unranked);
  if (split.misnamed.length > 0) {
    const misnamed = new UnitTally(MISNAMED_UNITS);
    for (const [, t] of split.misnamed) misnamed.addTally(t);
    rows.push({
      ...assessmentRow(year, misnamed, undefined, options),
      usedWeights: {},
      score: null,
      grade: NO_RATE,
    });
  }
  return { year, rows, excluded };
}

/** A unit's row, unranked: its figures, 综合得分 and 等次 (its 常委会测评 when the committee scored it). */
function assessmentRow(
  year: number,
  t: UnitTally,
  board: CommitteeScore | undefined,
  options: Pick<AssessmentOptions, "weights" | "grades">,
): AssessmentRow {
  const figures: Record<AssessmentFigure, Figure> = {
    按期答复率: figure(t.onTime, t.due),
    满意率: figure(t.satisfied, t.rated),
    // Without 沟通记录 kept, no unit has a 沟通率: it drops out rather than reading 0%.
    沟通率: t.contactsKept ? figure(t.contacted, t.replied) : figure(0, 0),
    落实率: figure(t.implemented, t.classB),
    常委会测评:
      board?.score != null ? { value: board.score, numerator: board.score, denominator: 100 } : figure(0, 0),
  };
  const { score, used } = weightedScore(figures, options.weights);
  return {
    year,
    unit: t.label,
    assigned: t.assigned,
    figures,
    usedWeights: used,
    score,
    grade: gradeOf(score, options.grades),
    rank: null,
    extensions: t.extensions,
    advanced: board?.advanced ?? false,
    excluded: t.excluded,
  };
}

/** Sorted by score (stable: 承办单位 order among equals), ranks shared by equal scores (1, 1, 3). */
function rank(rows: AssessmentRow[]): AssessmentRow[] {
  const order = rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => (b.row.score ?? -1) - (a.row.score ?? -1) || a.i - b.i);
  let lastScore: number | null = null;
  let lastRank = 0;
  return order.map(({ row }, position) => {
    if (row.score === null) return row;
    if (row.score !== lastScore) {
      lastRank = position + 1;
      lastScore = row.score;
    }
    return { ...row, rank: lastRank };
  });
}

/**
 * A score (综合得分, 常委会测评) as staff see it everywhere (the pages, the 主任会议 list, the year report
 * and its .docx, the 单位测评 tab, the CSVs): always one decimal, like the rates beside it, so that
 * 100 reads 100.0 in the page and the printed report alike. "—" without a score.
 */
export function scoreText(score: number | null): string {
  return score === null ? NO_RATE : round1(score).toFixed(1);
}

/** A figure as the 单位测评 tab and the page show it: "87.5%", or the score, or "—". */
export function figureText(name: AssessmentFigure, f: Figure): string {
  if (f.value === null) return NO_RATE;
  return name === "常委会测评" ? scoreText(f.value) : formatRate(f.numerator, f.denominator);
}

/** The suggestion's year (提出日期), null without one. */
export function yearOf(record: Pick<LedgerRecord, "submittedOn">): number | null {
  return record.submittedOn ? Number(record.submittedOn.slice(0, 4)) : null;
}

/**
 * Whether a suggestion counts in `year`'s assessment: submitted that year, or carried over from an
 * earlier one (跨年督办 = 是: isCrossYear, the year report's rule too) and handled in `year`: no reply
 * yet, its latest reply dated in `year` or later, or still open (not finished: finishedRecord), as
 * the year report's table of carried-over suggestions shows it (仍在办理). A carried-over suggestion
 * answered and finished before `year` is not counted again.
 */
export function countsInYear(record: CountsInYearFields, year: number): boolean {
  const own = yearOf(record);
  if (own === year) return true;
  if (own === null || own > year || !isCrossYear(record)) return false;
  const latest = record.secondRepliedOn ?? record.repliedOn;
  if (latest === null || latest >= `${year}-01-01`) return true;
  // A share stored by an older build keeps no rating (undefined, never null): counted as it was then.
  return record.rating !== undefined && !finishedRecord(record);
}

/** What countsInYear reads; the fields of `finished` may be absent from a share stored by an older build. */
export type CountsInYearFields = Pick<
  LedgerRecord,
  "submittedOn" | "crossYear" | "repliedOn" | "secondRepliedOn"
> &
  Partial<FinishedFields>;
