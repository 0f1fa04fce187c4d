import { HANDLING_LEADER_TEMPLATE, type TemplateName } from "./enums";

const RECEIPT = "{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）";

/**
 * Earlier built-in templates, as sheets provisioned before the text changed hold them in 通知模板
 * (most before issue 12). A row that still reads exactly so was never edited by staff: it follows
 * the current built-in text (which drops labels with no value, says 二次交办 in round 2, tells a
 * unit urged by a leader that it is overdue and so on) instead of freezing the old one.
 */
const LEGACY_TEMPLATES: readonly { type: TemplateName; title: string; body: string }[] = [
  {
    type: "受理回执",
    title: "建议已收到：{{标题}}",
    body: "{{接收方}}代表：您领衔提出的建议《{{标题}}》已收到，编号 {{编号}}。我们将及时审查并交有关单位办理，办理进展会陆续告知您。",
  },
  {
    type: "交办通知",
    title: "代表建议交办通知：{{编号}} {{标题}}",
    body: `{{接收方}}：现将${RECEIPT}交你单位办理。主办单位：{{主办单位}}；协办单位：{{协办单位}}。交办日期 {{交办日期}}，请于 {{办理期限}} 前书面答复代表。如对交办有异议，请于 {{异议期限}} 前提出。`,
  },
  {
    type: "到期提醒",
    title: "建议办理到期提醒：{{编号}} 还剩 {{剩余天数}} 天",
    body: `{{接收方}}：${RECEIPT}办理期限为 {{办理期限}}，还剩 {{剩余天数}} 天，目前尚未答复。请抓紧办理，按期答复代表。`,
  },
  {
    type: "逾期催办",
    title: "建议办理逾期催办：{{编号}} 已逾期 {{逾期天数}} 天",
    body: `{{接收方}}：${RECEIPT}办理期限 {{办理期限}} 已过，已逾期 {{逾期天数}} 天，仍未答复代表。请立即办理并答复，同时书面说明逾期原因。`,
  },
  {
    type: "答复告知",
    title: "您的建议已有答复：{{标题}}",
    body: "{{接收方}}代表：您领衔提出的建议《{{标题}}》（编号 {{编号}}）已由{{主办单位}}作出答复。请对办理情况进行测评：{{测评链接}}",
  },
  {
    type: "测评提醒",
    title: "请对建议办理情况进行测评：{{标题}}",
    body: "{{接收方}}代表：您领衔提出的建议《{{标题}}》（编号 {{编号}}）已由{{主办单位}}答复，尚未收到您的测评意见。请通过以下链接测评：{{测评链接}}",
  },
  {
    type: "二次交办通知",
    title: "建议二次交办通知：{{编号}} {{标题}}",
    body: `{{接收方}}：{{领衔代表}}代表对建议《{{标题}}》（编号 {{编号}}）的办理结果不满意，现予二次交办。请重新研究办理，于 {{办理期限}} 前再次答复代表。`,
  },
  {
    type: "跟踪提醒",
    title: "建议落实情况跟踪：{{编号}} {{标题}}",
    body: `{{接收方}}：${RECEIPT}答复为 B 类（正在解决或列入计划），目前落实情况：{{落实情况}}。请报送最新落实进展；已落实的，请告知我委。`,
  },
  {
    // Before a 催办 on an overdue suggestion said so.
    type: "领导催办",
    title: "领导催办：{{编号}} {{标题}}",
    body: `{{接收方}}：{{督办领导}}同志督办的${RECEIPT}，办理期限为 {{办理期限}}，目前尚未答复代表，请抓紧办理、按期答复。`,
  },
  {
    // Before it named the leader who pressed 催办 as 督办领导 or 领办领导: every press read “督办的”.
    type: "领导催办",
    title: "领导催办：{{编号}} {{标题}}",
    body: `{{接收方}}：{{督办领导}}同志督办的${RECEIPT}，办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，仍未答复代表，请立即办理并答复代表。{{/逾期天数}}{{^逾期天数}}目前尚未答复代表，请抓紧办理、按期答复。{{/逾期天数}}`,
  },
  {
    // Before it said when a 延期申请 refused left the suggestion overdue.
    type: "延期审批结果",
    title: "延期申请审批结果：{{编号}} {{审批结果}}",
    body: "{{接收方}}：你单位 {{申请日期}} 提出的建议《{{标题}}》（编号 {{编号}}）延期申请，审批结果为：{{审批结果}}。本件办理期限为 {{办理期限}}，请按期答复代表。",
  },
  {
    // Before it told a leader named on an overdue suggestion that it was overdue.
    type: HANDLING_LEADER_TEMPLATE,
    title: "代表建议领办通知：{{编号}} {{标题}}",
    body: `{{接收方}}同志：${RECEIPT}已于 {{交办日期}} 交{{主办单位}}主办（协办单位：{{协办单位}}），由您领办。办理期限为 {{办理期限}}，请督促承办单位与代表沟通、按期书面答复代表。`,
  },
  {
    type: "督办周报",
    title: "代表建议办理督办周报",
    body: "{{接收方}}：本周代表建议办理情况如下，请阅知。即将到期、已逾期和待测评的建议清单附后。",
  },
];

/** True when a 通知模板 row holds a type's old built-in text, unchanged. */
export function isLegacyDefaultTemplate(type: string, title: string, body: string): boolean {
  return LEGACY_TEMPLATES.some((t) => t.type === type && t.title === title.trim() && t.body === body.trim());
}
