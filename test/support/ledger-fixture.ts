import { TAB_NAMES } from "../../sheets-schema/tab-names";
import {
  deputiesTab,
  ledgerTab,
  problemsTab,
  settingsTab,
  statisticsTab,
  unitsTab,
} from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";

/** The date the fixture is written for: every scenario below has its status on this day. */
export const FIXTURE_TODAY = "2026-11-26";
/** 10:00 in Asia/Shanghai on FIXTURE_TODAY. */
export const FIXTURE_NOW_MS = Date.parse("2026-11-26T02:00:00Z");

export const UNITS = Array.from(
  { length: 12 },
  (_, i) =>
    [
      "区教育局",
      "区住建局",
      "区交通运输局",
      "区卫健委",
      "区民政局",
      "区生态环境分局",
      "区农业农村局",
      "区城管局",
      "区人社局",
      "区水利局",
      "区文旅局",
      "区医保局",
    ][i] as string,
);
export const DEPUTIES = Array.from(
  { length: 40 },
  (_, i) => `${"王李张刘陈杨赵黄周吴"[i % 10]}${"建国秀英志强海燕丽华"[(i * 3) % 10]}${i}`,
);

type Cells = Partial<Record<string, string | number>>;
const d = (iso: string) => serialFromIso(iso);

/** One scenario per ledger status at FIXTURE_TODAY (and a few variants), cycled to fill the ledger. */
export const SCENARIOS: { status: string; cells: Cells }[] = [
  { status: "待审查", cells: {} },
  { status: "不予立案", cells: { 审查结果: "不予立案" } },
  { status: "已并案", cells: { 审查结果: "并案", 并入编号: "2026-001" } },
  { status: "待交办", cells: { 审查结果: "立案" } },
  { status: "办理中", cells: { 审查结果: "立案", 交办日期: d("2026-10-20") } },
  { status: "即将到期", cells: { 审查结果: "立案", 交办日期: d("2026-09-01") } },
  { status: "已逾期", cells: { 审查结果: "立案", 交办日期: d("2026-05-10") } },
  {
    status: "待测评",
    cells: { 审查结果: "立案", 交办日期: d("2026-03-02"), 答复日期: d("2026-05-20"), 答复类别: "A" },
  },
  {
    status: "待二次交办",
    cells: {
      审查结果: "立案",
      交办日期: d("2026-03-02"),
      答复日期: d("2026-05-20"),
      答复类别: "B",
      满意度: "不满意",
      测评日期: d("2026-06-01"),
    },
  },
  {
    status: "办理中",
    cells: {
      审查结果: "立案",
      交办日期: d("2026-03-02"),
      答复日期: d("2026-05-20"),
      答复类别: "D",
      满意度: "不满意",
      测评日期: d("2026-06-01"),
      二次交办日期: d("2026-11-20"),
    },
  },
  {
    status: "跨年督办",
    cells: {
      审查结果: "立案",
      交办日期: d("2026-03-02"),
      答复日期: d("2026-05-20"),
      答复类别: "C",
      答复内容: "受财力所限暂缓实施",
      满意度: "不满意",
      测评日期: d("2026-06-01"),
      二次交办日期: d("2026-06-10"),
      二次答复日期: d("2026-07-01"),
      二次满意度: "不满意",
    },
  },
  {
    status: "跟踪落实",
    cells: {
      审查结果: "立案",
      交办日期: d("2026-03-02"),
      答复日期: d("2026-05-20"),
      答复类别: "B",
      满意度: "满意",
      测评日期: d("2026-06-01"),
      落实情况: "推进中",
    },
  },
  {
    status: "已办结",
    cells: {
      审查结果: "立案",
      交办日期: d("2026-03-02"),
      答复日期: d("2026-05-20"),
      答复类别: "A",
      满意度: "基本满意",
      测评日期: d("2026-06-01"),
    },
  },
];

/** Text that a spreadsheet would run as a formula if it were ever written USER_ENTERED. */
export const FORMULA_LOOKING = ['=IMPORTXML("http://x","//a")', "+1", "@x", "-2"];

function ledgerRow(i: number, scenario: (typeof SCENARIOS)[number], withId: boolean): (string | number)[] {
  const cells: Cells = {
    编号: withId ? `2026-${String(i + 1).padStart(3, "0")}` : "",
    届次: "十一届四次会议",
    标题: `关于改进第${i + 1}号民生事项的建议`,
    内容摘要:
      i % 25 === 0
        ? (FORMULA_LOOKING[(i / 25) % FORMULA_LOOKING.length] as string)
        : `第${i + 1}件建议的内容摘要`,
    领衔代表: DEPUTIES[i % DEPUTIES.length],
    附议代表: `${DEPUTIES[(i + 1) % DEPUTIES.length]}、${DEPUTIES[(i + 2) % DEPUTIES.length]}`,
    类别: "城乡建设",
    提出日期: d("2026-01-10"),
    主办单位: scenario.cells.交办日期 ? UNITS[i % UNITS.length] : "",
    ...scenario.cells,
  };
  return ledgerTab.columns.map((c) => cells[c.header] ?? "");
}

/** A realistic ledger of `rows` suggestions; the last `withoutId` rows have no 编号 yet. */
export function buildFixture(rows: number, withoutId = 0): Record<string, (string | number)[][]> {
  const ledger: (string | number)[][] = [ledgerTab.columns.map((c) => c.header)];
  for (let i = 0; i < rows; i++)
    ledger.push(ledgerRow(i, SCENARIOS[i % SCENARIOS.length]!, i < rows - withoutId));
  return {
    [TAB_NAMES.ledger]: ledger,
    [TAB_NAMES.units]: [
      unitsTab.columns.map((c) => c.header),
      ...UNITS.map((u) => [u, "联系人", "13800000000", "", "email"]),
    ],
    [TAB_NAMES.deputies]: [
      deputiesTab.columns.map((c) => c.header),
      ...DEPUTIES.map((n) => [n, "城关代表团"]),
    ],
    [TAB_NAMES.settings]: [settingsTab.columns.map((c) => c.header)],
    [TAB_NAMES.problems]: [problemsTab.columns.map((c) => c.header)],
    [TAB_NAMES.statistics]: [statisticsTab.columns.map((c) => c.header)],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
  };
}

export function fixtureSheets(tabs: Record<string, unknown[][]>): { title: string; rows: unknown[][] }[] {
  return Object.entries(tabs).map(([title, rows]) => ({ title, rows }));
}
