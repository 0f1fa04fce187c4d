/** Tab names exactly as in the spec; staff tabs first, then the system-owned ones. */
export const TAB_NAMES = {
  ledger: "建议台账",
  units: "承办单位",
  deputies: "代表",
  leaders: "领导",
  contacts: "沟通记录",
  extensions: "延期申请",
  coOpinions: "协办意见",
  opinions: "民意",
  committee: "常委会测评",
  templates: "通知模板",
  holidays: "节假日",
  settings: "设置",
  noticeLog: "通知记录",
  problems: "校验问题",
  statistics: "统计",
  assessment: "单位测评",
} as const;

export type TabKey = keyof typeof TAB_NAMES;
export type TabName = (typeof TAB_NAMES)[TabKey];

/**
 * A hidden, system-owned tab the Worker uses as scratch space: each write to 建议台账 copies the rows
 * it is about to change there in the same atomic call, so the Worker can check afterwards that every
 * value landed on the suggestion it was meant for (and put back anything a sort or an insert at that
 * instant made it overwrite). Staff never need to open it.
 */
export const SCRATCH_TAB = "系统暂存";
