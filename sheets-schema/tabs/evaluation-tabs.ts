import {
  dateCell,
  enumCell,
  idCell,
  longTextCell,
  numberCell,
  textCell,
  yearCell,
  yesNoCell,
} from "../cells";
import { MAX_YEAR, MIN_YEAR } from "../cells/date-cells";
import { type ColumnDef, column, type RecordOf, tab } from "../columns";
import { OPINION_HANDLING, VOTE_RESULTS } from "../enums";
import { TAB_NAMES } from "../tab-names";

/**
 * The tabs of the 评 half of practice.md staff keep: voters' opinions received at liaison stations
 * (民意), and the standing committee's own scores of the units (常委会测评), which the unit
 * assessment (单位测评) folds in when present.
 */
const staff = "staff" as const;
const NAME_MAX = 100;

export const opinionColumns = [
  column({
    key: "date",
    header: "日期",
    owner: staff,
    cell: dateCell(),
    required: true,
    rules: ["不能晚于今天"],
    note: "接待选民、收到意见的日期",
  }),
  column({
    key: "station",
    header: "联络站",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    width: 160,
    note: "代表联络站（点）名称",
  }),
  column({
    key: "reporter",
    header: "反映人",
    owner: staff,
    cell: textCell(NAME_MAX),
    headerRequired: false,
    note: "反映意见的选民（可写“群众”或匿名）",
  }),
  column({
    key: "content",
    header: "内容",
    owner: staff,
    cell: longTextCell(),
    required: true,
    width: 320,
    note: "反映的问题和意见",
  }),
  column({
    key: "deputy",
    header: "接待代表",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    dropdown: { source: "column", tab: TAB_NAMES.deputies, header: "姓名" },
    rules: ["须与『代表』表的姓名一致", "转化为建议时作为领衔代表"],
    note: "在联络站接待选民的代表",
  }),
  column({
    key: "handling",
    header: "处理方式",
    owner: staff,
    cell: enumCell(OPINION_HANDLING),
    rules: ["转化为建议 须填写建议编号；看板的“转化为建议”会自动填写"],
    note: "转化为建议 / 转交部门 / 当场答复 / 其他",
  }),
  column({
    key: "suggestionId",
    header: "建议编号",
    owner: staff,
    cell: idCell(),
    width: 90,
    dropdown: { source: "column", tab: TAB_NAMES.ledger, header: "编号" },
    rules: ["须是『建议台账』中的编号"],
    note: "转化成的建议的编号",
  }),
  column({
    key: "notes",
    header: "备注",
    owner: staff,
    cell: longTextCell(),
    headerRequired: false,
    width: 220,
    note: "备注（表单提交的记录写有提交号）",
  }),
] as const satisfies readonly ColumnDef[];

export const committeeColumns = [
  column({
    key: "year",
    header: "年度",
    owner: staff,
    cell: yearCell(MIN_YEAR, MAX_YEAR),
    required: true,
    width: 70,
    rules: ["如 2026（与建议的提出年度对应）"],
    note: "测评的年度",
  }),
  column({
    key: "unit",
    header: "单位名称",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    width: 160,
    dropdown: { source: "column", tab: TAB_NAMES.units, header: "单位名称" },
    rules: ["须与『承办单位』表的单位名称一致", "同一年度每个单位一行"],
    note: "被测评的承办单位",
  }),
  column({
    key: "score",
    header: "测评得分",
    owner: staff,
    cell: numberCell(0, 100),
    rules: ["0–100，可带小数"],
    note: "常委会会议测评的得分",
  }),
  column({
    key: "vote",
    header: "表决结果",
    owner: staff,
    cell: enumCell(VOTE_RESULTS),
    headerRequired: false,
    note: "满意 / 基本满意 / 不满意",
  }),
  column({
    key: "advanced",
    header: "先进单位",
    owner: staff,
    cell: yesNoCell(false),
    headerRequired: false,
    rules: ["留空视为 否"],
    note: "是否评为先进承办单位",
  }),
  column({
    key: "notes",
    header: "备注",
    owner: staff,
    cell: longTextCell(),
    headerRequired: false,
    note: "备注",
  }),
] as const satisfies readonly ColumnDef[];

export const opinionsTab = tab({
  name: TAB_NAMES.opinions,
  owner: staff,
  columns: opinionColumns,
  note: "联络站接待选民收到的意见，每条一行；转化为建议的填写建议编号",
});
export const committeeTab = tab({
  name: TAB_NAMES.committee,
  owner: staff,
  columns: committeeColumns,
  note: "常委会对承办单位办理工作的测评，每个年度每个单位一行",
});

export type OpinionRecord = RecordOf<typeof opinionColumns>;
export type CommitteeRecord = RecordOf<typeof committeeColumns>;
