import { type Change, change, type TabLayout } from "./change";
import { sameValidation, type ValidationContext, validationRule } from "./layout";
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
 * Dropdowns (and date checks) on the data rows of staff columns, compared with what the first data
 * row holds. A rule that differs (a moved 单位名称 column, a changed 类别 list) is set again.
 */
export function planValidation(layout: TabLayout, ctx: ValidationContext): Change[] {
  const { tab, snapshot, sheetId } = layout;
  if (layout.rowCount < 2) return [];
  const names: string[] = [];
  const requests = [];
  for (const col of tab.columns) {
    const wanted = validationRule(tab, col, ctx);
    if (!wanted) continue;
    const index = layout.positions.get(col.header) ?? 0;
    const current = layout.written.has(col.header)
      ? null
      : (snapshot.firstRow[index] ?? BLANK_CELL).validation;
    if (sameValidation(current, wanted)) continue;
    names.push(`${col.header}（${sourceOf(wanted)}）`);
    requests.push(setValidation(columnRange(sheetId, index, 1), wanted));
  }
  if (names.length === 0) return [];
  const zh = `数据验证：${names.join("、")}`;
  return [change(tab.name, zh, `data validation on ${names.length} column(s)`, requests)];
}
