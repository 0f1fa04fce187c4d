import type { ColumnDef, TabDef } from "./columns";
import { QUESTION_ALIASES } from "./forms/question-aliases";
import { SCRATCH_TAB, TAB_NAMES } from "./tab-names";

/**
 * Staff rename a header or a tab as easily as they delete one (主办单位 → 主办单位（牵头）, 承办单位 →
 * 承办单位（2026）). The advice for a missing header or tab then names the look-alike, because adding
 * an empty column or tab in its place makes every row read as blank.
 */

/** Spaces and brackets dropped: 主办单位（牵头） and 主办单位 牵头 compare as 主办单位牵头. */
export function bareName(text: string): string {
  return text.replace(/[\s()（）[\]【】〔〕〈〉《》<>「」『』“”"'‘’]/g, "");
}

/** Normalised alias → ledger header, from the form question titles the office uses for its columns. */
const LEDGER_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(QUESTION_ALIASES).map(([alias, header]) => [bareName(alias), header]),
);

/** A cell or title of two characters or more that contains `name`, or that `name` contains. */
function looksLike(name: string, text: string): boolean {
  const a = bareName(name);
  const b = bareName(text);
  if (a === "" || b.length < 2) return false;
  return b.includes(a) || a.includes(b);
}

/**
 * The first header cell no known column claims that looks like the missing `column`: it contains
 * the header's text or the header contains it (spaces and brackets ignored), or, on 建议台账, it is a
 * known alias of that header (建议标题 for 标题). Null when there is none.
 */
export function lookAlikeHeader<T extends { readonly header: string }>(
  tab: Pick<TabDef, "name">,
  column: Pick<ColumnDef, "header">,
  unmatched: readonly T[],
): T | null {
  for (const cell of unmatched) if (looksLike(column.header, cell.header)) return cell;
  if (tab.name !== TAB_NAMES.ledger) return null;
  for (const cell of unmatched) if (LEDGER_ALIASES.get(bareName(cell.header)) === column.header) return cell;
  return null;
}

/** `缺少表头“主办单位”：第 P 列的表头是“主办单位（牵头）”，如果就是这一列，请把表头改回“主办单位”（不要新增一列）`. */
export function renamedHeaderAdvice(header: string, letter: string, found: string): string {
  return `缺少表头“${header}”：第 ${letter} 列的表头是“${found}”，如果就是这一列，请把表头改回“${header}”（不要新增一列）`;
}

/**
 * A column staff fill whose absence cannot be told from a deletion: not a system column (the sync
 * rewrites those) and not one an older sheet simply lacks (practice.md's, `quietWhenMissing`).
 */
export function holdsStaffData(tab: Pick<TabDef, "owner">, column: ColumnDef): boolean {
  return tab.owner === "staff" && column.owner === "staff" && column.quietWhenMissing !== true;
}

/** How to get a deleted staff column back, said before "add the header". */
export function restoreColumnAdvice(tab: Pick<TabDef, "name">): string {
  const example = tab.name === TAB_NAMES.ledger ? "（例如已答复的建议会变成未答复并发出催办）" : "";
  return `如果这一列是被误删的，请先用“撤销”或“文件 → 版本记录”恢复；新建一个空列会让系统把这一列都当作空白${example}`;
}

/**
 * The tab (not one of `known`, the tabs the system itself uses) whose title contains the missing
 * tab's name, spaces and brackets ignored: 承办单位（2026） for 承办单位. Only asked when the tab
 * itself is missing, so a 建议台账（备份） beside the real 建议台账 is never named.
 */
export function lookAlikeTab(
  name: string,
  titles: readonly string[],
  known: Iterable<string> = Object.values(TAB_NAMES),
): string | null {
  const own = new Set<string>([...known, SCRATCH_TAB]);
  const bare = bareName(name);
  return titles.find((title) => !own.has(title) && bareName(title).includes(bare)) ?? null;
}

/** `找不到工作表『承办单位』：表格中有『承办单位（2026）』，如果就是它，请把表名改回『承办单位』`. */
export function renamedTabAdvice(name: string, found: string): string {
  return `找不到工作表『${name}』：表格中有『${found}』，如果就是它，请把表名改回『${name}』`;
}
