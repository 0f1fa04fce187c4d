import { type CellType, integerCell, integerListCell, listCell, textCell, urlCell, yesNoCell } from "./cells";

/** One row of 设置: 项目, its parser, its default and the 说明 provisioning writes. */
export interface SettingDef<K extends string, T> {
  readonly key: K;
  readonly item: string;
  readonly cell: CellType<T, unknown>;
  readonly defaultValue: T;
  /** The default as staff see it in the 值 cell. */
  readonly defaultText: string;
  readonly note: string;
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
    defaultValue: "Asia/Shanghai",
    defaultText: "Asia/Shanghai",
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
    note: "二次交办的办理时限（天）",
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
] as const;

type SettingDefs = typeof settingDefs;

/** Parsed settings: every 项目 with its value (the default where the sheet has none). */
export type Settings = { -readonly [S in SettingDefs[number] as S["key"]]: S["defaultValue"] };
export type SettingKey = keyof Settings;

/** The settings used when 设置 is empty or unreadable. */
export function defaultSettings(): Settings {
  const settings = {} as Record<string, unknown>;
  for (const def of settingDefs) {
    settings[def.key] = Array.isArray(def.defaultValue) ? [...def.defaultValue] : def.defaultValue;
  }
  return settings as Settings;
}

/** 设置 rows (项目 · 值 · 说明) for a new spreadsheet. */
export function defaultSettingRows(): string[][] {
  return settingDefs.map((def) => [def.item, def.defaultText, def.note]);
}
