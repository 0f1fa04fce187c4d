import { type Change, change, type TabLayout } from "./change";
import { isOutdatedValidation, sameValidation, type ValidationContext, validationRule } from "./layout";
import { columnRange, setValidation } from "./requests";
import { BLANK_CELL } from "./snapshot";

function sourceOf(rule: { condition?: { type?: string | null } | null }): string {
  switch (rule.condition?.type) {
    case "ONE_OF_RANGE":
      return "引用";
    case "DATE_IS_VALID":
      return "日期";
    default:
      return "选项";
  }
}

/**
 * Dropdowns on the data rows of staff columns, compared with what the first data row holds. A rule
 * that differs (a moved 单位名称 column, a changed 类别 list) is set again; one an older release set
 * where the product accepts what it marks invalid (date checks, a list column's reference) is removed.
 */
export function planValidation(layout: TabLayout, ctx: ValidationContext): Change[] {
  const { tab, snapshot, sheetId } = layout;
  if (layout.rowCount < 2) return [];
  const changes: Change[] = [];
  const set: string[] = [];
  const cleared: string[] = [];
  const setRequests = [];
  const clearRequests = [];
  for (const col of tab.columns) {
    const wanted = validationRule(tab, col, ctx);
    const index = layout.positions.get(col.header) ?? 0;
    const current = layout.written.has(col.header)
      ? null
      : (snapshot.firstRow[index] ?? BLANK_CELL).validation;
    if (!wanted) {
      if (!isOutdatedValidation(col, current)) continue;
      cleared.push(`${col.header}（${sourceOf(current ?? {})}）`);
      clearRequests.push(setValidation(columnRange(sheetId, index, 1), null));
      continue;
    }
    if (sameValidation(current, wanted)) continue;
    set.push(`${col.header}（${sourceOf(wanted)}）`);
    setRequests.push(setValidation(columnRange(sheetId, index, 1), wanted));
  }
  if (set.length > 0) {
    const zh = `数据验证：${set.join("、")}`;
    changes.push(change(tab.name, zh, `data validation on ${set.length} column(s)`, setRequests));
  }
  if (cleared.length > 0) {
    const zh = `移除会把系统接受的值标成无效的数据验证：${cleared.join("、")}`;
    const en = `remove data validation that marks accepted values invalid on ${cleared.length} column(s)`;
    changes.push(change(tab.name, zh, en, clearRequests));
  }
  return changes;
}
