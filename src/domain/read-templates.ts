import { type Channel, TEMPLATE_NAMES, type TemplateName } from "../../sheets-schema/enums";
import {
  COMPUTED_PLACEHOLDERS,
  defaultTemplateFor,
  unknownPlaceholders,
} from "../../sheets-schema/notice-templates";
import { isLegacyDefaultTemplate } from "../../sheets-schema/notice-templates-legacy";
import type { TemplateRecord } from "../../sheets-schema/tabs/config-tabs";
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
      const missing = !title ? "标题" : "正文";
      row.problems.warn(missing, `${missing}为空，“${type}”通知暂用内置默认模板：请补上${missing}`);
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    if (isLegacyDefaultTemplate(type, title, body)) {
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    const unknown = [...unknownPlaceholders(title), ...unknownPlaceholders(body)];
    if (unknown.length > 0) {
      const column = unknownPlaceholders(body).length > 0 ? "正文" : "标题";
      row.problems.warn(
        column,
        `占位符 ${unknown.join("、")} 无法识别，“${type}”通知暂用内置默认模板：占位符应为台账的列名（如 {{标题}}）或 ${COMPUTED_LIST}`,
      );
      chosen.set(slot, builtIn(type, channel, enabled, row.rowNumber));
      continue;
    }
    chosen.set(slot, { type, channel, title, body, enabled, source: "sheet", rowNumber: row.rowNumber });
  }
  for (const type of TEMPLATE_NAMES) {
    if (!chosen.has(`${type}|`)) chosen.set(`${type}|`, builtIn(type, null, true, null));
  }
  return [...chosen.values()];
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
