import type { NoticeTemplateText } from "./notice-templates";

/**
 * Placeholders of the extension notices: 申请日期, 审批结果 and 延期理由 from the 延期申请 row the
 * notice is about; 已答复 reads 是 once the unit's reply (答复日期) is in, blank before it (and in
 * other notices), so the 延期审批结果 of a unit that replied late does not ask it to reply.
 */
export const PRACTICE_PLACEHOLDERS = ["申请日期", "审批结果", "延期理由", "已答复"] as const;

const SUGGESTION = "{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）";

/**
 * Built-in texts of the notices practice.md adds: 沟通提醒 (no 办前 contact yet), 协办提醒 (a
 * co-unit's written opinion is due), 延期审批结果 (to the unit that applied: once it has replied, only
 * the decision and 办理期限; before, to reply in time or, overdue, at once) and 延期告知 (to the
 * lead deputy, with the new due date and the reason; when that date has passed by the day it is
 * sent with no reply, that the reply is overdue and the office is urging the unit).
 */
export const PRACTICE_NOTICE_TEMPLATES: readonly NoticeTemplateText[] = [
  {
    type: "沟通提醒",
    title: "建议办前沟通提醒：{{编号}} {{标题}}",
    body: `{{接收方}}：${SUGGESTION}于 {{交办日期}}交你单位办理，至今没有办前联系记录。请在答复前与代表面商、座谈或电话沟通，听取代表意见，并将联系情况报我委记入沟通记录。办理期限为 {{办理期限}}。`,
  },
  {
    type: "协办提醒",
    title: "协办意见提醒：{{编号}} {{标题}}",
    body: `{{接收方}}：${SUGGESTION}由{{主办单位}}主办、你单位协办，交办日期 {{交办日期}}。至今未收到你单位的书面协办意见，请尽快送达{{主办单位}}，以便其在 {{办理期限}}前答复代表。`,
  },
  {
    type: "延期审批结果",
    title: "延期申请审批结果：{{编号}} {{审批结果}}",
    body: "{{接收方}}：你单位 {{申请日期}}提出的建议《{{标题}}》（编号 {{编号}}）延期申请，审批结果为：{{审批结果}}。{{#已答复}}本件办理期限为 {{办理期限}}。{{/已答复}}{{^已答复}}本件办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，请立即办理并答复代表。{{/逾期天数}}{{^逾期天数}}请按期答复代表。{{/逾期天数}}{{/已答复}}",
  },
  {
    type: "延期告知",
    title: "建议办理延期告知：{{标题}}",
    body: "{{接收方}}代表：您领衔提出的建议《{{标题}}》（编号 {{编号}}），承办单位{{主办单位}}以“{{延期理由}}”为由申请延期，经批准，办理期限延至 {{办理期限}}。{{#逾期天数}}目前延长后的办理期限也已届满，承办单位尚未答复，已逾期 {{逾期天数}} 天，我们正督促承办单位立即办理并答复您，请您理解和支持。{{/逾期天数}}{{^逾期天数}}我们将继续督促办理，请您理解和支持。{{/逾期天数}}",
  },
];
