/**
 * Every fixed value list of the ledger contract, exactly as staff see and type them
 * (/work/shared/spec/ledger.md). Dropdowns, parsers, status and statistics all read these.
 */

/** 审查结果; 退回修改 (returned to the deputy to revise) and 撤回 (withdrawn) come from practice.md. */
export const REVIEW_RESULTS = ["立案", "不予立案", "并案", "退回修改", "撤回"] as const;
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

/** Each channel as staff, units and leaders call it (the outbox and the API keep the code). */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  email: "邮件",
  wecom: "企业微信",
  dingtalk: "钉钉",
  feishu: "飞书",
  webhook: "网络钩子",
};

/** A stored notice's channel in Chinese; a value that is no channel code as it is. */
export function channelName(channel: string): string {
  return Object.hasOwn(CHANNEL_NAMES, channel) ? CHANNEL_NAMES[channel as Channel] : channel;
}

export const HOLIDAY_KINDS = ["休", "班"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** The notices of ledger.md. */
export const LEDGER_NOTICE_TYPES = [
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
/** The notices of practice.md (contacts, co-units' opinions, extensions). */
export const PRACTICE_NOTICE_TYPES = ["沟通提醒", "协办提醒", "延期审批结果", "延期告知"] as const;
/**
 * The notices planned from a personal link's action rather than the ledger: 交办异议处理结果 tells a
 * unit its 交办异议 was not agreed (维持交办), so it does not wait on it while its 办理期限 runs (an
 * agreed one is told by the 交办通知 of the changed 主办单位); 链接更换通知 brings a holder of links
 * that stopped when the office rotated LINK_SECRET a new one, when staff press 通过通知渠道发送新链接
 * on /links (about no suggestion, like the 督办周报).
 */
export const LINK_NOTICE_TYPES = ["交办异议处理结果", "链接更换通知"] as const;
export const NOTICE_TYPES = [...LEDGER_NOTICE_TYPES, ...PRACTICE_NOTICE_TYPES, ...LINK_NOTICE_TYPES] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

/**
 * The text a co-unit (协办单位) gets for its 交办通知: a template of its own in 通知模板 (the notice
 * type stays 交办通知 in the outbox and 通知记录), since a co-unit sends its opinion to the lead unit
 * rather than replying to the deputy.
 */
export const CO_UNIT_TEMPLATE = "交办通知（协办单位）";
/**
 * The text a 领办领导 (practice.md) gets for the 交办通知 of a suggestion he or she leads: not the
 * units' "交你单位主办", but who handles it and by when, for the leader to see it done.
 */
export const HANDLING_LEADER_TEMPLATE = "交办通知（领办领导）";
/** The 交办通知 texts of those who are not the lead unit (each turned off with 交办通知 too). */
export const ASSIGNMENT_VARIANTS = [CO_UNIT_TEMPLATE, HANDLING_LEADER_TEMPLATE] as const;
/**
 * The text the 督办领导 of a key suggestion and its 领办领导 get for its 逾期催办: not the unit's
 * "请立即办理并答复", but which unit has not replied, for the leader to press it (督促).
 */
export const OVERDUE_LEADER_TEMPLATE = "逾期催办（领导）";
/**
 * The text a co-unit gets for its 交办异议处理结果: it goes on by sending its 协办意见 to the lead unit
 * by its own 协办意见期限, not by the lead unit's 办理期限 (it does not reply to the deputy).
 */
export const OBJECTION_CO_UNIT_TEMPLATE = "交办异议处理结果（协办单位）";
/** Texts of a notice type for some of its recipients, by that type (启用 = 否 on it turns them off too). */
const VARIANTS_OF = {
  交办通知: ASSIGNMENT_VARIANTS,
  逾期催办: [OVERDUE_LEADER_TEMPLATE],
  交办异议处理结果: [OBJECTION_CO_UNIT_TEMPLATE],
} as const satisfies Partial<Record<NoticeType, readonly string[]>>;
type VariantName = (typeof VARIANTS_OF)[keyof typeof VARIANTS_OF][number];
export type TemplateName = NoticeType | VariantName;

/** The notice type a template text is for: itself, or the type a variant's text belongs to. */
export function noticeTypeOf(name: TemplateName): NoticeType {
  for (const [type, variants] of Object.entries(VARIANTS_OF))
    if ((variants as readonly string[]).includes(name)) return type as NoticeType;
  return name as NoticeType;
}

/** 模板 values of 通知模板: every notice type, each with its variants (交办通知（协办单位） …) right after it. */
export const TEMPLATE_NAMES: readonly [TemplateName, ...TemplateName[]] = [
  NOTICE_TYPES[0],
  ...NOTICE_TYPES.slice(1).flatMap((type): TemplateName[] => [
    type,
    ...((VARIANTS_OF as Partial<Record<NoticeType, readonly VariantName[]>>)[type] ?? []),
  ]),
];

export const NOTICE_STATES = ["待发送", "已发送", "失败"] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const PROBLEM_LEVELS = ["错误", "提醒"] as const;
export type ProblemLevel = (typeof PROBLEM_LEVELS)[number];

/** 台账状态, in the order of the spec's Status section. */
export const LEDGER_STATUSES = [
  "待审查",
  "退回修改",
  "已撤回",
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

/** 来源 of a suggestion (practice.md); blank is read by 设置 会议期间. */
export const SOURCES = ["大会期间", "闭会期间", "联络站民意"] as const;
export type Source = (typeof SOURCES)[number];

/** 领导 类型: a congress leader who supervises (督办) or a government leader who leads handling (领办). */
export const LEADER_KINDS = ["督办", "领办"] as const;

/** 三沟通: 办前联系, 办中沟通, 办后回访. */
export const CONTACT_STAGES = ["办前", "办中", "办后"] as const;
export type ContactStage = (typeof CONTACT_STAGES)[number];

export const CONTACT_METHODS = ["面商", "座谈", "实地察看", "电话", "书面", "其他"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** 延期申请 审批结果; blank = 待审批. */
export const APPROVAL_RESULTS = ["同意", "不同意"] as const;
export type ApprovalResult = (typeof APPROVAL_RESULTS)[number];

/** 民意 处理方式: how a voter's opinion received at a liaison station was dealt with. */
export const OPINION_HANDLING = ["转化为建议", "转交部门", "当场答复", "其他"] as const;
export type OpinionHandling = (typeof OPINION_HANDLING)[number];
/** The 处理方式 under which an opinion becomes a suggestion (its 建议编号 names it). */
export const CONVERTED: OpinionHandling = "转化为建议";

/** 常委会测评 表决结果: the standing committee's vote on a unit's handling. */
export const VOTE_RESULTS = ["满意", "基本满意", "不满意"] as const;
