import { type Channel, TEMPLATE_NAMES, type TemplateName } from "../../sheets-schema/enums";
import {
  COMPUTED_PLACEHOLDERS,
  defaultTemplateFor,
  unknownPlaceholders,
} from "../../sheets-schema/notice-templates";
import { isLegacyDefaultTemplate } from "../../sheets-schema/notice-templates-legacy";
import type { TemplateRecord } from "../../sheets-schema/tabs/config-tabs";
import { tabProblem } from "./problems";
import type { TabRead } from "./read-tab";

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
   * "default" when the built-in text is used (no row, blank text, an unknown placeholder, or the
   * old built-in text left unedited).
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

const COMPUTED_LIST = COMPUTED_PLACEHOLDERS.map((name) => `{{${name}}}`).join(" ");

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

/** The first template mistake of a row's title or body: unknown placeholders, an unclosed {{ or section. */
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
        message: `占位符 ${unknown.join("、")} 无法识别：占位符应为台账的列名（如 {{标题}}）或 ${COMPUTED_LIST}`,
      };
    if (found.length > unknown.length)
      return { column, message: `${column}中有“{{”没有对应的“}}”：请补上“}}”，或删去多余的“{{”` };
    const section = sectionMistake(text);
    if (section) return { column, message: section };
  }
  return null;
}

/**
 * Reads 通知模板 into one template per (type, channel) present, plus the built-in template of every
 * type that has no all-channel row. A row with an unknown placeholder or blank text falls back to
 * the built-in text with a 提醒: a typo must never silence a statutory reminder. A row that still
 * holds an earlier built-in text, as provisioned, follows today's built-in text.
 */
export function readTemplates(read: TabRead<TemplateRecord>): ResolvedTemplate[] {
  const chosen = new Map<string, ResolvedTemplate>();
  for (const row of read.rows) {
    if (row.blank || row.failed.has("type") || row.failed.has("channel") || !row.record.type) continue;
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
    chosen.set(slot, { type, channel, title, body, enabled, source: "sheet", rowNumber: row.rowNumber });
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
