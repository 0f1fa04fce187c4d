import { parseCell } from "../../../sheets-schema/cells/cell-type";
import { yesNoCell } from "../../../sheets-schema/cells/choice-cells";
import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { CONTACT_METHODS, CONTACT_STAGES } from "../../../sheets-schema/enums";

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

/** One group of 沟通记录 rows as D1 counts them (the cells as typed, trimmed). */
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

/** The contacts of the year's suggestions, from D1's counts of 沟通记录 by 阶段, 方式 and 代表参加. */
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
const HANDLING = ["转化为建议", "转交部门", "当场答复", "其他"] as const;

export interface OpinionCounts {
  /** Opinions dated in the year (民意 日期). */
  readonly received: number;
  /** Of them, 处理方式 = 转化为建议 (e.g. “转化为建议 129 条”). */
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

/**
 * The year's liaison-station opinions from the raw 民意 tab; null when the sheet has no such tab or
 * keeps nothing in it (the report then leaves the section out). A row without a readable 日期 belongs to no year.
 */
export function opinionCounts(values: readonly (readonly unknown[])[] | undefined, year: number) {
  const cols = columnsOf(values, ["日期", "处理方式"]);
  if (!cols) return null;
  const [dateAt, handlingAt] = cols.at as [number, number];
  const handling = new Map<string, number>();
  let received = 0;
  for (const row of cols.rows) {
    const date = parseDateValue(row[dateAt]);
    if (!date.ok || Number(date.iso.slice(0, 4)) !== year) continue;
    received += 1;
    bump(handling, HANDLING, text(row[handlingAt]), 1);
  }
  const byHandling = counted(HANDLING, handling);
  const converted = handling.get("转化为建议") ?? 0;
  return { received, converted, byHandling } satisfies OpinionCounts;
}

/**
 * The units the standing committee named 先进单位 for `year` (常委会测评: 年度 · 单位名称 · 先进单位 = 是),
 * in the tab's order; null when the sheet has no such tab.
 */
export function commendedUnits(values: readonly (readonly unknown[])[] | undefined, year: number) {
  const cols = columnsOf(values, ["年度", "单位名称", "先进单位"]);
  if (!cols) return null;
  const [yearAt, unitAt, flagAt] = cols.at as [number, number, number];
  const units: string[] = [];
  for (const row of cols.rows) {
    const rowYear = Number.parseInt(text(row[yearAt]), 10);
    const unit = text(row[unitAt]);
    if (rowYear === year && unit && readsYes(row[flagAt]) && !units.includes(unit)) units.push(unit);
  }
  return units;
}
