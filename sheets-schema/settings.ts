import {
  type CellType,
  dateCell,
  dateRangesCell,
  gradesCell,
  integerCell,
  integerListCell,
  listCell,
  periodCell,
  textCell,
  urlCell,
  weightsCell,
  yesNoCell,
} from "./cells";

/** One row of 设置: 项目, its parser, its default and the 说明 provisioning writes. */
export interface SettingDef<K extends string, T> {
  readonly key: K;
  readonly item: string;
  readonly cell: CellType<T, unknown>;
  readonly defaultValue: T;
  /** The default as staff see it in the 值 cell. */
  readonly defaultText: string;
  readonly note: string;
  /**
   * A row an older sheet may still hold, read for compatibility but no longer offered by
   * `sheet:init` (二次办理时限天数, replaced by 二次办理时限).
   */
  readonly legacy?: boolean;
}

function setting<const K extends string, T>(
  def: SettingDef<K, NoInfer<T>> & { cell: CellType<T, unknown> },
): SettingDef<K, T> {
  return def;
}

/** Default categories (设置 类别). */
export const DEFAULT_CATEGORIES = [
  "经济发展",
  "城乡建设",
  "社会事业",
  "教育医疗",
  "农业农村",
  "生态环境",
  "监察司法",
  "其他",
];

/** Every 设置 项目 in the spec, in the order provisioning writes them. */
/** 设置 时区 when the tab leaves it out or before the first sync read it: where the offices are. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export const settingDefs = [
  setting({
    key: "idFormat",
    item: "编号格式",
    cell: textCell(50),
    defaultValue: "{年}-{序号:3}",
    defaultText: "{年}-{序号:3}",
    note: "编号格式：{年} 为提出日期的年份，{序号:3} 为当年序号补足 3 位（{序号} 不补位）",
  }),
  setting({
    key: "timeZone",
    item: "时区",
    cell: textCell(64),
    defaultValue: DEFAULT_TIME_ZONE,
    defaultText: DEFAULT_TIME_ZONE,
    note: "所有日期按此时区的当地日期计算",
  }),
  setting({
    key: "categories",
    item: "类别",
    cell: listCell(50),
    defaultValue: DEFAULT_CATEGORIES,
    defaultText: DEFAULT_CATEGORIES.join(","),
    note: "建议类别，以逗号或顿号分隔；台账的类别下拉框取自这里",
  }),
  setting({
    key: "dueSoonDays",
    item: "即将到期天数",
    cell: integerCell(0, 365),
    defaultValue: 15,
    defaultText: "15",
    note: "距办理期限不超过这么多天时，台账状态为 即将到期",
  }),
  setting({
    key: "reminderDays",
    item: "到期提醒天数",
    cell: integerListCell(1, 365),
    defaultValue: [15, 7, 3],
    defaultText: "15,7,3",
    note: "在办理期限前这些天各发一次到期提醒",
  }),
  setting({
    key: "overdueIntervalDays",
    item: "逾期催办间隔天数",
    cell: integerCell(1, 365),
    defaultValue: 7,
    defaultText: "7",
    note: "逾期后每隔这么多天催办一次",
  }),
  setting({
    key: "secondRoundDays",
    item: "二次办理时限天数",
    cell: integerCell(1, 365),
    defaultValue: 30,
    defaultText: "30",
    note: "二次交办的办理时限（天）；已由“二次办理时限”取代",
    legacy: true,
  }),
  setting({
    key: "ratingDays",
    item: "测评期限天数",
    cell: integerCell(1, 365),
    defaultValue: 30,
    defaultText: "30",
    note: "答复后这么多天仍未测评，提醒代表测评",
  }),
  setting({
    key: "objectionWorkingDays",
    item: "异议期限工作日",
    cell: integerCell(1, 60),
    defaultValue: 7,
    defaultText: "7",
    note: "承办单位对交办有异议的，须在这么多个工作日内提出（写入交办通知）",
  }),
  setting({
    key: "followUpIntervalDays",
    item: "跟踪提醒间隔天数",
    cell: integerCell(1, 730),
    defaultValue: 90,
    defaultText: "90",
    note: "B 类答复未落实的，每隔这么多天提醒一次",
  }),
  setting({
    key: "workingDaysOnly",
    item: "仅工作日发送",
    cell: yesNoCell(true),
    defaultValue: true,
    defaultText: "是",
    note: "是：只在工作日发送通知，休息日应发的通知顺延到下一个工作日",
  }),
  setting({
    key: "digestRecipients",
    item: "周报接收人",
    cell: listCell(2000),
    defaultValue: [],
    defaultText: "",
    note: "督办周报的接收人：邮箱或机器人地址，多个以逗号分隔",
  }),
  setting({
    key: "ratingLink",
    item: "测评链接",
    cell: urlCell(),
    defaultValue: "",
    defaultText: "",
    note: "代表测评表的网址，{{编号}} 会替换为建议编号",
  }),
  setting({
    key: "sessionPeriods",
    item: "会议期间",
    cell: dateRangesCell(),
    defaultValue: [],
    defaultText: "",
    note: "人代会会期，如 2026-01-08~2026-01-11，多个以逗号分隔；来源留空的建议按提出日期是否在会期内推定为 大会期间 或 闭会期间",
  }),
  setting({
    key: "preContactDays",
    item: "办前沟通提醒天数",
    cell: integerCell(1, 365),
    defaultValue: 15,
    defaultText: "15",
    note: "交办后这么多天仍没有办前联系记录的，提醒主办单位与代表联系",
  }),
  setting({
    key: "coOpinionDays",
    item: "协办意见期限天数",
    cell: integerCell(1, 365),
    defaultValue: 30,
    defaultText: "30",
    note: "交办后这么多天协办单位仍未送达协办意见的，提醒该协办单位",
  }),
  setting({
    key: "extensionReviewDays",
    item: "延期审批提醒天数",
    cell: integerCell(1, 60),
    defaultValue: 5,
    defaultText: "5",
    note: "延期申请等待审批超过这么多个工作日的，在校验问题中提醒",
  }),
  setting({
    key: "secondRoundPeriod",
    item: "二次办理时限",
    cell: periodCell(),
    defaultValue: { amount: 30, unit: "天" },
    defaultText: "30天",
    note: "二次交办的办理时限：N天 或 N个月（按民法典期间规则计算）",
  }),
  setting({
    key: "assessmentWeights",
    item: "测评权重",
    cell: weightsCell(),
    defaultValue: { 按期答复率: 30, 满意率: 40, 沟通率: 15, 落实率: 15 },
    defaultText: "按期答复率:30,满意率:40,沟通率:15,落实率:15",
    note: "单位测评各项指标的权重，合计须为 100；可加 常委会测评:N",
  }),
  setting({
    key: "assessmentGrades",
    item: "测评等次",
    cell: gradesCell(),
    defaultValue: [
      ["好", 90],
      ["较好", 80],
      ["一般", 60],
    ],
    defaultText: "好:90,较好:80,一般:60",
    note: "各等次的最低综合得分，从高到低；低于最后一档为 差",
  }),
  setting({
    key: "officePhone",
    item: "代表工委联系电话",
    cell: textCell(100),
    defaultValue: "",
    defaultText: "",
    note: "在单位、代表的链接页面和出错页面上显示",
  }),
  setting({
    // An office that imports years of replied suggestions kept no 沟通记录 or 协办意见 for them:
    // without this day each would be a 提醒 it can never clear, and every unit's 沟通率 near 0.
    key: "practiceSince",
    item: "启用日期",
    cell: dateCell(),
    defaultValue: "",
    defaultText: "",
    note: "开始在本系统记录沟通记录和协办意见的第一天，如 2026-03-01；交办日期早于这一天的建议不检查办前联系、面商和协办意见，不发沟通提醒、协办提醒，也不计入沟通率；留空则全部检查",
  }),
] as const;

/** The 设置 items `sheet:init` offers (a legacy item is read but never added). */
export const offeredSettingDefs = settingDefs.filter((def) => !("legacy" in def && def.legacy));

type SettingDefs = typeof settingDefs;

/** Parsed settings: every 项目 with its value (the default where the sheet has none). */
export type Settings = { -readonly [S in SettingDefs[number] as S["key"]]: S["defaultValue"] };
export type SettingKey = keyof Settings;

/** The settings used when 设置 is empty or unreadable. */
export function defaultSettings(): Settings {
  const settings = {} as Record<string, unknown>;
  for (const def of settingDefs) {
    const value: unknown = def.defaultValue;
    settings[def.key] = Array.isArray(value)
      ? [...value]
      : value !== null && typeof value === "object"
        ? { ...value }
        : value;
  }
  return settings as Settings;
}

/** 设置 rows (项目 · 值 · 说明) for a new spreadsheet. */
export function defaultSettingRows(): string[][] {
  return offeredSettingDefs.map((def) => [def.item, def.defaultText, def.note]);
}
