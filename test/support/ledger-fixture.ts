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
  opinionsTab,
  problemsTab,
  settingsTab,
  statisticsTab,
  unitsTab,
} from "../../sheets-schema/tabs";
import { addDaysIso, isoFromSerial, serialFromIso } from "../../src/domain/civil-date";

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
      二次答复类别: "C",
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
    协办单位: scenario.cells.交办日期 && i % 3 === 0 ? UNITS[(i + 5) % UNITS.length] : "",
    ...scenario.cells,
  };
  return ledgerTab.columns.map((c) => cells[c.header] ?? "");
}

type Row = (string | number)[];

/**
 * What an office following practice.md keeps of one suggestion: the lead unit's 办前 contact a
 * week after 交办 (and an 办后 visit after the reply), the co-unit's opinion two weeks after 交办,
 * and now and then an extension (approved, on a suggestion replied long ago, or still pending on
 * one due soon), all consistent with the ledger so they add no 校验问题.
 */
function practiceRows(i: number, ledger: Row, header: readonly string[]) {
  const cell = (h: string) => ledger[header.indexOf(h)] ?? "";
  const id = cell("编号") as string;
  const assigned = cell("交办日期");
  const out = { contacts: [] as Row[], extensions: [] as Row[], coOpinions: [] as Row[] };
  if (!id || typeof assigned !== "number") return out;
  const lead = cell("主办单位") as string;
  const day = (offset: number) => d(addDaysIso(isoFromSerial(assigned), offset));
  out.contacts.push([
    id,
    day(7),
    "办前",
    i % 4 === 0 ? "面商" : "电话",
    lead,
    "是",
    "",
    "了解代表的具体诉求",
    "",
  ]);
  const replied = cell("答复日期");
  if (typeof replied === "number")
    out.contacts.push([id, replied + 10, "办后", "书面", lead, "否", "", "征求代表对答复的意见", "满意"]);
  const co = cell("协办单位") as string;
  if (co) out.coOpinions.push([id, co, day(14), "同意主办单位的办理方案，配合做好相关工作"]);
  const scenario = (i % SCENARIOS.length) as number;
  if (scenario === 12 && i % 26 === 12)
    out.extensions.push([id, day(40), lead, "涉及多个部门，需统筹资金", "同意", day(42), "常委会副主任"]);
  if (scenario === 5 && i % 26 === 5)
    out.extensions.push([id, d(FIXTURE_TODAY) - 6, lead, "需等待上级批复", "", "", ""]);
  return out;
}

/** A realistic ledger of `rows` suggestions; the last `withoutId` rows have no 编号 yet. */
export function buildFixture(rows: number, withoutId = 0): Record<string, (string | number)[][]> {
  const header = ledgerTab.columns.map((c) => c.header);
  const ledger: (string | number)[][] = [header];
  const practice = { contacts: [] as Row[], extensions: [] as Row[], coOpinions: [] as Row[] };
  for (let i = 0; i < rows; i++) {
    const row = ledgerRow(i, SCENARIOS[i % SCENARIOS.length]!, i < rows - withoutId);
    ledger.push(row);
    const kept = practiceRows(i, row, header);
    practice.contacts.push(...kept.contacts);
    practice.extensions.push(...kept.extensions);
    practice.coOpinions.push(...kept.coOpinions);
  }
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
    [TAB_NAMES.leaders]: [leadersTab.columns.map((c) => c.header)],
    [TAB_NAMES.contacts]: [contactsTab.columns.map((c) => c.header), ...practice.contacts],
    [TAB_NAMES.extensions]: [extensionsTab.columns.map((c) => c.header), ...practice.extensions],
    [TAB_NAMES.coOpinions]: [coOpinionsTab.columns.map((c) => c.header), ...practice.coOpinions],
    [TAB_NAMES.opinions]: [opinionsTab.columns.map((c) => c.header)],
    [TAB_NAMES.committee]: [committeeTab.columns.map((c) => c.header)],
    [TAB_NAMES.settings]: [settingsTab.columns.map((c) => c.header)],
    [TAB_NAMES.problems]: [problemsTab.columns.map((c) => c.header)],
    [TAB_NAMES.statistics]: [statisticsTab.columns.map((c) => c.header)],
    [TAB_NAMES.assessment]: [assessmentTab.columns.map((c) => c.header)],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
  };
}

export function fixtureSheets(tabs: Record<string, unknown[][]>): { title: string; rows: unknown[][] }[] {
  return Object.entries(tabs).map(([title, rows]) => ({ title, rows }));
}
