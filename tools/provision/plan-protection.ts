import type { sheets_v4 } from "@googleapis/sheets";
import { columnLetter } from "../../sheets-schema";
import { type Change, change, type TabLayout } from "./change";
import { isSystemColumn } from "./layout";
import {
  columnRange,
  DUE_SOON_AMBER,
  OVERDUE_RED,
  protect,
  SYSTEM_COLUMN_MARK,
  SYSTEM_TAB_MARK,
  textEqualsRule,
  unprotect,
} from "./requests";
import type { ProtectedRangeFacts } from "./snapshot";

const STATUS_HEADER = "台账状态";
const STATUS_COLOURS = [
  { text: "已逾期", color: OVERDUE_RED, zh: "红色", en: "red" },
  { text: "即将到期", color: DUE_SOON_AMBER, zh: "琥珀色", en: "amber" },
] as const;

/** Sheets leaves zero indexes out of responses (proto3), so a missing start index means 0. */
function coversColumn(range: sheets_v4.Schema$GridRange, column: number): boolean {
  return (
    (range.startColumnIndex ?? 0) === column &&
    range.endColumnIndex === column + 1 &&
    !range.startRowIndex &&
    range.endRowIndex == null
  );
}

function coversSheet(range: sheets_v4.Schema$GridRange): boolean {
  return (
    range.startColumnIndex == null &&
    range.endColumnIndex == null &&
    !range.startRowIndex &&
    range.endRowIndex == null
  );
}

function systemTabProtection(layout: TabLayout): Change[] {
  const { tab, snapshot, sheetId } = layout;
  if (snapshot.protectedRanges.some((pr) => pr.warningOnly && coversSheet(pr.range))) return [];
  const description = `${SYSTEM_TAB_MARK}“${tab.name}”：由系统每次同步时写入，请勿手工修改`;
  const requests = [protect({ sheetId }, description)];
  return [change(tab.name, "保护整张系统表（仅警告）", "protect the system tab (warning only)", requests)];
}

/**
 * System columns are protected warning-only, one range per column. A range this tool added earlier
 * that no longer sits on a system column (the column was moved by cut and paste) is removed, so
 * staff are not warned on their own columns.
 */
function systemColumnProtection(layout: TabLayout): Change[] {
  const { tab, snapshot, sheetId } = layout;
  const columns = tab.columns.filter((col) => isSystemColumn(tab, col));
  const wanted = columns.map((col) => ({ col, index: layout.positions.get(col.header) ?? 0 }));
  const matches = (pr: ProtectedRangeFacts, index: number) => pr.warningOnly && coversColumn(pr.range, index);
  const changes: Change[] = [];
  const missing = wanted.filter((w) => !snapshot.protectedRanges.some((pr) => matches(pr, w.index)));
  if (missing.length > 0) {
    const requests = missing.map((w) =>
      protect(
        columnRange(sheetId, w.index, 0),
        `${SYSTEM_COLUMN_MARK}“${w.col.header}”：每次同步时由系统重新计算，手工修改会被覆盖`,
      ),
    );
    const names = missing.map((w) => w.col.header).join("、");
    changes.push(
      change(tab.name, `保护系统列（仅警告）：${names}`, "protect system columns (warning only)", requests),
    );
  }
  const stale = snapshot.protectedRanges.filter(
    (pr) => pr.description.startsWith(SYSTEM_COLUMN_MARK) && !wanted.some((w) => matches(pr, w.index)),
  );
  for (const pr of stale) {
    const where = `第 ${columnLetter(pr.range.startColumnIndex ?? 0)} 列`;
    changes.push(
      change(tab.name, `移除过期的系统列保护：${where}`, "remove a stale system-column protection", [
        unprotect(pr.id),
      ]),
    );
  }
  return changes;
}

/** 台账状态: 已逾期 red, 即将到期 amber (a rule of the same text on that column counts as present). */
function statusColours(layout: TabLayout): Change[] {
  const index = layout.positions.get(STATUS_HEADER);
  if (index === undefined) return [];
  const present = (text: string) =>
    layout.snapshot.conditionalFormats.some((rule) => {
      const condition = rule.booleanRule?.condition;
      const onColumn = (rule.ranges ?? []).some(
        (r) => (r.startColumnIndex ?? 0) <= index && index < (r.endColumnIndex ?? Number.POSITIVE_INFINITY),
      );
      return condition?.type === "TEXT_EQ" && condition.values?.[0]?.userEnteredValue === text && onColumn;
    });
  const missing = STATUS_COLOURS.filter((s) => !present(s.text));
  if (missing.length === 0) return [];
  const range = columnRange(layout.sheetId, index, 1);
  const requests = missing.map((s) => textEqualsRule(range, s.text, s.color));
  const zh = `条件格式：${missing.map((s) => `${s.text}${s.zh}`).join("、")}`;
  const en = `conditional format: ${missing.map((s) => s.en).join(", ")}`;
  return [change(layout.tab.name, zh, en, requests)];
}

/** Warning-only protection of system columns and system tabs, and the 台账状态 colours. */
export function planProtection(layout: TabLayout): Change[] {
  if (layout.tab.owner === "system") return systemTabProtection(layout);
  return [...systemColumnProtection(layout), ...statusColours(layout)];
}
