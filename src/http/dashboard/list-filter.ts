import { LEDGER_STATUSES } from "../../../sheets-schema/enums";
import { parseYear } from "../../domain/dashboard/sample-request";
import { HttpError } from "../errors";

/** The suggestions list's filters, as /suggestions and the export of its list (/exports/ledger.csv) read them. */
export interface SuggestionsFilter {
  status: string | null;
  text: string;
  /** 年度: the year of 提出日期 (null: every year). */
  year: number | null;
}

/** A query value that must be one of a list ("" or absent = no filter); another is a 400 that lists them. */
export function oneOf(
  value: string | undefined,
  allowed: readonly string[],
  code: string,
  what: string,
): string | null {
  if (!value) return null;
  if (!allowed.includes(value)) {
    throw new HttpError(400, code, `${what}“${value}”无法识别：可选 ${allowed.join("、")}`);
  }
  return value;
}

/** `?page=` of a paged list (/suggestions, /notices, /links): 1 when absent; a positive whole number otherwise. */
export function pageNumber(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new HttpError(400, "invalid_page", `页码须为正整数，收到“${raw}”`);
  return Number(raw);
}

/**
 * `?year=&status=&q=` of the list (and of its export, so the file holds what the list showed): 年度
 * as the year report and the assessment read it (2000–2100, blank or 全部 = every year), a 台账状态,
 * a search of at most 50 characters. A value that is none of these is a 400 saying what to pick.
 */
export function listFilterOf(query: (name: string) => string | undefined): SuggestionsFilter {
  const status = oneOf(query("status"), LEDGER_STATUSES, "invalid_status", "台账状态");
  const text = (query("q") ?? "").trim().slice(0, 50);
  const year = parseYear(query("year"));
  if (!year.ok) throw new HttpError(400, year.code, year.message);
  return { status, text, year: year.value };
}

/** Whether the filter leaves every suggestion in (the whole ledger's export then). */
export function filtersNothing(filter: SuggestionsFilter): boolean {
  return filter.year === null && filter.status === null && filter.text === "";
}

/** The filter as a query string's parameters (blank ones left out), for the list's links. */
export function filterParams(filter: SuggestionsFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.year !== null) query.set("year", String(filter.year));
  if (filter.status) query.set("status", filter.status);
  if (filter.text) query.set("q", filter.text);
  return query;
}
