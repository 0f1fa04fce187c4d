import { type Channel, TEMPLATE_NAMES, type TemplateName } from "../../sheets-schema/enums";
import { defaultTemplateFor, unknownPlaceholders } from "../../sheets-schema/notice-templates";
import { isLegacyDefaultTemplate } from "../../sheets-schema/notice-templates-legacy";
import type { TemplateRecord } from "../../sheets-schema/tabs/config-tabs";
import { placeholdersAlwaysBlank } from "../../sheets-schema/template-placeholders";
import { tabProblem } from "./problems";
import type { ParsedRow, TabRead } from "./read-tab";
import { braceMistake, mustacheMistake, PLACEHOLDER_HINT } from "./template-braces";
import { lengthNotice } from "./template-length";

/** The template a notice of one type (and channel) is rendered with. */
export interface ResolvedTemplate {
  /** A notice type, or the co-units' 交办通知. */
  readonly type: TemplateName;
  /** null = every channel. */
  readonly channel: Channel | null;
  readonly title: string;
  readonly body: string;
  /** 启用 = 否 turns this notice off (for this channel); a typo never does. */
  readonly enabled: boolean;
  /**
   * "default" when the built-in text is used (no row, blank text, an unknown placeholder, braces
   * typed wrong or anything mustache refuses, or the old built-in text left unedited).
   */
  readonly source: "sheet" | "default";
  readonly rowNumber: number | null;
}

function builtIn(
  type: TemplateName,
  channel: Channel | null,
  enabled: boolean,
  rowNumber: number | null,
): ResolvedTemplate {
  const text = defaultTemplateFor(type);
  return { type, channel, title: text.title, body: text.body, enabled, source: "default", rowNumber };
}

const UNCLOSED_BRACES = "未闭合的 {{";
const SECTION_TAG = /\{\{\s*([#^/])\s*([^{}]*?)\s*\}\}/g;

/**
 * The first {{#…}} (or {{^…}}) section a text leaves unclosed, or a {{/…}} that closes none, as
 * staff should read it: mustache itself says so only when a notice is rendered, in English.
 */
export function sectionMistake(text: string): string | null {
  const open: string[] = [];
  for (const match of text.matchAll(SECTION_TAG)) {
    const [, sigil, name = ""] = match;
    if (sigil !== "/") {
      open.push(`{{${sigil}${name}}}`);
      continue;
    }
    const last = open.pop();
    if (last === undefined) return `“{{/${name}}}”前面没有对应的“{{#${name}}}”：请删去它或补上“{{#${name}}}”`;
    const openName = last.slice(3, -2);
    if (openName !== name)
      return `“${last}”没有对应的“{{/${openName}}}”（先遇到了“{{/${name}}}”）：请补上“{{/${openName}}}”`;
  }
  const last = open.pop();
  return last === undefined ? null : `“${last}”没有对应的“{{/${last.slice(3, -2)}}}”：请补上`;
}

/** What the notice does meanwhile, and how staff stop it if that was what they meant. */
function meanwhile(type: TemplateName): string {
  return `改好之前“${type}”通知照常用内置正文发送（如要停发，请把 启用 设为 否）`;
}

/**
 * What a row with blank text lacks, both columns named when both are blank: staff who read only
 * 标题为空 fill in the title and are told next time that the body is blank too.
 */
function blankText(title: string, body: string): string {
  if (!title && !body) return "标题和正文都为空：请补上标题和正文";
  const missing = !title ? "标题" : "正文";
  return `${missing}为空：请补上${missing}`;
}

/**
 * The first template mistake of a row's title or body: unknown placeholders, an unclosed {{,
 * braces typed wrong, an unclosed section, or anything else mustache refuses.
 */
function templateMistake(title: string, body: string): { column: "标题" | "正文"; message: string } | null {
  for (const [column, text] of [
    ["标题", title],
    ["正文", body],
  ] as const) {
    const found = unknownPlaceholders(text);
    const unknown = found.filter((name) => name !== UNCLOSED_BRACES);
    if (unknown.length > 0)
      return {
        column,
        message: `占位符 ${unknown.join("、")} 无法识别：${PLACEHOLDER_HINT}`,
      };
    if (found.length > unknown.length)
      return { column, message: `${column}中有“{{”没有对应的“}}”：请补上“}}”，或删去多余的“{{”` };
    const message = braceMistake(column, text) ?? sectionMistake(text) ?? mustacheMistake(column, text);
    if (message) return { column, message };
  }
  return null;
}

/** A 提醒 for placeholders a notice of `type` never fills: the text still goes, with them blank. */
function alwaysBlankNotice(names: readonly string[], type: TemplateName): string {
  const listed = names.map((name) => `“{{${name}}}”`).join("、");
  return `${listed}在“${type}”中总是空的：这类通知没有这一项（每种通知能用哪些占位符，见工作人员手册附录二“通知模板里的占位符”）；通知照常按本行文字发送，那里空着`;
}

/**
 * What a row whose 渠道 could not be read does meanwhile: it is ignored, and the notice goes on that
 * channel as the all-channel row of its type says (its text, or 启用 = 否), else with the built-in
 * text (a 否 on the ignored row stops nothing).
 */
function ignoredChannelNote(
  type: TemplateName,
  enabled: boolean,
  allChannels: ResolvedTemplate | undefined,
): string {
  const row = allChannels?.rowNumber;
  let meanwhile: string;
  if (allChannels && !allChannels.enabled && row) meanwhile = `按第 ${row} 行（渠道留空）的 启用 = 否 停发`;
  else if (allChannels?.source === "sheet" && row) meanwhile = `照常用第 ${row} 行（渠道留空）的标题和正文`;
  else meanwhile = "照常用内置正文发送";
  const off = enabled || allChannels?.enabled === false ? "" : "，本行的 启用 = 否 也不生效";
  return `；改好之前本行不起作用：“${type}”通知${meanwhile}${off}`;
}

/**
 * Reads 通知模板 into one template per (type, channel) present, plus the built-in template of every
 * type that has no all-channel row. A row with an unknown placeholder, braces typed wrong (｛｛ ｝｝,
 * a single { or }), anything else mustache refuses, or blank text falls back to the built-in text
 * with a 提醒: a typo must never silence a statutory reminder. A text longer than a robot it may go
 * to shows gets a 提醒 and still goes (cut). A row whose 渠道 cannot be read is ignored, and its
 * 错误 says what goes instead. A row that still holds an earlier built-in text, as provisioned,
 * follows today's built-in text.
 */
export function readTemplates(read: TabRead<TemplateRecord>): ResolvedTemplate[] {
  const chosen = new Map<string, ResolvedTemplate>();
  const badChannel: ParsedRow<TemplateRecord>[] = [];
  for (const row of read.rows) {
    if (row.blank || row.failed.has("type") || !row.record.type) continue;
    if (row.failed.has("channel")) {
      badChannel.push(row);
      continue;
    }
    const { type, channel, title, body, enabled } = row.record;
    const slot = `${type}|${channel ?? ""}`;
    const earlier = chosen.get(slot);
    if (earlier) {
      const scope = channel ? `渠道 ${channel} 的` : "所有渠道的";
      row.problems.warn(
        "模板",
        `${scope}“${type}”模板在第 ${earlier.rowNumber} 行已有，本行被忽略：请删除重复的一行`,
      );
      continue;
    }
    const tooLong = (p: { column: string | null }) => p.column === "标题" || p.column === "正文";
    if ((row.failed.has("title") || row.failed.has("body")) && enabled) {
      // A text over the cell's limit is already told (as 错误): not “empty” too.
      row.problems.amendFirst(tooLong, (p) => ({ ...p, message: `${p.message}；${meanwhile(type)}` }));
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    if (!title || !body) {
      // A row kept only to turn a notice off needs no text.
      if (!enabled) {
        chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
        continue;
      }
      row.problems.warn(!title ? "标题" : "正文", `${blankText(title, body)}；${meanwhile(type)}`);
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    if (row.failed.has("enabled")) {
      // A typo in 启用 never stops a notice: say so, or staff who typed 停用 believe it stopped.
      const typo = (p: { column: string | null }) => p.column === "启用";
      row.problems.amendFirst(typo, (p) => ({
        ...p,
        message: `${p.message}；改好之前“${type}”通知照常发送（如要停发，请填 否）`,
      }));
    }
    if (isLegacyDefaultTemplate(type, title, body)) {
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    const mistake = templateMistake(title, body);
    if (mistake) {
      row.problems.warn(mistake.column, `${mistake.message}；${meanwhile(type)}`);
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    const long = lengthNotice(type, channel, title, body);
    if (long) row.problems.warn("正文", long);
    for (const [column, text] of [
      ["标题", title],
      ["正文", body],
    ] as const) {
      const blank = placeholdersAlwaysBlank(type, text);
      if (blank.length > 0) row.problems.warn(column, alwaysBlankNotice(blank, type));
    }
    chosen.set(slot, { type, channel, title, body, enabled, source: "sheet", rowNumber: row.rowNumber });
  }
  for (const row of badChannel) {
    const { type, enabled } = row.record;
    if (!type) continue;
    const note = ignoredChannelNote(type, enabled, chosen.get(`${type}|`));
    row.problems.amendFirst(
      (p) => p.column === "渠道",
      (p) => ({ ...p, message: `${p.message}${note}` }),
    );
  }
  const typesWithRow = new Set([...chosen.values()].map((t) => t.type));
  for (const type of TEMPLATE_NAMES) {
    if (!chosen.has(`${type}|`)) chosen.set(`${type}|`, builtIn(type, null, true, null));
  }
  missingRowsNotice(read, typesWithRow);
  return [...chosen.values()];
}

/**
 * A 提醒 naming the notice types a provisioned 通知模板 has no row for (deleted, most likely to stop
 * them): their built-in text keeps going out. A tab holding only a few rows (a sheet that keeps
 * only the texts it changed) is left alone: fewer than half the types means rows were never there.
 */
function missingRowsNotice(read: TabRead<TemplateRecord>, typesWithRow: ReadonlySet<TemplateName>): void {
  if (!read.readable || typesWithRow.size * 2 < TEMPLATE_NAMES.length) return;
  const missing = TEMPLATE_NAMES.filter((type) => !typesWithRow.has(type));
  if (missing.length === 0) return;
  const names = missing.map((type) => `“${type}”`).join("、");
  read.problems.push(
    tabProblem(
      read.tab,
      "提醒",
      `本表没有 ${names} 的行：这些通知照常用内置正文发送。如要停发，请补回一行：模板 填该通知名，启用 填 否（标题、正文可留空）；如要照常发送，可不理会本提醒`,
    ),
  );
}

/** The template for a notice: the channel's own row, else the all-channel row, else built-in. */
export function pickTemplate(
  templates: readonly ResolvedTemplate[],
  type: TemplateName,
  channel: Channel | null,
): ResolvedTemplate {
  return (
    templates.find((t) => t.type === type && t.channel === channel && channel !== null) ??
    templates.find((t) => t.type === type && t.channel === null) ??
    builtIn(type, null, true, null)
  );
}
