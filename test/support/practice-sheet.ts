import { TAB_NAMES } from "../../sheets-schema/tab-names";
import {
  assessmentTab,
  committeeTab,
  contactsTab,
  coOpinionsTab,
  deputiesTab,
  extensionsTab,
  leadersTab,
  ledgerTab,
  noticeLogTab,
  opinionsTab,
  problemsTab,
  statisticsTab,
  unitsTab,
} from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";

type Tab = { columns: readonly { header: string; cell: { kind: string } }[] };
export type Cells = Partial<Record<string, string | number>>;

/**
 * The 延期申请 row the notice tests decide: 区教育局 asked on 2026-04-08 to extend 2026-001 (assigned
 * 2026-03-02), approved on 2026-04-10.
 */
export const APPROVED_REQUEST = {
  编号: "2026-001",
  申请日期: "2026-04-08",
  申请单位: "区教育局",
  理由: "需协调市级部门统筹资金",
  审批结果: "同意",
  审批日期: "2026-04-10",
} as const satisfies Cells;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A row of a tab by header; ISO dates in date columns become serials, as the sheet stores them. */
export function rowOf(tab: Tab, cells: Cells): (string | number)[] {
  return tab.columns.map((c) => {
    const value = cells[c.header] ?? "";
    return c.cell.kind === "date" && typeof value === "string" && ISO.test(value)
      ? serialFromIso(value)
      : value;
  });
}

const headerOf = (tab: Tab) => tab.columns.map((c) => c.header);

export interface PracticeSheet {
  ledger: Cells[];
  units?: Cells[];
  deputies?: Cells[];
  leaders?: Cells[];
  contacts?: Cells[];
  extensions?: Cells[];
  coOpinions?: Cells[];
  opinions?: Cells[];
  committee?: Cells[];
  settings?: (string | number)[][];
}

/** Every tab of a provisioned sheet, with the given rows (the emulator admin API's sheet list). */
export function practiceSheet(sheet: PracticeSheet): { title: string; rows: unknown[][] }[] {
  const tabs: [string, Tab, Cells[]][] = [
    [TAB_NAMES.ledger, ledgerTab, sheet.ledger],
    [TAB_NAMES.units, unitsTab, sheet.units ?? []],
    [TAB_NAMES.deputies, deputiesTab, sheet.deputies ?? []],
    [TAB_NAMES.leaders, leadersTab, sheet.leaders ?? []],
    [TAB_NAMES.contacts, contactsTab, sheet.contacts ?? []],
    [TAB_NAMES.extensions, extensionsTab, sheet.extensions ?? []],
    [TAB_NAMES.coOpinions, coOpinionsTab, sheet.coOpinions ?? []],
    [TAB_NAMES.opinions, opinionsTab, sheet.opinions ?? []],
    [TAB_NAMES.committee, committeeTab, sheet.committee ?? []],
  ];
  return [
    ...tabs.map(([title, tab, rows]) => ({
      title,
      rows: [headerOf(tab), ...rows.map((r) => rowOf(tab, r))],
    })),
    { title: TAB_NAMES.settings, rows: [["项目", "值", "说明"], ...(sheet.settings ?? [])] },
    { title: TAB_NAMES.templates, rows: [["模板", "渠道", "标题", "正文", "启用"]] },
    { title: TAB_NAMES.holidays, rows: [["日期", "类型", "说明"]] },
    { title: TAB_NAMES.noticeLog, rows: [headerOf(noticeLogTab)] },
    { title: TAB_NAMES.problems, rows: [headerOf(problemsTab)] },
    { title: TAB_NAMES.statistics, rows: [headerOf(statisticsTab)] },
    { title: TAB_NAMES.assessment, rows: [headerOf(assessmentTab)] },
  ];
}

/** 2026-001 as the practice tests' offices hold it: 张明's suggestion, assigned to 区教育局 on 2026-03-02. */
export function assignedSuggestion(cells: Cells = {}): Cells {
  return {
    编号: "2026-001",
    标题: "关于加快推进柏庄镇卫生院建设的建议",
    领衔代表: "张明",
    类别: "教育医疗",
    提出日期: "2026-01-08",
    审查结果: "立案",
    主办单位: "区教育局",
    交办日期: "2026-03-02",
    ...cells,
  };
}
