/**
 * A file that is jianyi's own ledger export (/exports/ledger.csv, saved as .xlsx): the way back when
 * 建议台账 is lost and no version of the sheet is left. Its staff columns are the ledger's own; the
 * columns after them the export computed, and the sync computes again.
 */
import { LEDGER_EXPORT_EXTRA } from "../../src/domain/dashboard/ledger-export";
import { normaliseHeader, SYSTEM_HEADERS } from "./headers";

/**
 * The export's computed columns that are no column of the ledger (剩余天数, 首轮办理期限 …): only the
 * export has them, so a file naming them all is one, and none of them is imported.
 */
export const EXPORT_ONLY_HEADERS: ReadonlySet<string> = new Set(
  LEDGER_EXPORT_EXTRA.filter((h) => !SYSTEM_HEADERS.has(h)),
);

/** The header row (as typed) names every export-only column: the file is jianyi's own export. */
export function isOwnExport(headers: readonly string[]): boolean {
  const named = new Set(headers.map(normaliseHeader));
  return [...EXPORT_ONLY_HEADERS].every((h) => named.has(h));
}

/** The export-only column a header names, or null. */
export const exportOnlyHeader = (header: string): string | null => {
  const plain = normaliseHeader(header);
  return EXPORT_ONLY_HEADERS.has(plain) ? plain : null;
};

/**
 * What the report says first of such a file: a restore, its computed columns (`computed`, as the
 * file has them) left to the sync. The first-import advice (逾期催办 on the first sync, 启用日期,
 * 编号格式) is about an office new to jianyi, so it is not given.
 */
export const ownExportNote = (computed: readonly string[]): string =>
  `这是本系统导出的台账：按恢复处理，系统计算的列（${computed.join("、")}）不导入，下次同步时重新计算`;
