import { nameKey } from "../../domain/directory";
import { isMisnamedRow } from "../../domain/statistics-units";
import { localDateTime as localDateTimeAt } from "../../jobs/local-time";

/** A UTC ISO timestamp as local "YYYY-MM-DD HH:mm" in 设置 时区; an unreadable one as it is. */
export function localDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : localDateTimeAt(ms, timeZone);
}

export type Tone = "danger" | "warn" | "info" | "ok" | "teal" | "violet" | "gray";

const STATUS_TONES: Record<string, Tone> = {
  已逾期: "danger",
  即将到期: "warn",
  待二次交办: "violet",
  跨年督办: "violet",
  办理中: "info",
  待测评: "info",
  跟踪落实: "teal",
  已办结: "ok",
};

/** The colour of a 台账状态 (and of notice states) on badges and bars. */
export function statusTone(status: string): Tone {
  if (status === "失败") return "danger";
  if (status === "已发送" || status === "已确认") return "ok";
  if (status === "待发送" || status === "待确认") return "warn";
  return STATUS_TONES[status] ?? "gray";
}

/** "剩 12 天" / "今天到期" / "逾期 5 天". */
export function daysLeftText(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return "今天到期";
  return days > 0 ? `剩 ${days} 天` : `逾期 ${-days} 天`;
}

/** Link targets with names and 编号 in the path. */
export const href = {
  /** A unit's page; the line of 主办单位 that are no unit links to the 错误 that name them. */
  unit: (name: string) =>
    isMisnamedRow(name)
      ? `/problems?level=${encodeURIComponent("错误")}`
      : `/units/${encodeURIComponent(name)}`,
  deputy: (name: string) => `/deputies/${encodeURIComponent(name)}`,
  suggestion: (id: string) => `/suggestions/${encodeURIComponent(id)}`,
  status: (status: string) => `/suggestions?status=${encodeURIComponent(status)}`,
  discardSubmission: (s: { form: string; submissionId: string }) =>
    `/submissions/${encodeURIComponent(s.form)}/${encodeURIComponent(s.submissionId)}/discard`,
};

/**
 * Whether a suggestion's 主办单位 is a unit of 承办单位, as a page asks it of each row it lists: a name
 * that is none (a typo, an 错误 in 校验问题) has no unit page to link to (/units/<name> is a 404).
 */
export type IsUnit = (name: string) => boolean;

/** Every name is a unit (a page that was given no 承办单位): lists link each 主办单位 as before. */
export const EVERY_NAME_A_UNIT: IsUnit = () => true;

/**
 * The names the last sync found to be no unit of 承办单位 (`misnamed`, by nameKey, as 承办单位 is
 * looked up): every other 主办单位 is a unit. Pages read them with the summary's stamp, so a page
 * reads nothing more for it.
 */
export function unitCheck(misnamed: readonly string[]): IsUnit {
  if (misnamed.length === 0) return EVERY_NAME_A_UNIT;
  const keys = new Set(misnamed.map(nameKey));
  return (name) => !keys.has(nameKey(name));
}
