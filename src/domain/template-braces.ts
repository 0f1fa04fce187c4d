import Mustache from "mustache";
import { COMPUTED_PLACEHOLDERS, TEMPLATE_PLACEHOLDERS } from "../../sheets-schema/notice-templates";

/**
 * Braces a clerk types wrong in a 通知模板 text (full-width ｛｛ ｝｝, one brace short or too many),
 * and anything else mustache refuses: each said in Chinese at sync time, where the row is, so that
 * the render-time fallback never fires and no unit reads a placeholder's name for its value.
 */

const COMPUTED_LIST = COMPUTED_PLACEHOLDERS.map((name) => `{{${name}}}`).join(" ");

/** What a placeholder may be, for a message that names an unknown one. */
export const PLACEHOLDER_HINT = `占位符应为台账的列名（如 {{标题}}）或 ${COMPUTED_LIST}`;

/** A well-formed mustache tag: {{…}} or {{{…}}}, holding no brace. */
const WELL_FORMED_TAG = /\{\{\{[^{}]*\}\}\}|\{\{[^{}]*\}\}/g;
/** Something meant as a tag: braces of either width around a name, more or fewer than two a side. */
const TAG_LIKE = /(?:[｛{]\s*)+([#^/&]?)\s*([^{}｛｝\s]*?)(?:\s*[｝}])+/g;
/** Placeholder names, longest first, so 答复日期 is not read as a shorter name it starts with. */
const NAMES_LONGEST_FIRST = [...TEMPLATE_PLACEHOLDERS].sort((a, b) => b.length - a.length);

/** The tag as it should be typed: two half-width braces a side, no spaces. */
function tagAsTyped(sigil: string, name: string): string {
  return `{{${sigil}${name}}}`;
}

/** The known placeholder name a text starts with (after spaces and braces), or null. */
function nameAtStart(text: string): string | null {
  const trimmed = text.replace(/^[\s{｛]+/, "");
  return NAMES_LONGEST_FIRST.find((name) => trimmed.startsWith(name)) ?? null;
}

/** The known placeholder name a text ends with (before spaces and braces), or null. */
function nameAtEnd(text: string): string | null {
  const trimmed = text.replace(/[\s}｝]+$/, "");
  return NAMES_LONGEST_FIRST.find((name) => trimmed.endsWith(name)) ?? null;
}

/** A few characters around position `at`, for staff to find the place in a long text. */
function around(text: string, at: number): string {
  const before = /[^\n]*$/.exec(text.slice(Math.max(0, at - 6), at))?.[0] ?? "";
  const after = /^\S*/.exec(text.slice(at + 1, at + 7))?.[0] ?? "";
  return `${before}${text[at]}${after}`.trim();
}

/**
 * Full-width braces meant as a placeholder's: ｛｛办理期限｝｝, a ｛ or ｝ next to a well-formed tag
 * or to a known name, or doubled. Mustache leaves them as typed, so the unit reads the name instead
 * of its value. A ｛附件一｝ around no placeholder name is plain text.
 */
function fullWidthMistake(column: string, text: string, tags: readonly [number, number][]): string | null {
  if (!/[｛｝]/.test(text)) return null;
  for (const [start, end] of tags) {
    const tag = text.slice(start, end);
    if (text[end] === "｝") return `${column}中“${tag}”后面多了一个全角“｝”：请删去，写成 ${tag}`;
    if (text[start - 1] === "｛") return `${column}中“${tag}”前面多了一个全角“｛”：请删去，写成 ${tag}`;
  }
  for (const match of text.matchAll(TAG_LIKE)) {
    const [span, sigil = "", name = ""] = match;
    if (!/[｛｝]/.test(span)) continue;
    const doubled = /[｛{]{2}|[｝}]{2}/.test(span);
    if (!TEMPLATE_PLACEHOLDERS.has(name) && !doubled) continue;
    const fix = TEMPLATE_PLACEHOLDERS.has(name) ? `写成 ${tagAsTyped(sigil, name)}` : PLACEHOLDER_HINT;
    return `${column}中的“${span}”用了全角大括号：全角“｛｛ ｝｝”请改为半角“{{ }}”，${fix}`;
  }
  for (const match of text.matchAll(/[｛｝]/g)) {
    const at = match.index;
    const brace = match[0];
    const name = brace === "｛" ? nameAtStart(text.slice(at + 1)) : nameAtEnd(text.slice(0, at));
    const doubled = text[at + 1] === brace || text[at - 1] === brace;
    if (!name && !doubled) continue;
    const fix = name
      ? `写成 ${tagAsTyped("", name)}`
      : "如 {{编号}}；不是占位符的，请改用其他括号（如“【】”）";
    return `${column}中“${around(text, at)}”有全角“${brace}”：占位符请用两个半角大括号，${fix}`;
  }
  return null;
}

/**
 * A half-width brace that is no part of a well-formed tag: {办理期限}} (one brace short),
 * {{办理期限}}} (one too many; mustache leaves the stray “}” after the date), {{{办理期限}}
 * (mustache refuses it), or a lone “{” in the text.
 */
function strayBraceMistake(column: string, text: string, tags: readonly [number, number][]): string | null {
  let next = 0;
  for (let at = 0; at < text.length; at += 1) {
    while (next < tags.length && (tags[next] as [number, number])[1] <= at) next += 1;
    const tag = tags[next];
    if (tag && tag[0] <= at) continue;
    const brace = text[at];
    if (brace !== "{" && brace !== "}") continue;
    const before = tags[next - 1];
    if (brace === "}" && before && before[1] === at) {
      const typed = text.slice(before[0], before[1]);
      return `${column}中“${typed}”后面多了一个“}”：请删去，写成 ${typed}`;
    }
    if (brace === "{" && tag && tag[0] === at + 1) {
      const typed = text.slice(tag[0], tag[1]);
      return `${column}中“${typed}”前面多了一个“{”：请删去，写成 ${typed}`;
    }
    for (const match of text.matchAll(TAG_LIKE)) {
      const [span, sigil = "", name = ""] = match;
      if (match.index > at || match.index + span.length <= at) continue;
      if (TEMPLATE_PLACEHOLDERS.has(name))
        return `${column}中的“${span}”大括号不成对：请写成 ${tagAsTyped(sigil, name)}`;
    }
    return `${column}中“${around(text, at)}”有单个“${brace}”：占位符请写成两个半角大括号，如 {{编号}}；不是占位符的，请删去或改用其他括号（如“【】”）`;
  }
  return null;
}

/** Braces typed wrong in one text, full-width first (they also make half-width ones look stray). */
export function braceMistake(column: string, text: string): string | null {
  if (!/[{}｛｝]/.test(text)) return null;
  const tags = Array.from(
    text.matchAll(WELL_FORMED_TAG),
    (match) => [match.index, match.index + match[0].length] as [number, number],
  );
  return fullWidthMistake(column, text, tags) ?? strayBraceMistake(column, text, tags);
}

/** Whatever mustache itself refuses, in Chinese: the render-time fallback then never fires. */
export function mustacheMistake(column: string, text: string): string | null {
  try {
    Mustache.parse(text);
    return null;
  } catch {
    return `${column}无法解析：请检查“{{”与“}}”是否成对、{{#…}} 与 {{/…}} 是否成对`;
  }
}
