/**
 * Every fixed value list of the ledger contract, exactly as staff see and type them
 * (/work/shared/spec/ledger.md). Dropdowns, parsers, status and statistics all read these.
 */

export const REVIEW_RESULTS = ["立案", "不予立案", "并案"] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export const HANDLING_PERIODS = ["三个月", "六个月"] as const;
export type HandlingPeriod = (typeof HANDLING_PERIODS)[number];

/** Months per handling period (代表法 Art. 51, 2025 text). */
export const PERIOD_MONTHS: Record<HandlingPeriod, number> = { 三个月: 3, 六个月: 6 };

export const REPLY_CLASSES = ["A", "B", "C", "D"] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

/** What each reply class means, for dropdown help text and docs. */
export const REPLY_CLASS_MEANINGS: Record<ReplyClass, string> = {
  A: "已解决或采纳",
  B: "正在解决或列入计划",
  C: "因条件限制暂时无法解决（须说明原因）",
  D: "留作参考",
};

export const RATINGS = ["满意", "基本满意", "不满意"] as const;
export type Rating = (typeof RATINGS)[number];

export const IMPLEMENTATION_STATES = ["已落实", "推进中"] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];

export const YES_NO = ["是", "否"] as const;

export const CHANNELS = ["email", "wecom", "dingtalk", "feishu", "webhook"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Chinese names staff may type for a channel; read as the channel code. */
export const CHANNEL_ALIASES: Readonly<Record<string, Channel>> = {
  邮件: "email",
  邮箱: "email",
  电子邮件: "email",
  企业微信: "wecom",
  企微: "wecom",
  钉钉: "dingtalk",
  飞书: "feishu",
};

export const HOLIDAY_KINDS = ["休", "班"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const NOTICE_TYPES = [
  "受理回执",
  "交办通知",
  "到期提醒",
  "逾期催办",
  "答复告知",
  "测评提醒",
  "二次交办通知",
  "跟踪提醒",
  // Sent when a supervising leader presses 催办 on the leader's page (one per press).
  "领导催办",
  "督办周报",
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/**
 * The text a co-unit (协办单位) gets for its 交办通知: a template of its own in 通知模板 (the notice
 * type stays 交办通知 in the outbox and 通知记录), since a co-unit sends its opinion to the lead unit
 * rather than replying to the deputy.
 */
export const CO_UNIT_TEMPLATE = "交办通知（协办单位）";
export type TemplateName = NoticeType | typeof CO_UNIT_TEMPLATE;
/** 模板 values of 通知模板: every notice type, the co-units' 交办通知 right after the lead's. */
export const TEMPLATE_NAMES: readonly [TemplateName, ...TemplateName[]] = [
  NOTICE_TYPES[0],
  ...NOTICE_TYPES.slice(1).flatMap((type): TemplateName[] =>
    type === "交办通知" ? [type, CO_UNIT_TEMPLATE] : [type],
  ),
];

export const NOTICE_STATES = ["待发送", "已发送", "失败"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const PROBLEM_LEVELS = ["错误", "提醒"] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

/** 台账状态, in the order of the spec's Status section. */
export const LEDGER_STATUSES = [
  "待审查",
  "不予立案",
  "已并案",
  "待交办",
  "办理中",
  "即将到期",
  "已逾期",
  "待测评",
  "待二次交办",
  "跨年督办",
  "跟踪落实",
  "已办结",
] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];
