import { dateCell, enumCell, idCell, longTextCell, textCell, yesNoCell } from "../cells";
import { type ColumnDef, column, type RecordOf, tab } from "../columns";
import { APPROVAL_RESULTS, CONTACT_METHODS, CONTACT_STAGES } from "../enums";
import { TAB_NAMES } from "../tab-names";

/**
 * The tabs staff keep around the ledger (practice.md): the 三沟通 contacts with deputies, the
 * lead units' extension requests and the co-units' written opinions. One row per event, tied to a
 * suggestion by its 编号.
 */
const staff = "staff" as const;
const NAME_MAX = 100;
const idDropdown = { source: "column", tab: TAB_NAMES.ledger, header: "编号" } as const;
const unitDropdown = { source: "column", tab: TAB_NAMES.units, header: "单位名称" } as const;

function suggestionId(note: string) {
  return column({
    key: "id",
    header: "编号",
    owner: staff,
    cell: idCell(),
    required: true,
    width: 90,
    dropdown: idDropdown,
    rules: ["须是『建议台账』中的编号"],
    note,
  });
}

export const contactLogColumns = [
  suggestionId("所联系建议的编号"),
  column({
    key: "date",
    header: "日期",
    owner: staff,
    cell: dateCell(),
    required: true,
    rules: ["不能早于交办日期", "不能晚于今天"],
    note: "联系的日期",
  }),
  column({
    key: "stage",
    header: "阶段",
    owner: staff,
    cell: enumCell(CONTACT_STAGES),
    required: true,
    rules: ["办前 = 答复前的联系；办中 = 办理中的沟通；办后 = 答复后的回访"],
    note: "办前 / 办中 / 办后",
  }),
  column({
    key: "method",
    header: "方式",
    owner: staff,
    cell: enumCell(CONTACT_METHODS),
    required: true,
    note: "面商 / 座谈 / 实地察看 / 电话 / 书面 / 其他",
  }),
  column({
    key: "unit",
    header: "承办单位",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    width: 140,
    dropdown: unitDropdown,
    rules: ["须是这条建议的主办单位或协办单位"],
    note: "与代表联系的承办单位",
  }),
  column({
    key: "deputyJoined",
    header: "代表参加",
    owner: staff,
    cell: yesNoCell(false),
    headerRequired: false,
    rules: ["留空视为 否"],
    note: "代表本人是否参加",
  }),
  column({
    key: "people",
    header: "参加人员",
    owner: staff,
    cell: textCell(),
    headerRequired: false,
    width: 180,
    note: "参加人员",
  }),
  column({
    key: "content",
    header: "内容",
    owner: staff,
    cell: longTextCell(),
    headerRequired: false,
    width: 260,
    note: "沟通的内容",
  }),
  column({
    key: "opinion",
    header: "代表意见",
    owner: staff,
    cell: longTextCell(),
    headerRequired: false,
    width: 220,
    note: "代表的意见",
  }),
] as const satisfies readonly ColumnDef[];

export const extensionColumns = [
  suggestionId("申请延期的建议编号"),
  column({
    key: "appliedOn",
    header: "申请日期",
    owner: staff,
    cell: dateCell(),
    required: true,
    rules: ["晚于交办日期", "不能晚于今天"],
    note: "承办单位提出延期申请的日期",
  }),
  column({
    key: "unit",
    header: "申请单位",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    width: 140,
    dropdown: unitDropdown,
    rules: ["只有主办单位可以申请延期"],
    note: "申请延期的单位",
  }),
  column({
    key: "reason",
    header: "理由",
    owner: staff,
    cell: longTextCell(),
    required: true,
    width: 260,
    note: "延期的理由（涉及面广、处理难度大等）",
  }),
  column({
    key: "result",
    header: "审批结果",
    owner: staff,
    cell: enumCell(APPROVAL_RESULTS),
    rules: ["留空表示待审批", "同意后首轮办理时限为六个月（代表法第五十一条，最长六个月）"],
    note: "同意 / 不同意",
  }),
  column({
    key: "decidedOn",
    header: "审批日期",
    owner: staff,
    cell: dateCell(),
    rules: ["不能早于申请日期", "不能晚于今天"],
    note: "审批的日期",
  }),
  column({
    key: "approver",
    header: "审批人",
    owner: staff,
    cell: textCell(NAME_MAX),
    headerRequired: false,
    note: "审批人",
  }),
] as const satisfies readonly ColumnDef[];

export const coOpinionColumns = [
  suggestionId("协办的建议编号"),
  column({
    key: "unit",
    header: "协办单位",
    owner: staff,
    cell: textCell(NAME_MAX),
    required: true,
    width: 140,
    dropdown: unitDropdown,
    rules: ["须是这条建议的协办单位"],
    note: "送达意见的协办单位",
  }),
  column({
    key: "deliveredOn",
    header: "送达日期",
    owner: staff,
    cell: dateCell(),
    required: true,
    rules: ["不能晚于今天"],
    note: "书面意见送达主办单位的日期",
  }),
  column({
    key: "summary",
    header: "内容摘要",
    owner: staff,
    cell: longTextCell(),
    headerRequired: false,
    width: 300,
    note: "协办意见的要点",
  }),
] as const satisfies readonly ColumnDef[];

export const contactsTab = tab({
  name: TAB_NAMES.contacts,
  owner: staff,
  columns: contactLogColumns,
  note: "三沟通：办前联系、办中沟通、办后回访，每次联系一行",
});
export const extensionsTab = tab({
  name: TAB_NAMES.extensions,
  owner: staff,
  columns: extensionColumns,
  note: "主办单位的延期申请及审批",
});
export const coOpinionsTab = tab({
  name: TAB_NAMES.coOpinions,
  owner: staff,
  columns: coOpinionColumns,
  note: "协办单位送达主办单位的书面意见",
});

export type ContactRecord = RecordOf<typeof contactLogColumns>;
export type ExtensionRecord = RecordOf<typeof extensionColumns>;
export type CoOpinionRecord = RecordOf<typeof coOpinionColumns>;
