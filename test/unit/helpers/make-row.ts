import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab, unitsTab } from "../../../sheets-schema/tabs";
import type { LedgerRecord } from "../../../sheets-schema/tabs/ledger";
import { ledgerStaffColumns } from "../../../sheets-schema/tabs/ledger";
import { serialFromIso } from "../../../src/domain/civil-date";
import { buildDirectory } from "../../../src/domain/directory";
import { readTab } from "../../../src/domain/read-tab";

/** Every 建议台账 header in the default layout order. */
export const LEDGER_HEADERS: string[] = ledgerTab.columns.map((c) => c.header);

export type LedgerCells = Partial<Record<string, unknown>>;

/** A valid, reviewed-but-not-yet-assigned suggestion, as raw cells keyed by header. */
export const BASE_CELLS: LedgerCells = {
  编号: "2026-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  提出日期: "2026-01-10",
  类别: "教育医疗",
  审查结果: "立案",
};

/**
 * A raw 建议台账 row (what batchGet returns) in `headers` order: BASE_CELLS overridden by `cells`.
 * Pass "" to clear a base cell.
 */
export function makeRow(cells: LedgerCells = {}, headers: readonly string[] = LEDGER_HEADERS): unknown[] {
  const merged: LedgerCells = { ...BASE_CELLS, ...cells };
  return headers.map((header) => merged[header] ?? "");
}

/** The sheet serial of an ISO date, as UNFORMATTED_VALUE returns a date cell. */
export function serial(iso: string): number {
  return serialFromIso(iso);
}

export const DEPUTY_NAMES = ["张明", "李华", "赵敏", "王伟(北关)", "王伟(文峰)"];
export const UNIT_NAMES = ["区教育局", "区住建局", "区卫健委", "区交通运输局"];

/** 代表 tab values with the fixture deputies. */
export function deputiesValues(names: readonly string[] = DEPUTY_NAMES): unknown[][] {
  return [deputiesTab.columns.map((c) => c.header), ...names.map((name) => [name, "北关区代表团"])];
}

/** 承办单位 tab values with the fixture units (each reachable by e-mail). */
export function unitsValues(names: readonly string[] = UNIT_NAMES): unknown[][] {
  const headers = unitsTab.columns.map((c) => c.header);
  return [headers, ...names.map((name, i) => [name, "联系人", "", `unit${i}@example.gov.cn`, "email"])];
}

/** 承办单位 as the figures read it (a Directory), listing these units (the fixture's by default). */
export function unitDirectory(names: readonly string[] = UNIT_NAMES) {
  return buildDirectory(readTab(unitsTab, unitsValues(names)), "单位");
}

/** The tabs input of evaluateLedger: fixture 代表 and 承办单位, the given ledger rows, other tabs optional. */
export function makeTabs(
  ledgerRows: unknown[][],
  extra: Partial<Record<string, unknown[][]>> = {},
): Record<string, unknown> {
  return {
    [TAB_NAMES.ledger]: [LEDGER_HEADERS, ...ledgerRows],
    [TAB_NAMES.deputies]: deputiesValues(),
    [TAB_NAMES.units]: unitsValues(),
    [TAB_NAMES.settings]: [["项目", "值", "说明"]],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
    ...extra,
  };
}

/** A parsed record with every field blank, overridden by `fields` (for status and statistics). */
export function makeRecord(fields: Partial<LedgerRecord> = {}): LedgerRecord {
  const record: Record<string, unknown> = {};
  for (const col of ledgerStaffColumns) record[col.key] = col.cell.blank;
  return { ...(record as LedgerRecord), ...fields };
}
