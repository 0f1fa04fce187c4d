import { REPLY_CLASSES, type ReplyClass } from "../../sheets-schema/enums";
import type { LedgerRecord } from "../../sheets-schema/tabs/ledger";
import { STATISTICS_HEADERS } from "../../sheets-schema/tabs/system-tabs";
import { daysBetween } from "./deadlines";
import { nameKey } from "./directory";
import { hasFact } from "./practice/practice-facts";
import { MISNAMED_UNITS, splitByUnit, type UnitBook } from "./statistics-units";

/** What statistics need of one suggestion. */
export interface StatisticsItem {
  readonly record: Pick<
    LedgerRecord,
    "review" | "leadUnit" | "category" | "assignedOn" | "repliedOn" | "replyClass" | "rating" | "secondRating"
  > &
    Partial<Pick<LedgerRecord, "reassignedOn" | "secondRepliedOn">>;
  /** Round-1 办理期限 (ISO), null without 交办日期. */
  readonly firstDue: string | null;
  /** Round-2 办理期限 (ISO), null (or absent) without 二次交办日期. */
  readonly secondDue?: string | null;
  /** PRACTICE_FACTS flags the sync worked out (contacts, an approved extension); 0 or absent = none. */
  readonly practice?: number;
  /**
   * The row has an 错误 in a field the figures read (a reply dated before 交办, an unreadable date):
   * it is left out of every figure and counted in the footnote instead.
   */
  readonly excluded?: boolean;
}

/** One line of figures; rates are text ("87.5%" or "—"), as the 统计 tab shows them. */
export interface StatisticsRow {
  readonly label: string;
  readonly assigned: number;
  /** Round-1 replies (已答复). */
  readonly replied: number;
  /**
   * Replies on time ÷ replies due, both rounds counted (issue 14): a round is due once replied or
   * past its limit, so a second round past its limit with no reply lowers the rate.
   */
  readonly onTimeRate: string;
  /** Suggestions whose current round (1, or 2 once it runs) is past its limit with no reply. */
  readonly overdueUnreplied: number;
  readonly satisfactionRate: string;
  readonly classes: Readonly<Record<ReplyClass, number>>;
  /** Mean calendar days from 交办日期 to round-1 答复日期, one decimal; "—" without replies. */
  readonly averageReplyDays: number | "—";
  /** Round-1 replies after a 办前 contact by the lead unit ÷ round-1 replies (沟通记录 kept). */
  readonly contactRate: string;
  /** Suggestions whose 延期申请 was approved (延期件数). */
  readonly extensions: number;
  /** Second rounds: suggestions with a 二次交办日期, those with a 二次答复日期, and those past the round-2 limit unreplied. */
  readonly reassigned: number;
  readonly secondReplied: number;
  readonly secondOverdue: number;
  /** Suggestions left out of every figure above for an 错误 in a counted field (the footnote). */
  readonly excluded: number;
}

export interface StatisticsResult {
  readonly byUnit: StatisticsRow[];
  readonly total: StatisticsRow;
  readonly byCategory: StatisticsRow[];
  /** The 统计 tab: header row, one row per unit, then 合计. */
  readonly tabValues: (string | number)[][];
  /** The 主办单位 typed that are no unit of 承办单位 (added up into the MISNAMED_UNITS row). */
  readonly misnamedUnits: readonly string[];
}

/** The footnote under figures that left rows out; "" when none were. */
export function excludedNote(excluded: number): string {
  return excluded > 0 ? `另有 ${excluded} 条因填写错误未计入` : "";
}

/** The dash for a rate whose denominator is zero: never 0% or 100%. */
export const NO_RATE = "—";

/** A percentage with one decimal ("66.7%"), or "—" for a zero denominator. */
export function formatRate(numerator: number, denominator: number): string {
  if (denominator === 0) return NO_RATE;
  return `${(Math.round((numerator * 1000) / denominator) / 10).toFixed(1)}%`;
}

/**
 * What one suggestion adds to a tally. Each suggestion is added to three tallies (its unit, its
 * category and the total), so this is worked out once per suggestion, not once per tally.
 */
export interface ItemFacts {
  readonly replied: boolean;
  /** Replies on time, and replies due (replied, or past the limit unreplied), over both rounds. */
  readonly onTime: number;
  readonly due: number;
  /** The current round is past its limit with no reply (round 1, or round 2 once it runs). */
  readonly overdue: boolean;
  readonly replyClass: ReplyClass | null;
  /** Calendar days from 交办日期 to 答复日期, or null when either is missing. */
  readonly replyDays: number | null;
  /** The latest round's rating: a second rating replaces the first once it exists. */
  readonly rated: boolean;
  readonly satisfied: boolean;
  /** A round-1 reply counted for 沟通率 (沟通记录 kept), and whether a 办前 contact came first. */
  readonly contactCounted: boolean;
  readonly contacted: boolean;
  readonly extended: boolean;
  readonly reassigned: boolean;
  readonly secondReplied: boolean;
  readonly secondOverdue: boolean;
}

/** One round's share: replied on time, due (replied or past its limit), overdue unreplied. */
const ROUND_NOT_DUE = { onTime: 0, due: 0, overdue: false } as const;
const ROUND_ON_TIME = { onTime: 1, due: 1, overdue: false } as const;
const ROUND_LATE = { onTime: 0, due: 1, overdue: false } as const;
const ROUND_OVERDUE = { onTime: 0, due: 1, overdue: true } as const;
type Round = typeof ROUND_NOT_DUE | typeof ROUND_ON_TIME | typeof ROUND_LATE | typeof ROUND_OVERDUE;

/**
 * One round of a suggestion. A reply on the due day is on time; a reply with no limit counts as
 * due, not on time. The four outcomes are shared constants: no tuple per suggestion and round.
 */
function round(replied: string | null | undefined, due: string | null, today: string): Round {
  if (!due) return replied ? ROUND_LATE : ROUND_NOT_DUE;
  if (replied) return replied <= due ? ROUND_ON_TIME : ROUND_LATE;
  return today > due ? ROUND_OVERDUE : ROUND_NOT_DUE;
}

/** What one suggestion adds to a tally (the rates and counts of both rounds). */
export function itemFacts(item: StatisticsItem, today: string): ItemFacts {
  return fillItemFacts(blankFacts(), item, today);
}

type MutableFacts = { -readonly [K in keyof ItemFacts]: ItemFacts[K] };

function blankFacts(): MutableFacts {
  return {
    replied: false,
    onTime: 0,
    due: 0,
    overdue: false,
    replyClass: null,
    replyDays: null,
    rated: false,
    satisfied: false,
    contactCounted: false,
    contacted: false,
    extended: false,
    reassigned: false,
    secondReplied: false,
    secondOverdue: false,
  };
}

/** Writes `item`'s facts into `out` (every field) and returns it. */
function fillItemFacts(out: MutableFacts, item: StatisticsItem, today: string): ItemFacts {
  const { record, firstDue } = item;
  const { repliedOn, assignedOn } = record;
  const latest = record.secondRating ?? record.rating;
  const rated = Boolean(latest);
  const replied = Boolean(repliedOn);
  const first = round(repliedOn, firstDue, today);
  const reassigned = Boolean(record.reassignedOn);
  const second = reassigned ? round(record.secondRepliedOn, item.secondDue ?? null, today) : ROUND_NOT_DUE;
  out.replied = replied;
  out.onTime = first.onTime + second.onTime;
  out.due = first.due + second.due;
  out.overdue = first.overdue || second.overdue;
  out.replyClass = replied ? record.replyClass : null;
  out.replyDays = replied && assignedOn ? daysBetween(assignedOn, repliedOn as string) : null;
  out.rated = rated;
  out.satisfied = rated && latest !== "不满意";
  out.contactCounted = replied && hasFact(item.practice, "contactsKept");
  out.contacted = replied && hasFact(item.practice, "contacted");
  out.extended = hasFact(item.practice, "extended");
  out.reassigned = reassigned;
  out.secondReplied = reassigned && Boolean(record.secondRepliedOn);
  out.secondOverdue = second.overdue;
  return out;
}

/**
 * The facts addItem counts, filled again for each suggestion: its three tallies read them and keep
 * nothing, and a new object of fourteen fields per suggestion was a tenth of an evaluation's garbage.
 */
const countedFacts = blankFacts();

/** A Tally's count fields, in the order `Tally.counts` lists them. */
const TALLY_FIELDS = [
  "assigned",
  "replied",
  "onTime",
  "overdue",
  "rated",
  "satisfied",
  "replyDays",
  "replyDaysCount",
  "contactCounted",
  "contacted",
  "extended",
  "due",
  "reassigned",
  "secondReplied",
  "secondOverdue",
  "excluded",
] as const;

/** A Tally's counts as a part's figures store them: TALLY_FIELDS, then the reply classes (plain JSON, short). */
export type TallyCounts = readonly number[];

/** The counts behind one line of figures; two tallies of disjoint rows add up field by field. */
export class Tally {
  assigned = 0;
  replied = 0;
  onTime = 0;
  overdue = 0;
  rated = 0;
  satisfied = 0;
  replyDays = 0;
  replyDaysCount = 0;
  contactCounted = 0;
  contacted = 0;
  extended = 0;
  due = 0;
  reassigned = 0;
  secondReplied = 0;
  secondOverdue = 0;
  excluded = 0;
  readonly classes: Record<ReplyClass, number> = { A: 0, B: 0, C: 0, D: 0 };

  add(facts: ItemFacts): void {
    this.assigned += 1;
    if (facts.replied) this.replied += 1;
    this.onTime += facts.onTime;
    this.due += facts.due;
    if (facts.replyClass) this.classes[facts.replyClass] += 1;
    if (facts.replyDays !== null) {
      this.replyDays += facts.replyDays;
      this.replyDaysCount += 1;
    }
    if (facts.overdue) this.overdue += 1;
    if (facts.rated) this.rated += 1;
    if (facts.satisfied) this.satisfied += 1;
    if (facts.contactCounted) this.contactCounted += 1;
    if (facts.contacted) this.contacted += 1;
    if (facts.extended) this.extended += 1;
    if (facts.reassigned) this.reassigned += 1;
    if (facts.secondReplied) this.secondReplied += 1;
    if (facts.secondOverdue) this.secondOverdue += 1;
  }

  counts(): TallyCounts {
    return [...TALLY_FIELDS.map((field) => this[field]), ...REPLY_CLASSES.map((c) => this.classes[c])];
  }

  /** Adds another tally's counts (another part's rows): the same as adding its items one by one. */
  addCounts(counts: TallyCounts): void {
    TALLY_FIELDS.forEach((field, i) => {
      this[field] += counts[i] ?? 0;
    });
    REPLY_CLASSES.forEach((c, i) => {
      this.classes[c] += counts[TALLY_FIELDS.length + i] ?? 0;
    });
  }

  row(label: string): StatisticsRow {
    const average =
      this.replyDaysCount === 0 ? NO_RATE : Math.round((this.replyDays / this.replyDaysCount) * 10) / 10;
    return {
      label,
      assigned: this.assigned,
      replied: this.replied,
      onTimeRate: formatRate(this.onTime, this.due),
      overdueUnreplied: this.overdue,
      satisfactionRate: formatRate(this.satisfied, this.rated),
      classes: { ...this.classes },
      averageReplyDays: average,
      contactRate: formatRate(this.contacted, this.contactCounted),
      extensions: this.extended,
      reassigned: this.reassigned,
      secondReplied: this.secondReplied,
      secondOverdue: this.secondOverdue,
      excluded: this.excluded,
    };
  }
}

/** The footnote as a row of the 统计 tab (and the exports): none when nothing was left out. */
export function footnoteRows(excluded: number): string[][] {
  return excluded > 0 ? [[`${excludedNote(excluded)}（见『校验问题』）`]] : [];
}

/** A statistics row as 统计 tab cells, in STATISTICS_HEADERS order. */
export function statisticsCells(row: StatisticsRow): (string | number)[] {
  return [
    row.label,
    row.assigned,
    row.replied,
    row.onTimeRate,
    row.overdueUnreplied,
    row.satisfactionRate,
    ...REPLY_CLASSES.map((c) => row.classes[c]),
    row.averageReplyDays,
    row.contactRate,
    row.extensions,
    row.reassigned,
    row.secondReplied,
    row.secondOverdue,
  ];
}

/** Tallies by name key, each with the label it is shown under (a directory's, else the first typed). */
export type LabelledTallies = Map<string, { label: string; tally: Tally }>;

/** The tallies behind the statistics: per lead unit (by nameKey), per category, and office-wide. */
export interface StatisticsTallies {
  readonly byUnit: LabelledTallies;
  readonly byCategory: LabelledTallies;
  readonly total: Tally;
}

/** Empty tallies, one per label in order (a directory's units, 设置's categories), keyed by `keyOf`. */
export function seededTallies(keys: readonly string[], keyOf: (label: string) => string): LabelledTallies {
  const groups: LabelledTallies = new Map();
  for (const label of keys)
    if (!groups.has(keyOf(label))) groups.set(keyOf(label), { label, tally: new Tally() });
  return groups;
}

/** The group of `key`, added under `label` when there is none yet (a name not in the directory). */
export function tallyAt(groups: LabelledTallies, key: string, label: string): Tally {
  let group = groups.get(key);
  if (!group) {
    group = { label, tally: new Tally() };
    groups.set(key, group);
  }
  return group.tally;
}

/** Whether the figures count a suggestion at all: 立案, with a 主办单位 (the spec's statistics). */
export function isCountedSuggestion(record: Pick<LedgerRecord, "review" | "leadUnit">): boolean {
  return record.review === "立案" && Boolean(record.leadUnit);
}

/**
 * Adds an item to the tallies: a 立案 suggestion that has a 主办单位, to its unit, its category and
 * the total; a row with an 错误 in a counted field only to the `excluded` counts.
 */
export function addItem(tallies: StatisticsTallies, item: StatisticsItem, today: string): void {
  if (!isCountedSuggestion(item.record)) return;
  const { leadUnit, category } = item.record;
  const unit = tallyAt(tallies.byUnit, nameKey(leadUnit), leadUnit);
  const categoryLabel = category || "未分类";
  const cat = tallyAt(tallies.byCategory, categoryLabel, categoryLabel);
  if (item.excluded) {
    unit.excluded += 1;
    cat.excluded += 1;
    tallies.total.excluded += 1;
    return;
  }
  const facts = fillItemFacts(countedFacts, item, today);
  unit.add(facts);
  cat.add(facts);
  tallies.total.add(facts);
}

/** Adds every item to the tallies (addItem). */
export function addItems(tallies: StatisticsTallies, items: readonly StatisticsItem[], today: string): void {
  for (const item of items) addItem(tallies, item, today);
}

/**
 * The lines per lead unit: those of units (isUnitName) in the tallies' order, then the names that
 * are no unit of 承办单位 added up into the one MISNAMED_UNITS line, when there are such.
 */
function unitRows(
  groups: LabelledTallies,
  units: UnitBook | undefined,
): { rows: StatisticsRow[]; misnamed: string[] } {
  const split = splitByUnit(units, groups.values(), (g) => g.label);
  const rows = split.units.map((g) => g.tally.row(g.label));
  if (split.misnamed.length > 0) {
    const misnamed = new Tally();
    for (const g of split.misnamed) misnamed.addCounts(g.tally.counts());
    rows.push(misnamed.row(MISNAMED_UNITS));
  }
  return { rows, misnamed: split.misnamed.map((g) => g.label) };
}

/**
 * The figures of summed tallies, and the 统计 tab's values. `units`: 承办单位, which says which lead
 * units are lines of their own (without it, every name typed is).
 */
export function statisticsOf(tallies: StatisticsTallies, units?: UnitBook): StatisticsResult {
  const { rows: byUnit, misnamed } = unitRows(tallies.byUnit, units);
  const totalRow = tallies.total.row("合计");
  return {
    byUnit,
    misnamedUnits: misnamed,
    total: totalRow,
    byCategory: [...tallies.byCategory.values()].map((g) => g.tally.row(g.label)),
    tabValues: [
      [...STATISTICS_HEADERS],
      ...byUnit.map(statisticsCells),
      statisticsCells(totalRow),
      ...footnoteRows(totalRow.excluded),
    ],
  };
}

/**
 * The spec's statistics over 立案 suggestions that have a 主办单位: per lead unit (every unit of
 * 承办单位 in tab order, then one line of the names that are no unit: MISNAMED_UNITS), office-wide,
 * and per category. A second round counts like the first in 按期答复率 and 逾期未答复; a row with
 * an 错误 in a counted field is left out and counted in `excluded` (and a footnote row of the 统计 tab).
 */
export function computeStatistics(
  items: readonly StatisticsItem[],
  options: StatisticsOptions,
): StatisticsResult {
  const tallies = newTallies(options);
  addItems(tallies, items, options.today);
  return statisticsOf(tallies, options.units);
}

/** What the statistics are counted for: the day, and the lines listed even when empty. */
export interface StatisticsOptions {
  readonly today: string;
  /**
   * 承办单位: its units shown in its order, each with a line even without a suggestion, and a lead
   * unit it does not know in the one MISNAMED_UNITS line. Without it every name typed has a line.
   */
  readonly units?: UnitBook;
  /** Categories shown in this order (设置's), likewise. */
  readonly categories?: readonly string[];
}

/** Empty tallies with a line for each of `options`' units and categories. */
export function newTallies(options: Omit<StatisticsOptions, "today">): StatisticsTallies {
  return {
    byUnit: seededTallies(
      (options.units?.entries ?? []).map((e) => e.name),
      nameKey,
    ),
    byCategory: seededTallies(options.categories ?? [], (label) => label),
    total: new Tally(),
  };
}
