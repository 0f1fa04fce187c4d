import * as z from "zod";
import { addDaysIso } from "../../src/domain/civil-date";
import {
  type CellType,
  channelNormaliser,
  dateCell,
  describeRaw,
  enumCell,
  longTextCell,
  parseDateValue,
  textCell,
  toHalfWidth,
  wrongShapeMessage,
  yesNoCell,
} from "../cells";
import { type ColumnDef, column, type RecordOf, tab } from "../columns";
import { CHANNELS, HOLIDAY_KINDS, TEMPLATE_NAMES } from "../enums";
import { TAB_NAMES } from "../tab-names";

const staff = "staff" as const;

export const templateColumns = [
  column({
    key: "type",
    header: "模板",
    owner: staff,
    cell: enumCell(TEMPLATE_NAMES),
    required: true,
    width: 110,
    note: "通知类型",
  }),
  column({
    key: "channel",
    header: "渠道",
    owner: staff,
    cell: enumCell(CHANNELS, channelNormaliser),
    headerRequired: false,
    rules: ["留空表示所有渠道"],
    note: "只用于该渠道的模板",
  }),
  column({
    key: "title",
    header: "标题",
    owner: staff,
    cell: textCell(),
    width: 220,
    note: "通知标题，可用 {{台账列名}} 等占位符；每种通知能用哪些，见工作人员手册附录二“通知模板里的占位符”",
  }),
  column({
    key: "body",
    header: "正文",
    owner: staff,
    cell: longTextCell(),
    width: 420,
    note: "通知正文，可用 {{台账列名}} 和系统算出的 {{接收方}} {{剩余天数}} 等；每种通知能用哪些、空值怎样处理，见工作人员手册附录二“通知模板里的占位符”",
  }),
  column({
    key: "enabled",
    header: "启用",
    owner: staff,
    cell: yesNoCell(true),
    headerRequired: false,
    rules: ["留空视为 是", "否 表示不发送这一类通知"],
    note: "是否启用",
  }),
] as const satisfies readonly ColumnDef[];

/** A span's first date: 年月日 (2027-02-10, 2027年2月10日) or 月日 (2/10, 2月10日). */
const SPAN_START = String.raw`(\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?`;
/** Its last date may also be a bare day (2月10日至16日). */
const SPAN_END = String.raw`(?:(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*)?\d{1,2}\s*[日号]?`;
const DATE_SPAN = new RegExp(`^(${SPAN_START})\\s*(?:至|到|~|～|〜|—+|–|-)\\s*${SPAN_END}$`);

/**
 * The message for a 日期 that is a span of dates (2027-02-10至2027-02-16, 2/10-2/16), as staff copy
 * it from the State Council notice; null for anything else. Asked only of a text that is no date, so
 * the hyphens inside one date (2027-02-10) never read as a span.
 */
function holidaySpanMessage(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const typed = raw.trim();
  const span = DATE_SPAN.exec(toHalfWidth(typed));
  if (!span) return null;
  const startText = span[1] ?? "";
  const start = parseDateValue(startText);
  // A span without its year cannot be listed for it: staff are asked to write the year.
  const rows = start.ok
    ? `${start.iso}、${addDaysIso(start.iso, 1)}…各一行`
    : `${span[2] === undefined ? "并写明年份，" : ""}如 2027-02-10、2027-02-11…各一行`;
  return `日期${describeRaw(typed)}是一段日期：节假日每个日期写一行（${rows}），类型写 休 或 班`;
}

/**
 * 节假日's 日期: one date, read as every date cell reads it; a span of dates is told to go a date
 * per row instead of being called an unrecognisable date. Other tabs' dates are not affected.
 */
function holidayDateCell(): CellType<string, null> {
  const cell = dateCell();
  const schema = z.unknown().transform((raw, ctx) => {
    const outcome = parseDateValue(raw);
    if (outcome.ok) return outcome.iso;
    ctx.addIssue({ code: "custom", message: holidaySpanMessage(raw) ?? outcome.message });
    return z.NEVER;
  });
  return { ...cell, schema };
}

export const holidayColumns = [
  column({
    key: "date",
    header: "日期",
    owner: staff,
    cell: holidayDateCell(),
    required: true,
    rules: ["每个日期只写一行"],
    note: "日期",
  }),
  column({
    key: "kind",
    header: "类型",
    owner: staff,
    cell: enumCell(HOLIDAY_KINDS),
    required: true,
    note: "休 = 放假休息；班 = 调休上班",
  }),
  column({
    key: "note",
    header: "说明",
    owner: staff,
    cell: textCell(),
    headerRequired: false,
    width: 200,
    note: "如 2027 年春节",
  }),
] as const satisfies readonly ColumnDef[];

/** 值 of 设置 is kept as the raw scalar and parsed per 项目 (a checkbox is fine for 仅工作日发送). */
const settingValueCell: CellType<string | number | boolean, ""> = {
  kind: "text",
  schema: z.union([z.string(), z.number(), z.boolean()], {
    error: (issue) => wrongShapeMessage(issue.input, "设置值"),
  }),
  blank: "",
};

/**
 * 设置 is a key/value tab; 值 is parsed per 项目 (see settings.ts), so its cell type here is only
 * the raw text for provisioning.
 */
export const settingColumns = [
  column({
    key: "item",
    header: "项目",
    owner: staff,
    cell: textCell(50),
    required: true,
    width: 140,
    note: "设置项目",
  }),
  column({ key: "value", header: "值", owner: staff, cell: settingValueCell, width: 320, note: "设置值" }),
  column({
    key: "note",
    header: "说明",
    owner: staff,
    cell: longTextCell(),
    headerRequired: false,
    width: 360,
    note: "说明",
  }),
] as const satisfies readonly ColumnDef[];

export const templatesTab = tab({
  name: TAB_NAMES.templates,
  owner: staff,
  columns: templateColumns,
  note: "通知模板，可由工作人员修改",
});
export const holidaysTab = tab({
  name: TAB_NAMES.holidays,
  owner: staff,
  columns: holidayColumns,
  note: "节假日与调休上班日，优先于内置日历",
});
export const settingsTab = tab({
  name: TAB_NAMES.settings,
  owner: staff,
  columns: settingColumns,
  note: "系统设置：项目 · 值 · 说明",
});

export type TemplateRecord = RecordOf<typeof templateColumns>;
export type HolidayRecord = RecordOf<typeof holidayColumns>;
export type SettingRecord = RecordOf<typeof settingColumns>;
