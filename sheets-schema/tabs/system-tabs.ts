import { dateTimeCell, enumCell, idCell, integerCell, longTextCell, textCell } from "../cells";
import { type ColumnDef, column, type RecordOf, tab } from "../columns";
import { CHANNELS, NOTICE_STATES, NOTICE_TYPES, PROBLEM_LEVELS } from "../enums";
import { TAB_NAMES } from "../tab-names";

const system = "system" as const;

export const noticeLogColumns = [
  column({
    key: "time",
    header: "时间",
    owner: system,
    cell: dateTimeCell(),
    width: 140,
    note: "发送或排队的时间",
  }),
  column({ key: "id", header: "编号", owner: system, cell: idCell(), note: "建议编号；督办周报为空" }),
  column({ key: "type", header: "通知类型", owner: system, cell: enumCell(NOTICE_TYPES), note: "通知类型" }),
  column({ key: "recipient", header: "接收方", owner: system, cell: textCell(), note: "单位或代表" }),
  column({ key: "channel", header: "渠道", owner: system, cell: enumCell(CHANNELS), note: "发送渠道" }),
  column({
    key: "state",
    header: "状态",
    owner: system,
    cell: enumCell(NOTICE_STATES),
    note: "待发送 / 已发送 / 失败",
  }),
  column({
    key: "summary",
    header: "摘要",
    owner: system,
    cell: longTextCell(),
    width: 300,
    note: "通知标题",
  }),
  column({
    key: "error",
    header: "错误",
    owner: system,
    cell: longTextCell(),
    width: 240,
    note: "发送失败的原因",
  }),
] as const satisfies readonly ColumnDef[];

export const problemColumns = [
  column({ key: "tab", header: "工作表", owner: system, cell: textCell(), note: "问题所在的工作表" }),
  column({
    key: "row",
    header: "行号",
    owner: system,
    cell: integerCell(1, 10_000_000),
    note: "问题所在的行；空白表示整张表",
  }),
  column({ key: "id", header: "编号", owner: system, cell: idCell(), note: "建议编号（如有）" }),
  column({
    key: "column",
    header: "列",
    owner: system,
    cell: textCell(),
    note: "问题所在的列；空白表示整行或整张表",
  }),
  column({
    key: "level",
    header: "级别",
    owner: system,
    cell: enumCell(PROBLEM_LEVELS),
    note: "错误 须改正；提醒 请留意",
  }),
  column({
    key: "message",
    header: "问题",
    owner: system,
    cell: longTextCell(),
    width: 480,
    note: "问题说明及改正办法",
  }),
] as const satisfies readonly ColumnDef[];

/** 统计 headers in the spec's order; values are written as computed (rates as text like 87.5%). */
export const STATISTICS_HEADERS = [
  "单位",
  "承办件数",
  "已答复",
  "按期答复率",
  "逾期未答复",
  "满意率",
  "A",
  "B",
  "C",
  "D",
  "平均答复天数",
  "沟通率",
  "延期件数",
  "二次交办",
  "二次已答复",
  "二次逾期未答复",
] as const;
export type StatisticsHeader = (typeof STATISTICS_HEADERS)[number];

/**
 * 统计 columns added after ledger.md (practice.md's, and issue 14's second round): an older 统计 tab
 * without them is still written (the sync rewrites its header).
 */
const PRACTICE_STATISTICS: ReadonlySet<string> = new Set([
  "沟通率",
  "延期件数",
  "二次交办",
  "二次已答复",
  "二次逾期未答复",
]);

const statisticsColumns = STATISTICS_HEADERS.map((header) =>
  column({
    key: header,
    header,
    owner: system,
    cell: textCell(),
    note: header,
    ...(PRACTICE_STATISTICS.has(header) ? { headerRequired: false, quietWhenMissing: true } : {}),
  }),
);

/**
 * 单位测评 headers (practice.md, Assessment of units): one row per 年度 and lead unit, ranked;
 * rates as text like 统计 ("87.5%" or "—"), scores as text with one decimal ("100.0", scoreText), as
 * every page and the report show them; 排名 stays a number, to sort by.
 */
export const ASSESSMENT_HEADERS = [
  "年度",
  "单位",
  "承办件数",
  "按期答复率",
  "满意率",
  "沟通率",
  "落实率",
  "常委会测评",
  "综合得分",
  "等次",
  "排名",
  "延期件数",
  "先进单位",
] as const;

const assessmentColumns = ASSESSMENT_HEADERS.map((header) =>
  column({ key: header, header, owner: system, cell: textCell(), note: header }),
);

export const noticeLogTab = tab({
  name: TAB_NAMES.noticeLog,
  owner: system,
  columns: noticeLogColumns,
  note: "已发送和待发送的通知",
});
export const problemsTab = tab({
  name: TAB_NAMES.problems,
  owner: system,
  columns: problemColumns,
  note: "每次同步发现的问题",
});
export const statisticsTab = tab({
  name: TAB_NAMES.statistics,
  owner: system,
  columns: statisticsColumns,
  note: "按主办单位统计",
});

export const assessmentTab = tab({
  name: TAB_NAMES.assessment,
  owner: system,
  columns: assessmentColumns,
  note: "承办单位年度测评：各项指标、综合得分、等次和排名",
});

export type NoticeLogRecord = RecordOf<typeof noticeLogColumns>;
