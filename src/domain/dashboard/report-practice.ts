import { parseCell } from "../../../sheets-schema/cells/cell-type";
import { yesNoCell } from "../../../sheets-schema/cells/choice-cells";
import { CONTACT_METHODS, CONTACT_STAGES, OPINION_HANDLING } from "../../../sheets-schema/enums";
import type { Assessment } from "../evaluation/assessment";
import { NOT_YET_CONVERTED, opinionsOfYear, tallyOpinions } from "../evaluation/opinions";

/** Counts of one kind, in the order staff know them. */
export interface Count {
  readonly label: string;
  readonly count: number;
}

/** 沟通记录 of the year's suggestions (三沟通), by 阶段 and by 方式. */
export interface ContactCounts {
  readonly total: number;
  /** Contacts a deputy took part in (代表参加 = 是). */
  readonly deputyJoined: number;
  readonly byStage: readonly Count[];
  readonly byMethod: readonly Count[];
}

/**
 * One group of counting 沟通记录 rows (contacts-part.ts: no 错误, each contact once): 阶段 and 方式
 * as read, 代表参加 as 是 or 否.
 */
export interface ContactGroup {
  readonly stage: string;
  readonly method: string;
  readonly joined: string;
  readonly count: number;
}

/** A 是/否 cell as the sync reads it (√ and Y are 是, with a 提醒 on the row), not only the text 是. */
const YES_NO = yesNoCell(false);
const readsYes = (raw: unknown) => parseCell(YES_NO, raw).value === true;

/** A cell that is none of the listed values (blank or mistyped: the sync reports it on its row). */
export const UNREADABLE = "未填或无法识别";

function counted(labels: readonly string[], tally: Map<string, number>): Count[] {
  const out = labels.map((label) => ({ label, count: tally.get(label) ?? 0 }));
  const other = tally.get(UNREADABLE);
  return other ? [...out, { label: UNREADABLE, count: other }] : out;
}

function bump(tally: Map<string, number>, labels: readonly string[], value: string, by: number): void {
  const label = labels.includes(value) ? value : UNREADABLE;
  tally.set(label, (tally.get(label) ?? 0) + by);
}

/** The contacts of the year's suggestions, from the counting 沟通记录 by 阶段, 方式 and 代表参加. */
export function contactCounts(groups: readonly ContactGroup[]): ContactCounts {
  const stages = new Map<string, number>();
  const methods = new Map<string, number>();
  let total = 0;
  let deputyJoined = 0;
  for (const g of groups) {
    total += g.count;
    if (readsYes(g.joined)) deputyJoined += g.count;
    bump(stages, CONTACT_STAGES, g.stage, g.count);
    bump(methods, CONTACT_METHODS, g.method, g.count);
  }
  return {
    total,
    deputyJoined,
    byStage: counted(CONTACT_STAGES, stages),
    byMethod: counted(CONTACT_METHODS, methods),
  };
}

/** The tab 民意 (practice.md): opinions received at liaison stations, and what was done with them. */
export const OPINIONS_TAB = "民意";
/** The tab 常委会测评 (practice.md): the standing committee's votes on units, with 先进单位. */
export const COMMITTEE_TAB = "常委会测评";

export interface OpinionCounts {
  /** Opinions dated in the year (民意 日期) that count (isCountingOpinion: no 错误 in their cells). */
  readonly received: number;
  /**
   * Of them, 处理方式 = 转化为建议 with a 建议编号 that 建议台账 holds (e.g. “转化为建议 129 条”);
   * one without, or with a 编号 the ledger lacks, is NOT_YET_CONVERTED.
   */
  readonly converted: number;
  readonly byHandling: readonly Count[];
}

const text = (cell: unknown) => (cell === null || cell === undefined ? "" : String(cell).trim());

/** Rows of a tab as header → cell, or null when the tab or one of `needed` headers is missing. */
/**
 * The needed columns of a tab and its rows; null when the tab is missing, lacks a column, or has no
 * row at all: `sheet:init` adds 民意 and 常委会测评 to every sheet, and an office that does not keep
 * them should not read "收集群众意见0条" in its report.
 */
function columnsOf(values: readonly (readonly unknown[])[] | undefined, needed: readonly string[]) {
  const header = (values?.[0] ?? []).map(text);
  const at = needed.map((h) => header.indexOf(h));
  if (!values || at.some((i) => i < 0)) return null;
  const rows = values.slice(1).filter((row) => row.some((cell) => text(cell) !== ""));
  return rows.length > 0 ? { at, rows } : null;
}

/** The 建议编号 column of 民意 (-1 when the tab has none: no opinion is converted then). */
function suggestionIdColumn(values: readonly (readonly unknown[])[] | undefined): number {
  return (values?.[0] ?? []).map(text).indexOf("建议编号");
}

/**
 * The 建议编号 of 民意's rows marked 转化为建议, of every year: what `knownId` of opinionCounts is
 * asked about (a few, asked of the ledger at once).
 */
export function convertedOpinionIds(values: readonly (readonly unknown[])[] | undefined): string[] {
  const cols = columnsOf(values, ["处理方式"]);
  const idAt = suggestionIdColumn(values);
  if (!cols || idAt < 0) return [];
  const [handlingAt] = cols.at as [number];
  const ids = new Set<string>();
  for (const row of cols.rows) {
    const id = text(row[idAt]);
    if (id && text(row[handlingAt]) === "转化为建议") ids.add(id);
  }
  return [...ids];
}

/**
 * The year's liaison-station opinions from the raw 民意 tab, counted as /opinions counts them
 * (tallyOpinions: a row with an 错误 counts nowhere; converted only with a 建议编号 `knownId` finds,
 * null: taken as it is); null when the sheet has no such tab, keeps nothing in it, or its header
 * cannot be read (the report then leaves the section out). A row without a readable 日期 belongs to no year.
 */
export function opinionCounts(
  values: readonly (readonly unknown[])[] | undefined,
  year: number,
  knownId: ((id: string) => boolean) | null,
  today: string,
): OpinionCounts | null {
  const opinions = columnsOf(values, ["日期", "处理方式"]) ? opinionsOfYear(values, year) : null;
  if (!opinions) return null;
  const { received, converted, byHandling } = tallyOpinions(opinions, knownId, today);
  const tally = new Map<string, number>();
  for (const [how, count] of byHandling) tally.set(how ?? UNREADABLE, count);
  const listed = counted(OPINION_HANDLING, tally);
  const waiting = tally.get(NOT_YET_CONVERTED);
  // Beside 转化为建议, so a reader sees the two together.
  const byHandlingListed = waiting
    ? [listed[0] as Count, { label: NOT_YET_CONVERTED, count: waiting }, ...listed.slice(1)]
    : listed;
  return { received, converted, byHandling: byHandlingListed };
}

/**
 * The units the standing committee named 先进单位, exactly as the year's 单位测评 (/assessment, its CSV
 * and the commendations draft) marks them: from the 常委会测评 rows committeeScores counts (a row
 * with an 错误 — a score over 100, a 表决结果 not of the list, a second row of a unit — counts for
 * nothing), for the units assessed that year, in the ranking's order. null when the sheet keeps no
 * such tab, or nothing in it.
 */
export function commendedUnits(
  values: readonly (readonly unknown[])[] | undefined,
  assessment: Pick<Assessment, "rows">,
): string[] | null {
  if (!columnsOf(values, ["年度", "单位名称", "先进单位"])) return null;
  return assessment.rows.flatMap((row) => (row.advanced ? [row.unit] : []));
}
