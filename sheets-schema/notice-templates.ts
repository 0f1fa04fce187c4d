import {
  CO_UNIT_TEMPLATE,
  HANDLING_LEADER_TEMPLATE,
  OBJECTION_CO_UNIT_TEMPLATE,
  OVERDUE_LEADER_TEMPLATE,
  type TemplateName,
} from "./enums";
import { PRACTICE_NOTICE_TEMPLATES, PRACTICE_PLACEHOLDERS } from "./practice-notice-templates";
import { ledgerTab } from "./tabs/ledger";

/**
 * Placeholders computed per notice rather than read from a ledger column. 接收方 is the unit or
 * deputy the notice goes to; 异议期限 is 异议期限工作日 working days after 交办日期; 协办意见期限 the
 * day a co-unit's written opinion is due at the lead unit; 个人链接 is the recipient's own page (a
 * signed link; every notice to a unit, deputy or leader ends with it anyway). 看板链接 is the
 * dashboard's address in the 督办周报 (blank in other notices, and while PUBLIC_URL is not set).
 * 周报日期 is the day a 督办周报 is written for, “2026年12月7日”, as its figures say 截至 (blank in
 * other notices): its title names it, so that mail clients that group by subject keep each week's
 * 周报 apart and a leader finds last week's.
 * 催办领导 and 催办身份 (督办领导 or 领办领导) say who pressed 催办 in a 领导催办 (blank elsewhere);
 * 催办领导职务 is that leader's 职务 in 领导 (区人大常委会副主任), blank when 领导 gives none, does not
 * list the leader, or the name already ends with a title (刘振华主任): urge-view.ts.
 * 民意转化 reads 联络站民意 for a suggestion the dashboard converted from a voter's opinion (来源
 * 联络站民意), blank otherwise: the 受理回执 then says the deputy received it at the station rather
 * than thanking them for a suggestion of their own. 异议日期, 处理意见 and 承办身份 are the unit's 交办异议
 * a 交办异议处理结果 answers: the day it was made, the note staff gave with their decision (blank when
 * none), and whether the unit objected as 主办 or 协办 (blank in other notices); 协办意见送达日期 the
 * day 『协办意见』 records a co-unit's opinion delivered (blank when none, and in other notices).
 * 答复类别说明 is the class of the round's reply with its meaning, “B 类（正在解决或列入计划）”
 * (二次答复类别 in round 2; blank while the class is not filled in), so a deputy told of a reply
 * learns what it said. 原主办单位 and 改交日期 are, in the lead unit's 交办通知, the unit that had the
 * suggestion and the day this one was named 主办单位 in its place after 交办 (a 交办异议 agreed, a
 * correction), blank when it was given the suggestion on 交办日期 and in other notices: the unit then
 * knows why its 办理期限, still counted from 交办日期, is close.
 */
export const COMPUTED_PLACEHOLDERS = [
  "剩余天数",
  "逾期天数",
  "测评链接",
  "异议期限",
  "接收方",
  "协办意见期限",
  "催办领导",
  "催办身份",
  "催办领导职务",
  ...PRACTICE_PLACEHOLDERS,
  "个人链接",
  "测评意见",
  "看板链接",
  "周报日期",
  "民意转化",
  "异议日期",
  "处理意见",
  "承办身份",
  "协办意见送达日期",
  "答复类别说明",
  "原主办单位",
  "改交日期",
] as const;

/** Every name a template may use inside {{ }}: the 建议台账 headers and the computed ones. */
export const TEMPLATE_PLACEHOLDERS: ReadonlySet<string> = new Set([
  ...ledgerTab.columns.map((col) => col.header),
  ...COMPUTED_PLACEHOLDERS,
]);

export interface NoticeTemplateText {
  readonly type: TemplateName;
  readonly title: string;
  readonly body: string;
}

const RECEIPT = "{{领衔代表}}代表领衔提出的建议《{{标题}}》（编号 {{编号}}）";

/** Marks a round-2 notice: 二次交办日期 is blank in notices about round 1 (placeholders.ts). */
const ROUND2 = "{{#二次交办日期}}（二次交办）{{/二次交办日期}}";
const RATE =
  "{{#测评链接}}请通过以下链接对办理情况进行测评：{{测评链接}}{{/测评链接}}{{^测评链接}}请对办理情况进行测评。{{/测评链接}}";

/**
 * Built-in templates, one per notice type (and the 交办通知 of co-units and of the 领办领导, the
 * leaders' 逾期催办), in NOTICE_TYPES' order. They are written into 通知模板 for new sheets and are
 * the fallback whenever a staff template is disabled by a typo. The renderer must not HTML-escape, since names like
 * “王伟(北关)” are plain text. A value that may be blank sits in a section ({{#落实情况}}…{{/落实情况}}),
 * so no label is left without its value.
 * 督办周报 has no ledger row; the notice job appends the list of suggestions after the body.
 */
export const DEFAULT_NOTICE_TEMPLATES: readonly NoticeTemplateText[] = [
  {
    // No 交办 or 二次交办 notice goes to the deputy (ledger.md): the receipt does not promise progress
    // told as it comes. Her page (the link line under every notice to her) shows it; 答复告知 the reply.
    type: "受理回执",
    title: "{{#民意转化}}民意已转化为建议{{/民意转化}}{{^民意转化}}建议已收到{{/民意转化}}：{{标题}}",
    body: "{{接收方}}代表：{{#民意转化}}您在代表联络站接待选民时收到的意见，已转化为由您领衔的建议《{{标题}}》，编号 {{编号}}。{{/民意转化}}{{^民意转化}}您领衔提出的建议《{{标题}}》已收到，编号 {{编号}}。{{/民意转化}}我们将及时审查并交有关单位办理。办理进展可随时在下方的专属页面查看；承办单位答复后，我们会通知您。",
  },
  {
    type: "交办通知",
    title: "代表建议交办通知：{{编号}} {{标题}}",
    // A unit named in place of another after 交办 reads why its 办理期限 is close: the period runs
    // from 交办日期, not from the day it was named (原主办单位 is blank for any other).
    body: `{{接收方}}：现将${RECEIPT}交你单位主办。{{#原主办单位}}本件原交由{{原主办单位}}主办，经调整于 {{改交日期}}改由你单位主办，办理期限仍自交办日期起算。{{/原主办单位}}主办单位：{{主办单位}}；协办单位：{{协办单位}}。交办日期 {{交办日期}}，请于 {{办理期限}}前书面答复代表。如对交办有异议，请于 {{异议期限}}前提出。`,
  },
  {
    type: CO_UNIT_TEMPLATE,
    title: "代表建议协办通知：{{编号}} {{标题}}",
    body: `{{接收方}}：现将${RECEIPT}交你单位协办，主办单位为{{主办单位}}。请主动与主办单位沟通，于 {{协办意见期限}}前将书面协办意见送{{主办单位}}，由主办单位统一答复代表。如对交办有异议，请于 {{异议期限}}前提出。`,
  },
  {
    type: HANDLING_LEADER_TEMPLATE,
    title: "代表建议领办通知：{{编号}} {{标题}}",
    // 逾期天数 is blank until 办理期限 has passed (placeholders.ts): a leader named on a row already
    // overdue is told so, not asked to see it answered on time.
    body: `{{接收方}}同志：${RECEIPT}已于 {{交办日期}}交{{主办单位}}主办（协办单位：{{协办单位}}），由您领办。{{#逾期天数}}办理期限 {{办理期限}}，已逾期 {{逾期天数}} 天，请督促承办单位尽快书面答复代表。{{/逾期天数}}{{^逾期天数}}办理期限为 {{办理期限}}，请督促承办单位与代表沟通、按期书面答复代表。{{/逾期天数}}`,
  },
  {
    type: "到期提醒",
    title: `建议办理到期提醒${ROUND2}：{{编号}} 还剩 {{剩余天数}} 天`,
    body: `{{接收方}}：${RECEIPT}{{#二次交办日期}}已于 {{二次交办日期}}二次交办，{{/二次交办日期}}办理期限为 {{办理期限}}，还剩 {{剩余天数}} 天，目前尚未答复。请抓紧办理，按期答复代表。`,
  },
  {
    type: "逾期催办",
    title: `建议办理逾期催办${ROUND2}：{{编号}} 已逾期 {{逾期天数}} 天`,
    body: `{{接收方}}：${RECEIPT}{{#二次交办日期}}已于 {{二次交办日期}}二次交办，{{/二次交办日期}}办理期限 {{办理期限}}已过，已逾期 {{逾期天数}} 天，仍未答复代表。请立即办理并答复，同时书面说明逾期原因。`,
  },
  {
    type: OVERDUE_LEADER_TEMPLATE,
    title: `代表建议逾期未答复${ROUND2}：{{编号}} 已逾期 {{逾期天数}} 天`,
    body: `{{接收方}}同志：${RECEIPT}{{#二次交办日期}}已于 {{二次交办日期}}二次交办，{{/二次交办日期}}办理期限 {{办理期限}}已过，已逾期 {{逾期天数}} 天，主办单位{{主办单位}}仍未答复代表。请督促承办单位尽快办理并答复代表。`,
  },
  {
    type: "答复告知",
    title: `您的建议已有答复${ROUND2}：{{标题}}`,
    body: `{{接收方}}代表：您领衔提出的建议《{{标题}}》（编号 {{编号}}）{{#二次交办日期}}经二次交办，{{/二次交办日期}}已由{{主办单位}}作出答复{{#答复类别说明}}，答复为 {{答复类别说明}}{{/答复类别说明}}。${RATE}`,
  },
  {
    type: "测评提醒",
    title: `请对建议办理情况进行测评${ROUND2}：{{标题}}`,
    body: "{{接收方}}代表：您领衔提出的建议《{{标题}}》（编号 {{编号}}）{{#二次交办日期}}经二次交办，{{/二次交办日期}}已由{{主办单位}}答复，尚未收到您的测评意见。{{#测评链接}}请通过以下链接测评：{{测评链接}}{{/测评链接}}{{^测评链接}}请尽快测评。{{/测评链接}}",
  },
  {
    type: "二次交办通知",
    title: "建议二次交办通知：{{编号}} {{标题}}",
    body: `{{接收方}}：{{领衔代表}}代表对建议《{{标题}}》（编号 {{编号}}）的办理结果不满意{{#测评意见}}，代表的意见是：“{{测评意见}}”{{/测评意见}}，现予二次交办。请重新研究办理，于 {{办理期限}}前再次答复代表。`,
  },
  {
    type: "跟踪提醒",
    title: `建议落实情况跟踪${ROUND2}：{{编号}} {{标题}}`,
    body: `{{接收方}}：${RECEIPT}{{#二次交办日期}}经二次交办，{{/二次交办日期}}答复为 B 类（正在解决或列入计划）{{#落实情况}}，目前落实情况：{{落实情况}}{{/落实情况}}。请报送最新落实进展；已落实的，请告知我委。`,
  },
  {
    type: "领导催办",
    title: "领导催办：{{编号}} {{标题}}",
    // 逾期天数 is blank until 办理期限 has passed (placeholders.ts). It names the leader who pressed
    // 催办 as 督办领导 or 领办领导: a 领办领导 leads the suggestion rather than supervising it. The
    // 职务 from 领导 goes before the name, as a unit is used to reading it (区人大常委会副主任吴国庆同志);
    // in a section, as a blank value right after “接收方：” would read as a label left without one.
    body: `{{接收方}}：{{#催办领导职务}}{{催办领导职务}}{{/催办领导职务}}{{催办领导}}同志（{{催办身份}}）催办${RECEIPT}，办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，仍未答复代表，请立即办理并答复代表。{{/逾期天数}}{{^逾期天数}}目前尚未答复代表，请抓紧办理、按期答复。{{/逾期天数}}`,
  },
  {
    type: "督办周报",
    title: "代表建议办理督办周报（{{周报日期}}）",
    body: "{{接收方}}：本周代表建议办理情况如下，请阅知。即将到期、已逾期和待测评的建议清单附后。",
  },
  ...PRACTICE_NOTICE_TEMPLATES,
  {
    type: "交办异议处理结果",
    title: "交办异议处理结果：{{编号}} {{标题}}",
    // Sent only for an objection not agreed (维持交办): an agreed one is told by the 交办通知 of the
    // changed 主办单位. The unit must not wait on it while its 办理期限 runs.
    body: `{{接收方}}：你单位于 {{异议日期}}对${RECEIPT}提出的交办异议，经研究，不予同意，维持原交办{{#处理意见}}，意见是：“{{处理意见}}”{{/处理意见}}。请你单位继续作为{{承办身份}}单位认真办理，不因提出异议而延误。本件办理期限为 {{办理期限}}，{{#逾期天数}}已逾期 {{逾期天数}} 天，请立即办理。{{/逾期天数}}{{^逾期天数}}请抓紧办理。{{/逾期天数}}`,
  },
  {
    type: OBJECTION_CO_UNIT_TEMPLATE,
    title: "交办异议处理结果：{{编号}} {{标题}}",
    // A co-unit's own deadline, worded as its 交办通知 words it: 逾期天数 here counts from its
    // 协办意见期限, blank until that has passed (objection-series.ts). A co-unit whose opinion
    // 『协办意见』 already records (协办意见送达日期) is not asked for it again.
    body: `{{接收方}}：你单位于 {{异议日期}}对${RECEIPT}提出的交办异议，经研究，不予同意，维持原交办{{#处理意见}}，意见是：“{{处理意见}}”{{/处理意见}}。请你单位继续作为协办单位认真办理，不因提出异议而延误。{{#协办意见送达日期}}你单位已于 {{协办意见送达日期}}送达协办意见，请继续配合主办单位办理。{{/协办意见送达日期}}{{^协办意见送达日期}}{{#逾期天数}}你单位的协办意见期限为 {{协办意见期限}}，已逾期 {{逾期天数}} 天，请立即将书面协办意见送{{主办单位}}。{{/逾期天数}}{{^逾期天数}}请于 {{协办意见期限}}前将书面协办意见送{{主办单位}}。{{/逾期天数}}{{/协办意见送达日期}}`,
  },
  {
    type: "链接更换通知",
    title: "个人链接已更换",
    // About no suggestion: only 接收方 and the new link (the line under it names its holder and
    // last day). The link page's own 链接已更换 says the same to whoever opens an old link.
    body: "{{接收方}}：代表工委已更换个人链接的密钥，您此前收到的链接已停用，打开时会显示“链接已更换”。新的专属链接：{{个人链接}}",
  },
];

/** The built-in template of a notice type (or of one of its variants, e.g. the co-units' 交办通知). */
export function defaultTemplateFor(type: TemplateName): NoticeTemplateText {
  const found = DEFAULT_NOTICE_TEMPLATES.find((template) => template.type === type);
  if (!found) throw new Error(`no default template for ${type}`);
  return found;
}

/** 通知模板 rows (模板 · 渠道 · 标题 · 正文 · 启用) for a new spreadsheet. */
export function defaultTemplateRows(): string[][] {
  return DEFAULT_NOTICE_TEMPLATES.map((template) => [template.type, "", template.title, template.body, "是"]);
}

const PLACEHOLDER = /\{\{\{?\s*([#^/&]?)\s*([^{}]*?)\s*\}?\}\}/g;

/**
 * The placeholders of a template text that are not known names, plus "{{" left unclosed. Sections
 * ({{#协办单位}}…{{/协办单位}}) and comments ({{! … }}) are allowed.
 */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  let matched = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    matched += 1;
    const name = match[2] ?? "";
    if (name.startsWith("!")) continue;
    if (!TEMPLATE_PLACEHOLDERS.has(name)) unknown.push(`{{${match[1] ?? ""}${name}}}`);
  }
  const opened = text.split("{{").length - 1;
  if (opened > matched) unknown.push("未闭合的 {{");
  return unknown;
}

const NAMED_TAG = /\{\{\{?\s*[#^&]?\s*([^{}!/\s][^{}]*?)\s*\}?\}\}/g;

/**
 * The names a template text fills in or tests, in order of first use and each once: {{编号}},
 * {{#协办单位}} and {{^测评链接}} count, a closing {{/…}} and a comment {{! … }} do not.
 */
export function placeholderNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(NAMED_TAG), (match) => match[1] ?? ""))];
}
