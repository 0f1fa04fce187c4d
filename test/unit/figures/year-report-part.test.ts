import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { reportFiguresOf } from "../../../src/domain/dashboard/report-figures";
import type { ContactGroup } from "../../../src/domain/dashboard/report-practice";
import { type ReportSources, reportYears, yearReport } from "../../../src/domain/dashboard/year-report";
import { type ContactsById, contactsById, contactsOf } from "../../../src/domain/figures/contacts-part";
import {
  mergeContacts,
  mergeReportYears,
  mergeYearReport,
  yearReportPart,
} from "../../../src/domain/figures/year-report-part";
import { OPINIONS, REPORT_ROWS } from "../dashboard/report-fixture";
import { type LedgerCells, makeRow, makeTabs, serial } from "../helpers/make-row";
import { sampleLedgerTabs } from "../helpers/sample-ledger";
import { PART_SIZES, type StoredLedger, storedLedger, throughJson } from "./parts";

/** The row of 主办单位 that are no unit of 承办单位, as leaders read it. */
const MISNAMED_UNITS = "（主办单位有误，见校验问题）";

const assigned = (year: string, more: LedgerCells = {}): LedgerCells => ({
  提出日期: serial(`${year}-01-08`),
  交办日期: serial(`${year}-03-02`),
  ...more,
});

/**
 * The year report's hand-worked fixture (2024–2026, see report-fixture.ts: 届次 on three 2026 rows,
 * 联络站民意, 优秀建议, B replies with 落实情况, cross-year rows marked and by a second 不满意, last
 * year's finished and open ones, an older open one), plus, in this sheet order:
 *
 * | 编号 | year | what |
 * |---|---|---|
 * | 2023-001 | 2023 | 跨年督办, never replied: open, carried into 2024, 2025, 2026 |
 * | 2023-002 | 2023 | 跨年督办, A 满意: finished, carried into 2024 only |
 * | 2025-020 | 2025 | 区文旅局 (not listed), 类别 新类别 (not in 设置), 届次 十一届四次会议 |
 * | 2025-021 | 2025 | 区文旅局␣ (same unit, other spelling), 并案 |
 * | 2026-101 | 2026 | 答复类别 E (an 错误 in a counted field): in the footnote, 届次 typed 未填届次 |
 * | 2026-104 | 2026 | 区住建局, 优秀建议 |
 * | 2026-102 | 2026 | 审查结果 blank (unreviewed), 回访 是, 重点建议 是, 来源 联络站民意 |
 * | 2026-001 | 2026 | the 编号 of another row again, 十一届五次会议, 优秀建议 |
 * | 2025-022 | 2025 | 跨年督办 也许 (an 错误): not carried, in the footnote |
 * | 2026-103 | — | no 提出日期: in no year |
 */
const ROWS: LedgerCells[] = [
  ...REPORT_ROWS,
  { 编号: "2023-001", 主办单位: "区住建局", ...assigned("2023"), 跨年督办: "是" },
  {
    编号: "2023-002",
    主办单位: "区教育局",
    ...assigned("2023", { 答复日期: serial("2023-05-02"), 答复类别: "A", 满意度: "满意", 跨年督办: "是" }),
  },
  {
    编号: "2025-020",
    届次: "十一届四次会议",
    主办单位: "区文旅局",
    类别: "新类别",
    ...assigned("2025", {
      答复日期: serial("2025-04-01"),
      答复类别: "B",
      落实情况: "已落实",
      满意度: "满意",
    }),
  },
  {
    编号: "2025-021",
    主办单位: "区文旅局 ",
    审查结果: "并案",
    并入编号: "2025-020",
    提出日期: serial("2025-02-03"),
  },
  {
    编号: "2026-101",
    届次: "未填届次",
    主办单位: "区教育局",
    ...assigned("2026", { 答复日期: serial("2026-04-01"), 答复类别: "E" }),
  },
  { 编号: "2026-104", 主办单位: "区住建局", ...assigned("2026"), 优秀建议: "是" },
  { 编号: "2026-102", 审查结果: "", 回访: "是", 重点建议: "是", 来源: "联络站民意" },
  {
    编号: "2026-001",
    届次: "十一届五次会议",
    主办单位: "区卫健委",
    ...assigned("2026", {
      答复日期: serial("2026-04-20"),
      答复类别: "A",
      满意度: "基本满意",
      优秀建议: "是",
    }),
  },
  { 编号: "2025-022", 主办单位: "区卫健委", ...assigned("2025"), 跨年督办: "也许" },
  { 编号: "2026-103", 提出日期: "", 主办单位: "区卫健委" },
];

const TABS = makeTabs(ROWS.map((cells) => makeRow(cells)));

const SOURCES: ReportSources = {
  contactGroups: [
    { stage: "办前", method: "面商", joined: "是", count: 2 },
    { stage: "", method: "走访", joined: "", count: 1 },
  ],
  opinions: OPINIONS,
  commendedUnits: ["区教育局"],
  assessment: [{ rank: 1, unit: "区教育局", score: "92.0", grade: "优秀" }],
};

/**
 * 沟通记录 of the fixture's suggestions as the tab cache gives a chunk its rows (header first, a
 * sparse matrix): 2026-001 is on two ledger rows (its contacts count once, against the first, 区教育局
 * 交办 03-02), " 2026-104 " and a 阶段 of "办前 " are typed with spaces, 2026-103 is in no year,
 * 2099-001 in no ledger row, one row has no 编号; 错误 each (counted nowhere): 走访 is no 方式, a
 * blank 阶段, a unit not on the suggestion, a date before 交办; one is dated after 2026-06-15.
 */
const CONTACTS: unknown[][] = [];
CONTACTS[0] = ["编号", "日期", "阶段", "方式", "承办单位", "代表参加"];
const contactRows: unknown[][] = [
  ["2026-001", "2026-03-05", "办前", "面商", "区教育局", "是"],
  ["2026-001", "2026-05-05", "办后", "电话", "区教育局", "否"],
  [" 2026-104 ", "2026-03-06", "办前 ", "面商", "区住建局", "是"],
  ["2026-104", "2026-03-07", "办中", "走访", "区住建局"],
  ["2026-104", "2026-03-08", "", "座谈", "区住建局", "是"],
  ["2026-104", "2026-03-09", "办中", "座谈", "区卫健委", "是"],
  ["2026-104", "2026-02-09", "办中", "座谈", "区住建局", "是"],
  ["2026-104", "2026-07-01", "办后", "电话", "区住建局", "是"],
  ["2026-103", "2026-03-08", "办前", "面商", "区卫健委", "是"],
  ["2025-020", serial("2025-03-05"), "办中", "座谈", "区文旅局", ""],
  ["2023-001", "2023-04-01", "办前", "面商", "区住建局", "是"],
  ["2099-001", "2026-01-01", "办前", "面商", "区住建局", "是"],
  ["", "2026-01-02", "办前", "面商", "区住建局", "是"],
];
contactRows.forEach((row, i) => {
  CONTACTS[3 + 2 * i] = row;
});

/** The contacts a chunk would read of these rows' 编号 (all of them: the matrix is small). */
const CONTACTS_BY_ID = contactsById(CONTACTS);

/**
 * The year's 沟通记录 as a page counts them from every stored row (reportFiguresOf, then the rows D1
 * picks by the year's 编号: here all of them).
 */
function countedFromEveryRow(
  view: StoredLedger["view"],
  tab: readonly (readonly unknown[] | undefined)[],
  year: number,
): ContactGroup[] | null {
  const asked = reportFiguresOf(view).contacts(year);
  const contacts = contactsById(tab);
  if (!("holders" in asked) || !contacts) return null;
  return contactsOf(asked.holders, contacts, asked.today);
}

/** The 编号 more than one row of the ledger holds (the sync's `duplicated`, from its 编号 index). */
function duplicatedOf(view: StoredLedger["view"]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const r of view.rows) if (r.id) (seen.has(r.id) ? twice : seen).add(r.id);
  return twice;
}

/**
 * A 沟通记录 tab for a sample ledger: up to three records for about half its 编号 (some typed with
 * spaces), stages, methods and 代表参加 as typed (blank, spaced, mistyped), by the lead unit or
 * another, dated around 交办 (some before it, some after today), at scattered rows.
 */
function sampleContacts(tabs: Record<string, unknown[][]>, seed: number): unknown[][] {
  let state = seed;
  const rnd = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const ledger = tabs[TAB_NAMES.ledger] ?? [];
  const at = (ledger[0] ?? []).indexOf("编号");
  const unitAt = (ledger[0] ?? []).indexOf("主办单位");
  const assignedAt = (ledger[0] ?? []).indexOf("交办日期");
  const out: unknown[][] = [];
  out[0] = ["编号", "日期", "阶段", "方式", "承办单位", "代表参加"];
  let row = 1;
  for (const line of ledger.slice(1)) {
    const id = line[at];
    if (typeof id !== "string" || !id.trim() || rnd() < 0.5) continue;
    const records = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < records; i++) {
      row += 1 + Math.floor(rnd() * 3);
      const assigned =
        typeof line[assignedAt] === "number" ? line[assignedAt] : serial(`${id.slice(0, 4)}-03-02`);
      out[row] = [
        rnd() < 0.1 ? ` ${id} ` : id,
        assigned - 10 + Math.floor(rnd() * 300),
        pick(["办前", "办中", "办后", "办前 ", "", "其他"]),
        pick(["面商", "电话", "走访", "座谈", ""]),
        rnd() < 0.8 ? line[unitAt] : `区第${1 + Math.floor(rnd() * 12)}局`,
        pick(["是", "否", "", " 是"]),
      ];
    }
  }
  return out;
}

const sortedGroups = (groups: readonly ContactGroup[] | null) =>
  groups === null ? null : [...groups].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Every year the report is asked for, and the year after the last (only carried-over suggestions). */
const yearsAsked = (ledger: StoredLedger) => {
  const years = reportYears(ledger.view);
  return [...years, (years[0] ?? 2026) + 1];
};

/**
 * Each year's report, merged from the parts' shares passed through JSON, against the original; and
 * each year's 沟通记录 counted by the parts against D1's count of the year's 编号.
 */
function expectMergedEqual(
  ledger: StoredLedger,
  sources: ReportSources,
  contacts: readonly (readonly unknown[] | undefined)[] = CONTACTS,
) {
  const { view } = ledger;
  const byId: ContactsById | null = contactsById(contacts);
  const duplicated = duplicatedOf(view);
  for (const size of PART_SIZES) {
    const parts = ledger
      .parts(size)
      .map((rows) => throughJson(yearReportPart(rows, view.today, byId, duplicated)));
    expect(mergeReportYears(parts)).toEqual(reportYears(view));
    for (const year of yearsAsked(ledger)) {
      expect(mergeYearReport(parts, view, year, sources), `${year}, ${size} rows a part`).toEqual(
        yearReport(view, year, sources),
      );
      expect(sortedGroups(mergeContacts(parts, year)), `${year}, ${size} rows a part`).toEqual(
        sortedGroups(countedFromEveryRow(view, contacts, year)),
      );
    }
  }
}

describe("年度报告：各部分合并与全部行算出的一致（手算样例）", () => {
  for (const today of ["2026-06-15", "2027-01-04"]) {
    const ledger = storedLedger(TABS, today);
    it(`${today}，无其他来源`, () => expectMergedEqual(ledger, {}));
    it(`${today}，有沟通记录、民意、常委会测评和单位测评`, () => expectMergedEqual(ledger, SOURCES));
  }

  const ledger = storedLedger(TABS, "2026-06-15");
  const parts = ledger
    .parts(7)
    .map((rows) => throughJson(yearReportPart(rows, "2026-06-15", CONTACTS_BY_ID, new Set(["2026-001"]))));
  const report = (year: number) => mergeYearReport(parts, ledger.view, year, SOURCES);

  it("年度由近及远，没有提出日期的行不属于任何年度", () => {
    expect(mergeReportYears(parts)).toEqual([2026, 2025, 2024, 2023]);
  });

  it("沟通记录按年度的建议计数：编号去空格，重号的建议只计一次，有错误的、无年度和不在台账的不计", () => {
    // 2026-001 (on two rows) × 2 records once, 2026-104 × 1 (typed with spaces; its other five have
    // an 错误 or are dated after today); 2026-103 has no year.
    expect(mergeContacts(parts, 2026)).toEqual([
      { stage: "办前", method: "面商", joined: "是", count: 2 },
      { stage: "办后", method: "电话", joined: "否", count: 1 },
    ]);
    expect(mergeContacts(parts, 2025)).toEqual([{ stage: "办中", method: "座谈", joined: "否", count: 1 }]);
    expect(mergeContacts(parts, 2024)).toEqual([]);
  });

  it("重号的建议在不同部分时，其沟通记录也只计一次（随表中第一行）", () => {
    // One row a part: the two rows of 2026-001 are in different parts.
    const apart = ledger
      .parts(1)
      .map((rows) => throughJson(yearReportPart(rows, "2026-06-15", CONTACTS_BY_ID, new Set(["2026-001"]))));
    expect(mergeContacts(apart, 2026)).toEqual(mergeContacts(parts, 2026));
  });

  it("表中没有沟通记录时为空（不是 0 次）；表头缺必填列时不计", () => {
    const without = ledger.parts(7).map((rows) => yearReportPart(rows, "2026-06-15", null, new Set()));
    expect(mergeContacts(without, 2026)).toBeNull();
    // One part stored without the tab is enough: the figure would be short.
    expect(mergeContacts([...parts.slice(1), without[0] as (typeof without)[0]], 2026)).toBeNull();
    const noKey = contactsById([
      ["日期", "阶段"],
      ["2026-03-05", "办前"],
    ]);
    expect(noKey?.size).toBe(0);
    const noStage = contactsById([
      ["编号", "日期", "方式", "承办单位"],
      ["2026-104", "2026-03-06", "面商", "区住建局"],
    ]);
    expect(noStage?.size).toBe(0);
  });

  it("往年转入：上年的全部，更早的只列仍未办结的", () => {
    const carried = (year: number) => report(year).carriedOver.items.map((i) => [i.id, i.open]);
    expect(carried(2024)).toEqual([
      ["2023-001", true],
      ["2023-002", false],
    ]);
    expect(carried(2026)).toEqual([
      ["2023-001", true],
      ["2024-004", true],
      ["2025-010", true],
      ["2025-011", false],
    ]);
    // Into the year after the last: all of 2026's marked (003 and 008; not 005, 不满意 twice but blank).
    expect(carried(2027).map(([id]) => id)).toEqual([
      ...["2023-001", "2024-004", "2025-010"],
      ...["2026-003", "2026-008"],
    ]);
  });

  it("届次只在当年有行填了届次时分组，填作“未填届次”的并入未填的一组", () => {
    expect(report(2026).bySession.map((s) => [s.label, s.assigned, s.excluded])).toEqual([
      ["十一届五次会议", 4, 0],
      ["未填届次", 5, 1],
    ]);
    expect(report(2024).bySession).toEqual([]);
    expect(report(2025).bySession.map((s) => s.label)).toEqual(["未填届次", "十一届四次会议"]);
  });

  it("不在承办单位表中的主办单位合为最后一行，未列入的类别排在后面；有错误的行计入脚注", () => {
    const year = report(2025);
    // 区文旅局 (2025-020) is no unit of 承办单位: its figures, the report's own too, are in that row.
    expect(year.byUnit.at(-1)).toMatchObject({ label: MISNAMED_UNITS, assigned: 1, solved: 1, satisfied: 1 });
    expect(year.byUnit.map((u) => u.label)).not.toContain("区文旅局");
    expect(year.byCategory.at(-1)).toMatchObject({ label: "新类别", assigned: 1 });
    expect(year.totals).toMatchObject({ submitted: 6, merged: 1, crossYear: 2 });
    expect(year.excludedForErrors).toBe(1);
    expect(report(2026).excludedForErrors).toBe(1);
    expect(mergeYearReport(parts, ledger.view, 2026, { excludedForErrors: 9 }).excludedForErrors).toBe(9);
  });

  it("优秀建议按编号列出（重号的按表中顺序），联络站民意、回访、未审查照常计数，其他来源原样传入", () => {
    const year = report(2026);
    expect(year.excellent.map((e) => [e.id, e.leadUnit])).toEqual([
      ["2026-001", "区教育局"],
      ["2026-001", "区卫健委"],
      ["2026-104", "区住建局"],
    ]);
    expect(year.totals).toMatchObject({
      excellent: 3,
      fromLiaisonStations: 2,
      unreviewed: 1,
      followedUp: 1,
      key: 1,
    });
    expect(year.contacts?.total).toBe(3);
    expect(year.commendedUnits).toEqual(["区教育局"]);
    expect(year.assessment).toEqual(SOURCES.assessment);
  });
});

describe("年度报告：随机台账", () => {
  for (const [seed, today] of [
    [1, "2026-06-15"],
    [7, "2025-09-30"],
    [2026, "2027-01-04"],
  ] as const)
    it(`种子 ${seed}，${today}`, () => {
      const tabs = sampleLedgerTabs(600, seed);
      expectMergedEqual(storedLedger(tabs, today), {}, sampleContacts(tabs, seed));
    });

  it("其他来源原样传入", () => {
    expectMergedEqual(storedLedger(sampleLedgerTabs(600, 42), "2026-06-15"), SOURCES);
  });

  // Measured: at most 6.49 KB for these parts (seeds 1, 7, 42, 2026: 5.7–6.3 KB; 3.7–4.0 KB a part of the
  // benchmark's 2,000-row ledger): each year's statistics (this sample types some twenty spellings of
  // its units), the report's figures per unit and category, and the year's 编号 (about 1 KB).
  it("100 行一部分的份额不超过 7 KB", () => {
    const ledger = storedLedger(sampleLedgerTabs(600, 3), "2026-06-15");
    const sizes = ledger
      .parts(100)
      .map((p) => JSON.stringify(yearReportPart(p, "2026-06-15", CONTACTS_BY_ID, new Set())).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7168);
  });
});
