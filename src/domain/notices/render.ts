import Mustache from "mustache";
import { type Channel, noticeTypeOf, type TemplateName } from "../../../sheets-schema/enums";
import { defaultTemplateFor, placeholderNames } from "../../../sheets-schema/notice-templates";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../problems";
import { pickTemplate, type ResolvedTemplate } from "../read-templates";
import { withoutDoubleTitle } from "./honorific";
import { PASSED_MARK, type View } from "./placeholders";
import { BLANK_MARK, tidyNoticeText } from "./tidy";

/**
 * Renders a logic-less template (mustache: no eval, so it runs in Workers) with HTML escaping off:
 * notices are plain text, and a name like 王伟(北关) or “A&B” must read exactly as typed. A blank
 * value is marked while rendering, so that a label left without its value can be dropped. A name
 * that already ends with a title gets no 同志 after it (刘振华主任, not 刘振华主任同志).
 */
export function renderText(template: string, view: View): string {
  const rendered = Mustache.render(withoutDoubleTitle(template, view), view, {}, { escape: markBlank });
  return tidyNoticeText(rendered.includes(PASSED_MARK) ? passedObjection(rendered) : rendered);
}

/** The built-in texts' sentence asking for an objection by 异议期限, that day already past. */
const OBJECT_BY_PASSED_DAY = new RegExp(
  `如对交办有异议，请于\\s*([^。${PASSED_MARK}]*)${PASSED_MARK}\\s*前提出。`,
  "g",
);

/**
 * A notice that goes out after its 异议期限 (caught up, or its 交办日期 typed late) does not ask for
 * an objection by a day already past: the unit's link refuses one after that day too, so it says
 * the period has passed and whom to ask. A staff text worded otherwise gets （已届满） after the day.
 */
function passedObjection(text: string): string {
  return text
    .replace(OBJECT_BY_PASSED_DAY, "对交办提出异议的期限已于 $1届满；确有特殊情况，请联系代表工委。")
    .replaceAll(PASSED_MARK, "（已届满）");
}

function markBlank(value: string): string {
  return value || BLANK_MARK;
}

export type RenderedNotice =
  | {
      readonly enabled: true;
      readonly title: string;
      readonly body: string;
      readonly problem: Problem | null;
    }
  | { readonly enabled: false };

/**
 * A text readTemplates let through that mustache still refused: said in Chinese (mustache's own
 * message is English, with a character offset staff cannot use).
 */
function templateProblem(template: ResolvedTemplate, type: TemplateName): Problem {
  return {
    tab: TAB_NAMES.templates,
    row: template.rowNumber,
    column: "正文",
    level: "提醒",
    id: null,
    message: `模板无法解析：请检查标题和正文里的 {{#…}} 与 {{/…}} 是否成对、“{{”与“}}”是否成对；改好之前“${type}”通知照常用内置正文发送`,
  };
}

/**
 * A sheet text that rendered empty in this notice (its placeholders blank here, e.g. {{答复日期}} in
 * a 交办通知): the column(s) and the placeholders that had no value, said in Chinese.
 */
function emptyTextProblem(
  template: ResolvedTemplate,
  type: TemplateName,
  view: View,
  empty: { title: boolean; body: boolean },
): Problem {
  const texts = [empty.title ? template.title : "", empty.body ? template.body : ""];
  const names = placeholderNames(texts.join("\n"));
  const blank = names.filter((name) => !view[name]);
  const shown = (blank.length > 0 ? blank : names).map((name) => `{{${name}}}`).join("、");
  const columns = empty.title && empty.body ? "标题和正文" : empty.title ? "标题" : "正文";
  const why = shown ? `其中的占位符 ${shown} 在这类通知里没有值` : "其中没有文字";
  return {
    tab: TAB_NAMES.templates,
    row: template.rowNumber,
    column: empty.title ? "标题" : "正文",
    level: "提醒",
    id: null,
    message: `${columns}在“${type}”通知里是空的：${why}。请写上文字，或换用在这类通知里有值的占位符；改好之前“${type}”通知照常用内置正文发送`,
  };
}

function builtInNotice(type: TemplateName, view: View, problem: Problem): RenderedNotice {
  const builtIn = defaultTemplateFor(type);
  return {
    enabled: true,
    title: renderText(builtIn.title, view),
    body: renderText(builtIn.body, view),
    problem,
  };
}

/**
 * The title and body of one notice: the 通知模板 row for its type and channel (else the all-channel
 * row, else the built-in text). A sheet template that still fails to render (readTemplates asks
 * mustache too, so this is the backstop) or renders an empty title or body (placeholders blank in
 * this notice) falls back to the built-in text and says so, so a typo never silences a statutory
 * reminder. 启用 = 否 turns the notice off; for a co-unit or a leader, 启用 = 否 on 交办通知 (逾期催办)
 * does too, as it did before they had a text of their own.
 */
export function renderNotice(
  templates: readonly ResolvedTemplate[],
  type: TemplateName,
  channel: Channel,
  view: View,
): RenderedNotice {
  const template = pickTemplate(templates, type, channel);
  if (!template.enabled) return { enabled: false };
  const own = noticeTypeOf(type);
  if (own !== type && !pickTemplate(templates, own, channel).enabled) return { enabled: false };
  let title: string;
  let body: string;
  try {
    title = renderText(template.title, view);
    body = renderText(template.body, view);
  } catch {
    return builtInNotice(type, view, templateProblem(template, type));
  }
  const empty = { title: !title.trim(), body: !body.trim() };
  if (template.source === "sheet" && (empty.title || empty.body))
    return builtInNotice(type, view, emptyTextProblem(template, type, view, empty));
  return { enabled: true, title, body, problem: null };
}
