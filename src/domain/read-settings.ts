import { type CellType, parseCell } from "../../sheets-schema/cells/cell-type";
import { defaultSettings, type SettingKey, type Settings, settingDefs } from "../../sheets-schema/settings";
import type { SettingRecord } from "../../sheets-schema/tabs/config-tabs";
import { nameKey } from "./directory";
import { compileIdFormat, DEFAULT_ID_FORMAT, type IdFormat } from "./numbering";
import { tabProblem } from "./problems";
import type { ParsedRow, TabRead } from "./read-tab";
import { isFixedOffsetZone } from "./time-zones";

export interface SettingsRead {
  readonly settings: Settings;
  readonly idFormat: IdFormat;
  /** Sheet row each setting came from; absent = default. */
  readonly rowOf: Partial<Record<SettingKey, number>>;
}

const defsByItem = new Map(settingDefs.map((def) => [nameKey(def.item), def]));
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/\S+$/;

/** Zones already asked about: making a DateTimeFormat to find out costs about a millisecond. */
const zoneValidity = new Map<string, boolean>();

/**
 * True for an IANA time zone the runtime knows (Workers and Node ship full ICU). The zones of
 * China's offices are known without asking Intl (src/domain/time-zones.ts says why).
 */
export function isValidTimeZone(zone: string): boolean {
  if (isFixedOffsetZone(zone)) return true;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/** A further check of a parsed value; returns the problem message, or null when fine. */
function extraCheck(key: SettingKey, value: unknown): string | null {
  if (key === "timeZone" && typeof value === "string" && !isValidTimeZone(value)) {
    return `时区“${value}”无法识别：请填写 IANA 时区名，如 Asia/Shanghai`;
  }
  if (key === "idFormat" && typeof value === "string") {
    const compiled = compileIdFormat(value);
    return compiled.ok ? null : compiled.message;
  }
  if (key === "categories" && Array.isArray(value) && value.length === 0) return "类别不能为空";
  return null;
}

/** A 周报接收人 entry that is neither an e-mail address nor a web address (a bot). */
function badRecipient(entry: unknown): boolean {
  return typeof entry !== "string" || (!EMAIL.test(entry) && !HTTP_URL.test(entry));
}

/**
 * 周报接收人 with its malformed entries dropped, each named in an 错误 that says who still gets the
 * 督办周报: one typo must not silence the digest for the others.
 */
function keepGoodRecipients(row: ParsedRow<SettingRecord>, value: readonly unknown[]): string[] {
  const good = value.filter((v): v is string => !badRecipient(v));
  const bad = value.filter(badRecipient).map(String);
  if (bad.length === 0) return good;
  const still =
    good.length > 0 ? `督办周报照常发给其余的 ${good.join("、")}` : "改好之前督办周报不会发送给任何人";
  row.problems.error(
    "值",
    `周报接收人“${bad.join("”“")}”既不是邮箱也不是网址（邮箱如 dbc@example.gov.cn，机器人地址以 https:// 开头），已略过：${still}。请改正`,
  );
  return good;
}

function shownDefault(key: SettingKey): string {
  return settingDefs.find((def) => def.key === key)?.defaultText || "（空）";
}

/** What a refused 值 falls back to, where "默认值（空）" would not tell staff what that means. */
function fallbackOf(key: SettingKey): string {
  if (key === "practiceSince")
    return "暂按留空处理：交办日期再早的建议也检查办前联系、面商和协办意见，也计入沟通率";
  return `暂用默认值 ${shownDefault(key)}`;
}

// A leader with a channel in 领导 (or as a 代表) is told directly; only the others reach no one
// without the 周报接收人, who are told in their stead (recipients.ts).
export const NO_DIGEST_MESSAGE =
  "周报接收人为空：督办周报不会发送；在『领导』表和『代表』表中都没有可用通知渠道的领导也收不到通知（督办领导的逾期催办，领办领导的交办通知和逾期催办）。请填写领导或代表工委的邮箱或机器人地址，多个用逗号分隔";

/**
 * An empty 周报接收人 is a 提醒 (on its row, or on the tab when the row is missing): nobody gets the
 * weekly digest. A 值 that was refused already has its 错误.
 */
function digestRecipientsCheck(
  read: TabRead<SettingRecord>,
  settings: Settings,
  rowOf: Partial<Record<SettingKey, number>>,
): void {
  if (settings.digestRecipients.length > 0 || !read.readable) return;
  const rowNumber = rowOf.digestRecipients;
  const row = rowNumber === undefined ? undefined : read.rows.find((r) => r.rowNumber === rowNumber);
  if (!row) {
    read.problems.push(tabProblem(read.tab, "提醒", NO_DIGEST_MESSAGE));
    return;
  }
  if (!row.problems.list.some((p) => p.level === "错误")) row.problems.warn("值", NO_DIGEST_MESSAGE);
}

/**
 * Reads 设置: each known 项目 overrides its default; a blank 值 keeps the default. Unknown 项目 and
 * repeated 项目 are 提醒 (ignored); a bad 值 is an 错误 and the default is used, so one typo never
 * stops the sync.
 */
export function readSettings(read: TabRead<SettingRecord>): SettingsRead {
  const settings = defaultSettings() as Record<SettingKey, unknown>;
  const rowOf: Partial<Record<SettingKey, number>> = {};
  const rows: readonly ParsedRow<SettingRecord>[] = read.rows;
  let legacyRow: ParsedRow<SettingRecord> | null = null;
  const valueIndex = read.columns?.indexOf.value;
  for (const row of rows) {
    if (row.blank || !row.record.item) continue;
    const def = defsByItem.get(nameKey(row.record.item));
    if (!def) {
      const known = settingDefs.map((d) => d.item).join("、");
      row.problems.warn("项目", `项目“${row.record.item}”无法识别，本行被忽略：可用的项目有 ${known}`);
      continue;
    }
    const earlier = rowOf[def.key];
    if (earlier !== undefined) {
      row.problems.warn("项目", `项目“${def.item}”在第 ${earlier} 行已经设置，本行被忽略：请删除重复的一行`);
      continue;
    }
    rowOf[def.key] = row.rowNumber;
    if (def.key === "secondRoundDays") legacyRow = row;
    const cell: CellType<unknown, unknown> = def.cell;
    const result = parseCell(cell, valueIndex === undefined ? undefined : row.raw[valueIndex]);
    if (result.blank) continue;
    if (def.key === "digestRecipients" && !result.error && Array.isArray(result.value)) {
      settings.digestRecipients = keepGoodRecipients(row, result.value);
      continue;
    }
    const message = result.error ?? extraCheck(def.key, result.value);
    if (message) {
      row.problems.error("值", `${def.item}：${message}；${fallbackOf(def.key)}`);
      continue;
    }
    settings[def.key] = result.value;
    // A value read with a doubt (仅工作日发送 typed √: read as 是) is used, and said on its row.
    if (result.warning) row.problems.warn("值", `${def.item}：${result.warning}`);
  }
  const typed = settings as Settings;
  digestRecipientsCheck(read, typed, rowOf);
  resolveSecondRound(typed, rowOf, legacyRow);
  const compiled = compileIdFormat(typed.idFormat);
  const fallback = compileIdFormat(DEFAULT_ID_FORMAT);
  const idFormat = compiled.ok ? compiled.format : (fallback as { ok: true; format: IdFormat }).format;
  return { settings: typed, idFormat, rowOf };
}

/**
 * 二次办理时限 (N天 or N个月) replaced 二次办理时限天数: a sheet with only the old row keeps its
 * number as days; a sheet with both uses the new row and says so on the old one.
 */
function resolveSecondRound(
  settings: Settings,
  rowOf: Partial<Record<SettingKey, number>>,
  legacyRow: ParsedRow<SettingRecord> | null,
): void {
  if (rowOf.secondRoundDays === undefined) return;
  if (rowOf.secondRoundPeriod === undefined) {
    settings.secondRoundPeriod = { amount: settings.secondRoundDays, unit: "天" };
    return;
  }
  legacyRow?.problems.warn(
    "项目",
    `“二次办理时限天数”已由第 ${rowOf.secondRoundPeriod} 行的“二次办理时限”取代，本行被忽略：请删除这一行`,
  );
}
