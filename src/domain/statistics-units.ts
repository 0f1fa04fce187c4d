import type { Directory } from "./directory";

/**
 * The one row that gathers, wherever figures are grouped by unit (统计, /units and its CSV, the
 * overview, 单位测评, the year report), the suggestions whose 主办单位 is no unit of 承办单位: a name
 * typed wrong (区住建局（城管）), each with an 错误 in 校验问题. Such a suggestion stays in every total;
 * grouped by unit it is in this row, placed last, never ranked, scored, graded or charted: a name
 * that is no unit is not shown to leaders as one.
 */
export const MISNAMED_UNITS = "（主办单位有误，见校验问题）";

/** What the figures read of 承办单位: its Directory, or anything that looks names up as it does. */
export type UnitBook = Pick<Directory<unknown>, "available" | "entries" | "find">;

/**
 * Whether a 主办单位 (as typed, or its name key) is a unit row of the figures: a unit of 承办单位, as
 * the ledger's check asks (check-ledger-refs: not there is an 错误). While the tab cannot be read that
 * check is skipped, and so every name is a unit row; so it is when no book is given (the figures of
 * some rows without a directory, a part's share before the merge). A unit's former name (原名称,
 * 机构改革) is that unit: find() resolves it, and the sync counts such rows under the current name.
 */
export function isUnitName(units: UnitBook | undefined, name: string): boolean {
  return !units?.available || units.find(name) !== undefined;
}

/** Whether a row of figures grouped by unit (a label, a unit column) is the MISNAMED_UNITS row. */
export function isMisnamedRow(label: string): boolean {
  return label === MISNAMED_UNITS;
}

/**
 * Groups by unit cut in two, each in the order given: those of units (isUnitName) and those of names
 * that are no unit, which the caller adds up into the one MISNAMED_UNITS row placed last. Asked once
 * per group (a name), never per row.
 */
export function splitByUnit<G>(
  units: UnitBook | undefined,
  groups: Iterable<G>,
  nameOf: (group: G) => string,
): { readonly units: G[]; readonly misnamed: G[] } {
  const own: G[] = [];
  const misnamed: G[] = [];
  for (const group of groups) (isUnitName(units, nameOf(group)) ? own : misnamed).push(group);
  return { units: own, misnamed };
}
