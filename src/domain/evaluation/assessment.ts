import type { AssessmentFigure } from "../../../sheets-schema/cells/setting-cells";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { type FinishedFields, finishedRecord, isCrossYear } from "../dashboard/carried-over";
import { listedName, nameKey } from "../directory";
import {
  formatRate,
  type ItemFacts,
  isCountedSuggestion,
  itemFacts,
  NO_RATE,
  type StatisticsItem,
} from "../statistics";
import { MISNAMED_UNITS, splitByUnit, type UnitBook } from "../statistics-units";

/**
 * 单位测评 (practice.md, Assessment of units): per 年度 and lead unit, the figures, their weighted
 * 综合得分, the 等次 and the rank. Pure: the sync's finish step writes it to the tab, the dashboard
 * shows it, both from the stored rows.
 *
 * Which year counts what. 承办件数 counts a suggestion in its own year (提出日期) and in every later
 * year it is carried into (跨年督办 = 是 and still handled then: countsInYear). Everything else a
 * figure counts is an event, dated (eventDates), and counts in exactly one year: the year of its
 * date when that year counts the suggestion (a later year it is carried into), else the suggestion's
 * own year. So a suggestion not carried over keeps every event in its own year, a reply of January
 * 2027 included (the office writes its 2026 report in January); one carried into 2027 counts its
 * January reply in 2027, where staff carried its handling, and 2026 no longer counts it too.
 * - 按期答复率: each round on the day it fell due by its own rule (a round is due once replied or
 *   past its limit): its reply when given by the limit, else its limit. That day never moves once
 *   reached: a reply late in January does not take a December deadline out of the year it was
 *   missed in, and a reply given early in December counts in December's year even when the limit
 *   is in January, as the report of that year expects.
 * - 延期件数: the suggestion's own year (the stored rows keep whether an extension was approved,
 *   PRACTICE_FACTS.extended, not its 审批日期): counted there once, never again in a later year.
 * - 满意率, 沟通率, 落实率: the rating, the round-1 reply and the classed reply (eventDates).
 */

/** What the assessment reads of one suggestion: the statistics' item plus 落实情况, the latest class, 测评日期. */
export interface AssessmentItem extends StatisticsItem {
  readonly record: StatisticsItem["record"] &
    Partial<
      Pick<LedgerRecord, "implementation" | "secondReplyClass" | "ratedOn" | "submittedOn" | "crossYear">
    >;
  /**
   * Set on a suggestion carried over into a later year (跨年督办): the later year it is counted in.
   * Only the events dated then count there (see the top of this file); its own year counts the rest.
   */
  readonly inYear?: number;
}

/** A suggestion of `ownYear` as a later `year` counts it: 承办件数, and what it did in that year. */
export function carriedOver(item: AssessmentItem, ownYear: number, year: number): AssessmentItem {
  return year > ownYear ? { ...item, inYear: year } : item;
}

export interface EventDates {
  /** 按期答复率: the day each round fell due (dueOn), null while it is not due. */
  readonly firstRound: string | null;
  readonly secondRound: string | null;
  readonly rating: string | null;
  readonly reply: string | null;
  readonly classReply: string | null;
}

/**
 * The day a round entered 按期答复率 (a round is due once replied or past its limit): its reply when
 * given by the limit (or with no limit, due and late on that day), else its limit once replied late
 * or passed; null while neither.
 */
function dueOn(replied: string | null | undefined, due: string | null, today: string): string | null {
  if (replied && (!due || replied <= due)) return replied;
  if (due && (replied || today > due)) return due;
  return null;
}

const onTime = (replied: string | null | undefined, due: string | null) =>
  Boolean(replied && due && replied <= due);

/** A round 2 runs once 二次交办日期 is filled (as itemFacts counts it); its limit, null without one. */
const secondDueOf = (item: AssessmentItem) => (item.record.reassignedOn ? (item.secondDue ?? null) : null);

/**
 * When what the figures count of a suggestion happened (ISO dates, null when not done or undated):
 * - firstRound, secondRound (按期答复率): dueOn of each round; round 2 only once 二次交办日期 is filled.
 * - rating (满意率): the latest round's rating. A first rating is dated by its 测评日期, else by its
 *   reply (a rating follows the reply it rates, and rows and shares of older builds keep no 测评日期);
 *   a 二次满意度 has no date column of its own and is dated by the 二次答复日期 it rates.
 * - reply (沟通率): the round-1 reply, the one the 办前 contact came before.
 * - classReply (落实率): the reply whose 答复类别 is read (the second's once it has one); 落实情况 has
 *   no date, so a B-class reply counts in its reply's year and its 已落实 is read as it stands now.
 */
export function eventDates(item: AssessmentItem, today: string): EventDates {
  const { record } = item;
  const secondRepliedOn = record.secondRepliedOn ?? null;
  let rating: string | null = null;
  if (record.secondRating) rating = secondRepliedOn;
  else if (record.rating) rating = record.ratedOn ?? record.repliedOn;
  return {
    firstRound: dueOn(record.repliedOn, item.firstDue, today),
    secondRound: record.reassignedOn ? dueOn(secondRepliedOn, secondDueOf(item), today) : null,
    rating,
    reply: record.repliedOn,
    classReply: record.secondReplyClass ? secondRepliedOn : record.repliedOn,
  };
}

/** The years after `ownYear` in which a suggestion did something its figures count (eventDates). */
export function eventYearsAfter(item: AssessmentItem, ownYear: number, today: string): number[] {
  const years = new Set<number>();
  for (const date of Object.values(eventDates(item, today))) {
    const year = date ? Number(date.slice(0, 4)) : null;
    if (year !== null && year > ownYear) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

/** A suggestion carried over (跨年督办 = 是) with a year: what countsInYear reads is there. */
function isCarried(
  record: AssessmentItem["record"],
): record is AssessmentItem["record"] & CountsInYearFields & { readonly submittedOn: string } {
  return record.crossYear === true && Boolean(record.submittedOn);
}

/**
 * The year an event dated `date` of a carried-over suggestion of `own` counts in: the date's year
 * when that year counts the suggestion (countsInYear), else its own year (undated ones too).
 */
function yearCounted(record: CountsInYearFields, own: number, date: string | null): number {
  if (date === null) return own;
  const year = Number(date.slice(0, 4));
  return year > own && countsInYear(record, year) ? year : own;
}

/** Where a carried-over suggestion is being tallied: its own year and the year tallied. */
interface Tallied {
  readonly record: CountsInYearFields;
  readonly own: number;
  readonly year: number;
}

/** The event dated `date` counts in the year tallied. */
const countsHere = (at: Tallied, date: string | null) => yearCounted(at.record, at.own, date) === at.year;

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
  /**
   * Round-1 replies 沟通率 counts (statistics' contactCounted: 沟通记录 kept, 交办 on or after 设置
   * 启用日期), its denominator; none (no tab, or every reply handled before 启用日期): no 沟通率.
   */
  contactCounted = 0;
  contacted = 0;
  classB = 0;
  implemented = 0;
  extensions = 0;
  excluded = 0;
  constructor(readonly label: string) {}

  add(item: AssessmentItem, today: string): void {
    const facts = itemFacts(item, today);
    // 承办件数 counts a carried-over suggestion in every year it is handled, done something or not.
    this.assigned += 1;
    const { record } = item;
    if (isCarried(record)) {
      const own = Number(record.submittedOn.slice(0, 4));
      this.addByDate(item, { record, own, year: item.inYear ?? own }, facts, today);
      return;
    }
    // Not carried over: every event counts in its own year (a later year never counts it).
    if (item.inYear !== undefined) return;
    this.onTime += facts.onTime;
    this.due += facts.due;
    if (facts.rated) this.rated += 1;
    if (facts.satisfied) this.satisfied += 1;
    if (facts.contactCounted) this.contactCounted += 1;
    if (facts.contacted) this.contacted += 1;
    if (facts.extended) this.extensions += 1;
    this.addClass(item, facts.replied);
  }

  /**
   * A carried-over suggestion's events that count in the year tallied (its own, or item.inYear): those
   * dated in it, as yearCounted places them. Few rows are carried over: the rest never get here.
   */
  private addByDate(item: AssessmentItem, at: Tallied, facts: ItemFacts, today: string): void {
    const { record } = item;
    const dates = eventDates(item, today);
    if (dates.firstRound !== null && countsHere(at, dates.firstRound)) {
      this.due += 1;
      if (onTime(record.repliedOn, item.firstDue)) this.onTime += 1;
    }
    if (dates.secondRound !== null && countsHere(at, dates.secondRound)) {
      this.due += 1;
      if (onTime(record.secondRepliedOn, secondDueOf(item))) this.onTime += 1;
    }
    if (countsHere(at, dates.rating)) {
      if (facts.rated) this.rated += 1;
      if (facts.satisfied) this.satisfied += 1;
    }
    if (countsHere(at, dates.reply)) {
      if (facts.contactCounted) this.contactCounted += 1;
      if (facts.contacted) this.contacted += 1;
    }
    if (facts.extended && at.year === at.own) this.extensions += 1;
    if (countsHere(at, dates.classReply)) this.addClass(item, facts.replied);
  }

  /** 落实率: the class of the latest reply (a second round's reply replaces the first's). */
  private addClass(item: AssessmentItem, replied: boolean): void {
    const replyClass = item.record.secondReplyClass ?? item.record.replyClass;
    if (replied && replyClass === "B") {
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
    this.contactCounted += other.contactCounted;
    this.contacted += other.contacted;
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
  // 常委会测评 rows naming a former name (原名称) score the unit that bears it now.
  for (const c of options.committee)
    if (c.year === year) committee.set(nameKey(listedName(options.units, c.unit)), c);

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
    // Without 沟通记录 kept, or with every reply 交办 before 启用日期, a unit has no 沟通率: it drops
    // out rather than reading 0%.
    沟通率: figure(t.contacted, t.contactCounted),
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
