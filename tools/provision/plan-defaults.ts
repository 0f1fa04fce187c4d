import {
  DEFAULT_CATEGORIES,
  DEFAULT_NOTICE_TEMPLATES,
  type NoticeTemplateText,
  offeredSettingDefs,
  splitList,
  TAB_NAMES,
} from "../../sheets-schema";
import { type Change, change, type TabLayout } from "./change";
import { appendDimension, writeText } from "./requests";

type Cells = Readonly<Record<string, string>>;

function cellText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** The non-blank texts of one column of a tab's values (data rows only). */
function columnTexts(layout: TabLayout, header: string): string[] {
  const index = layout.positions.get(header);
  const rows = layout.snapshot.values ?? [];
  if (index === undefined || layout.written.has(header)) return [];
  return rows.slice(1).map((row) => cellText(row[index]));
}

/**
 * Appends rows below the last row holding anything, each cell placed under its header wherever
 * staff moved that column.
 */
function appendRows(layout: TabLayout, rows: readonly Cells[]): ReturnType<typeof writeText>[] {
  const used = Math.max(1, layout.snapshot.values?.length ?? 0);
  const width = Math.max(...[...layout.positions.values()].map((i) => i + 1));
  const lines = rows.map((cells) => {
    const line: (string | null)[] = new Array(width).fill(null);
    for (const [header, text] of Object.entries(cells)) {
      const index = layout.positions.get(header);
      if (index !== undefined) line[index] = text;
    }
    return line;
  });
  const requests = [];
  const overflow = used + rows.length - layout.rowCount;
  if (overflow > 0) requests.push(appendDimension(layout.sheetId, "ROWS", overflow));
  requests.push(writeText(layout.sheetId, used, 0, lines));
  return requests;
}

/** The rows `sheet:init` offers: 设置 items and notice templates (the schema's, unless told otherwise). */
export interface DefaultRows {
  readonly settings: readonly { item: string; defaultText: string; note: string }[];
  readonly templates: readonly NoticeTemplateText[];
}

export const SCHEMA_DEFAULTS: DefaultRows = {
  settings: offeredSettingDefs,
  templates: DEFAULT_NOTICE_TEMPLATES,
};

/**
 * 设置 rows for every 项目 of the spec that the tab does not list yet. A legacy item
 * (二次办理时限天数) is never offered; a sheet that still has it gets 二次办理时限 added.
 */
export function planDefaultSettings(layout: TabLayout, defaults: DefaultRows = SCHEMA_DEFAULTS): Change[] {
  const present = new Set(columnTexts(layout, "项目"));
  const missing = defaults.settings.filter((def) => !present.has(def.item));
  if (missing.length === 0) return [];
  const rows = missing.map((def) => ({ 项目: def.item, 值: def.defaultText, 说明: def.note }));
  const zh = `补充设置项目：${missing.map((def) => def.item).join("、")}`;
  return [change(layout.tab.name, zh, `add ${missing.length} default settings`, appendRows(layout, rows))];
}

/** 通知模板 rows for every notice type no row names yet (a channel-specific row counts). */
export function planDefaultTemplates(layout: TabLayout, defaults: DefaultRows = SCHEMA_DEFAULTS): Change[] {
  const present = new Set(columnTexts(layout, "模板"));
  const missing = defaults.templates.filter((t) => !present.has(t.type));
  if (missing.length === 0) return [];
  const rows = missing.map((t) => ({ 模板: t.type, 渠道: "", 标题: t.title, 正文: t.body, 启用: "是" }));
  const zh = `补充通知模板：${missing.map((t) => t.type).join("、")}`;
  return [
    change(layout.tab.name, zh, `add ${missing.length} default notice templates`, appendRows(layout, rows)),
  ];
}

/** 设置 类别 as the sheet holds it now, for the 类别 dropdown; the defaults when absent or blank. */
export function currentCategories(settings: TabLayout | undefined): readonly string[] {
  if (!settings || settings.tab.name !== TAB_NAMES.settings) return DEFAULT_CATEGORIES;
  const items = columnTexts(settings, "项目");
  const values = columnTexts(settings, "值");
  const row = items.indexOf("类别");
  const list = row >= 0 ? splitList(values[row] ?? "") : [];
  return Array.isArray(list) && list.length > 0 ? list.map(String) : DEFAULT_CATEGORIES;
}
