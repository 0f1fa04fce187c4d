import {
  channelsCell,
  emailCell,
  enumCell,
  listCell,
  longTextCell,
  phoneCell,
  textCell,
  urlCell,
} from "../cells";
import { type ColumnDef, column, type RecordOf, tab } from "../columns";
import { LEADER_KINDS } from "../enums";
import { TAB_NAMES } from "../tab-names";

const NAME_MAX = 100;
const staff = "staff" as const;
const channelRules = [
  "可填 email、wecom、dingtalk、feishu、webhook，多个用顿号分隔",
  "留空时按已填写的邮箱和机器人地址推断",
];

/** Contact columns shared by 承办单位 and 代表. */
const contactColumns = [
  column({
    key: "phone",
    header: "手机",
    owner: staff,
    cell: phoneCell(),
    headerRequired: false,
    note: "手机号码",
  }),
  column({
    key: "email",
    header: "邮箱",
    owner: staff,
    cell: emailCell(),
    headerRequired: false,
    note: "接收邮件通知的邮箱",
  }),
  column({
    key: "channels",
    header: "通知渠道",
    owner: staff,
    cell: channelsCell(),
    headerRequired: false,
    rules: channelRules,
    note: "接收通知的渠道",
  }),
  column({
    key: "botUrl",
    header: "机器人地址",
    owner: staff,
    cell: urlCell(),
    headerRequired: false,
    width: 260,
    note: "企业微信、钉钉、飞书群机器人或 webhook 地址",
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

export const unitColumns = [
  column({
    key: "name",
    header: "单位名称",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    width: 160,
    rules: ["唯一"],
    note: "承办单位全称，台账中的主办单位、协办单位须与此一致",
  }),
  column({
    key: "contact",
    header: "联系人",
    owner: staff,
    cell: textCell(NAME_MAX),
    headerRequired: false,
    note: "办理联系人",
  }),
  ...contactColumns,
  // Optional (机构改革), and last: a sheet without it works as before, and `sheet:init` appends it.
  // Ledger and practice rows naming a former name count under this unit (directory.ts, find), and a
  // 主办单位 changed to the current name is no reassignment (notices/catch-up.ts).
  column({
    key: "formerNames",
    header: "原名称",
    owner: staff,
    cell: listCell(NAME_MAX),
    headerRequired: false,
    quietWhenMissing: true,
    width: 160,
    rules: [
      "单位更名或合并时填写原来的单位名称，多个用顿号分隔，如 区城管局",
      "不能与本表另一单位的单位名称相同",
    ],
    note: "更名、合并前的单位名称：台账和各记录表中写原名称的，计入本单位",
  }),
] as const satisfies readonly ColumnDef[];

export const deputyColumns = [
  column({
    key: "name",
    header: "姓名",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    rules: ["唯一", "同名代表请加以区分，如 王伟(北关)"],
    note: "代表姓名",
  }),
  column({
    key: "delegation",
    header: "代表团",
    owner: staff,
    cell: textCell(NAME_MAX),
    headerRequired: false,
    note: "所在代表团",
  }),
  column({
    key: "group",
    header: "专业小组",
    owner: staff,
    cell: textCell(NAME_MAX),
    headerRequired: false,
    note: "所在专业小组",
  }),
  ...contactColumns,
] as const satisfies readonly ColumnDef[];

/** 领导 (practice.md): the congress leaders who supervise and the government leaders who lead handling. */
export const leaderColumns = [
  column({
    key: "name",
    header: "姓名",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    rules: ["唯一", "台账中的督办领导、领办领导须与此一致"],
    note: "领导姓名（可带职务，如 刘振华主任）",
  }),
  column({
    key: "title",
    header: "职务",
    owner: staff,
    cell: textCell(NAME_MAX),
    headerRequired: false,
    note: "如 区人大常委会副主任、副区长",
  }),
  column({
    key: "kind",
    header: "类型",
    owner: staff,
    cell: enumCell(LEADER_KINDS),
    headerRequired: false,
    rules: ["督办 = 督办建议的人大常委会领导；领办 = 领办建议的政府领导"],
    note: "督办 / 领办",
  }),
  ...contactColumns,
] as const satisfies readonly ColumnDef[];

export const unitsTab = tab({
  name: TAB_NAMES.units,
  owner: staff,
  columns: unitColumns,
  note: "承办单位名录",
});
export const deputiesTab = tab({
  name: TAB_NAMES.deputies,
  owner: staff,
  columns: deputyColumns,
  note: "代表名录",
});

export const leadersTab = tab({
  name: TAB_NAMES.leaders,
  owner: staff,
  columns: leaderColumns,
  note: "督办领导与领办领导名录",
});

export type UnitRecord = RecordOf<typeof unitColumns>;
export type LeaderRecord = RecordOf<typeof leaderColumns>;
export type DeputyRecord = RecordOf<typeof deputyColumns>;
