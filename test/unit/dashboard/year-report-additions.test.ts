import { describe, expect, it } from "vitest";
import { reportNarrative } from "../../../src/domain/dashboard/report-narrative";
import { commendedUnits, contactCounts } from "../../../src/domain/dashboard/report-practice";
import { reportTables } from "../../../src/domain/dashboard/report-tables";
import { defaultYearOf, yearReport } from "../../../src/domain/dashboard/year-report";
import { yearReportJson, yearReportTable } from "../../../src/domain/dashboard/year-report-export";
import { assessYear, committeeScores } from "../../../src/domain/evaluation/assessment-view";
import { COMMITTEE, OPINIONS, REPORT_ROWS, reportEvaluation, reportFromFacts } from "./report-fixture";

const evaluation = reportEvaluation();
const CONTACTS = [
  { stage: "办前", method: "面商", joined: "是", count: 2 },
  { stage: "办中", method: "电话", joined: "", count: 3 },
  { stage: "办后", method: "书面", joined: "否", count: 1 },
  { stage: "", method: "走访", joined: "", count: 1 },
];
/** 先进单位 as the year's 单位测评 marks them (workOutYearReports passes them so). */
const assessment = assessYear(evaluation, 2026, committeeScores(COMMITTEE));
const COMMENDED = commendedUnits(COMMITTEE, assessment);
const report = yearReport(evaluation, 2026, {
  contactGroups: CONTACTS,
  opinions: OPINIONS,
  commendedUnits: COMMENDED,
});

describe("年度报告的新增内容（手算样例）", () => {
  it("跨年督办按台账列计数：只算标了“是”的，不看当前状态（二次测评仍不满意而未标的不算）", () => {
    // 003 (marked, status 跨年督办), 005 (二次满意度 不满意, not marked), 008 (marked, status 待测评).
    const byStatus = evaluation.rows.filter(
      (r) => !r.blank && r.id?.startsWith("2026") && r.computed.status === "跨年督办",
    );
    expect(byStatus).toHaveLength(2);
    expect(report.totals.crossYear).toBe(2);
  });

  it("满意和基本满意分开列出，满意率不变", () => {
    expect(report.overall).toMatchObject({
      rated: 5, // 001 满意, 002 基本满意, 003 满意, 004 满意 (second round), 005 不满意 (second round)
      satisfied: 3,
      basicallySatisfied: 1,
      unsatisfied: 1,
      satisfiedShare: "60.0%",
      basicallySatisfiedShare: "20.0%",
      satisfactionRate: "80.0%",
    });
  });

  it("解决率 =（A 类 + 已落实的 B 类）÷ 已答复，二次答复的类别取代首轮", () => {
    // Replied: 001 A, 002 B 已落实, 003 B 推进中, 004 C → A in round 2, 005 D → D, 008 B (no 落实情况).
    expect(report.overall).toMatchObject({ replied: 6, solved: 3, solveRate: "50.0%" });
    const units = report.byUnit.map((u) => [
      u.label,
      u.assigned,
      u.satisfied,
      u.basicallySatisfied,
      u.unsatisfied,
      u.solveRate,
    ]);
    expect(units).toContainEqual(["区教育局", 4, 1, 1, 0, "66.7%"]); // 001 and 002 of 001, 002, 008 replied
    expect(units).toContainEqual(["区住建局", 3, 2, 0, 1, "33.3%"]); // 004 of 003, 004, 005
    expect(units).toContainEqual(["区卫健委", 0, 0, 0, 0, "—"]);
  });

  it("往年转入的跨年督办建议单列：上年的全部列出，更早的只列仍未办结的", () => {
    expect(report.carriedOver.items.map((i) => [i.id, i.year, i.open])).toEqual([
      ["2024-004", 2024, true], // 二次测评仍不满意，标了“是”
      ["2025-010", 2025, true], // B 推进中
      ["2025-011", 2025, false], // B 已落实，满意
    ]);
    expect(report.carriedOver).toMatchObject({ open: 2, finished: 1 });
    // They stay out of the year's own figures.
    expect(report.totals.submitted).toBe(8);
    // Into 2025 came both of 2024's, the finished one too.
    const last = yearReport(evaluation, 2025);
    expect(last.carriedOver.items.map((i) => [i.id, i.open])).toEqual([
      ["2024-003", false],
      ["2024-004", true],
    ]);
  });

  it("附表的往年转入建议列出满意度和落实情况（办理情况由此而来），不列一直显示跨年督办的台账状态", () => {
    const table = reportTables(report).find((t) => t.key === "carried");

    expect(table?.header.slice(5)).toEqual(["满意度", "落实情况", "办理情况"]);
    const cells = (id: string) => table?.rows.find((r) => r[0] === id)?.slice(5);
    expect(cells("2025-011")).toEqual(["满意", "已落实", "已办结"]); // B 已落实, 满意: settled, still marked 是
    expect(cells("2025-010")).toEqual(["基本满意", "推进中", "仍在办理"]);
    expect(cells("2024-004")).toEqual(["不满意", "", "仍在办理"]); // 二次测评仍不满意
  });

  it("按届次分组统计（有届次时），未填届次的单列", () => {
    expect(
      report.bySession.map((s) => [s.label, s.assigned, s.replied, s.satisfactionRate, s.solveRate]),
    ).toEqual([
      ["十一届五次会议", 3, 3, "100.0%", "66.7%"],
      ["未填届次", 4, 3, "50.0%", "33.3%"],
    ]);
    const noSessions = reportEvaluation([{ 编号: "2026-001", 主办单位: "区教育局" }]);
    expect(yearReport(noSessions, 2026).bySession).toEqual([]);
  });

  it("列出优秀建议，统计来源为联络站民意的建议", () => {
    expect(report.excellent).toEqual([
      {
        id: "2026-001",
        title: "关于加快推进柏庄镇卫生院建设的建议",
        leadDeputy: "张明",
        leadUnit: "区教育局",
      },
    ]);
    expect(report.totals).toMatchObject({ excellent: 1, fromLiaisonStations: 1 });
  });

  it("沟通记录按阶段和方式计数，认不出的单列", () => {
    expect(report.contacts).toEqual({
      total: 7,
      deputyJoined: 2,
      byStage: [
        { label: "办前", count: 2 },
        { label: "办中", count: 3 },
        { label: "办后", count: 1 },
        { label: "未填或无法识别", count: 1 },
      ],
      byMethod: [
        { label: "面商", count: 2 },
        { label: "座谈", count: 0 },
        { label: "实地察看", count: 0 },
        { label: "电话", count: 3 },
        { label: "书面", count: 1 },
        { label: "其他", count: 0 },
        { label: "未填或无法识别", count: 1 },
      ],
    });
    expect(contactCounts([]).total).toBe(0);
  });

  it("联络站民意按日期计入年度，转化为建议单独计数（没有建议编号的尚未转化）", () => {
    expect(report.opinions).toEqual({
      received: 4,
      converted: 1,
      byHandling: [
        { label: "转化为建议", count: 1 },
        { label: "转化为建议（建议编号未填或不在台账中）", count: 1 },
        { label: "转交部门", count: 1 },
        { label: "当场答复", count: 0 },
        { label: "其他", count: 0 },
        { label: "未填或无法识别", count: 1 },
      ],
    });
    expect(report.commendedUnits).toEqual(["区教育局"]);
  });

  it("民意、常委会测评只有表头（sheet:init 建好但未使用）时，同样不出现", () => {
    const empty = yearReport(evaluation, 2026, {
      opinions: [OPINIONS[0] as unknown[], ["", "", "", "", "", "", "", ""]],
      commendedUnits: commendedUnits([COMMITTEE[0] as unknown[]], assessment),
    });
    expect([empty.opinions, empty.commendedUnits]).toEqual([null, null]);
    const withOne = yearReport(evaluation, 2026, {
      opinions: [OPINIONS[0] as unknown[], ["2025-03-01", "柏庄镇联络站", "", "x", "", "", "", ""]],
    });
    // A tab in use with nothing this year says so: 0 received in 2026.
    expect(withOne.opinions?.received).toBe(0);
  });

  it("表格里没有民意、常委会测评、沟通记录时，这几部分不出现", () => {
    const bare = yearReport(evaluation, 2026);
    expect([bare.contacts, bare.opinions, bare.commendedUnits, bare.assessment]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    // The footnote's count comes from the statistics themselves: no row here has an 错误 in a counted field.
    expect(bare.excludedForErrors).toBe(0);
    const text = reportNarrative(bare)
      .sections.flatMap((s) => s.paragraphs)
      .join("");
    expect(text).not.toContain("各代表联络站收集群众意见");
    expect(text).not.toContain("沟通联系");
    expect(reportTables(bare).map((t) => t.key)).toEqual([
      "units",
      "categories",
      "sessions",
      "carried",
      "excellent",
    ]);
  });

  it("从同步存下的事实算出的报告与重新核算的一样", () => {
    const sources = { contactGroups: CONTACTS, opinions: OPINIONS, commendedUnits: COMMENDED };
    expect(yearReport(reportFromFacts(evaluation), 2026, sources)).toEqual(report);
  });
});

describe("审查结果的各项加起来等于建议总数", () => {
  it("退回修改和撤回也写进报告的开头、页面的说明和 CSV", () => {
    const rows = [
      ...REPORT_ROWS,
      { 编号: "2026-009", 审查结果: "退回修改" },
      { 编号: "2026-010", 审查结果: "撤回" },
    ];
    const withBoth = yearReport(reportEvaluation(rows), 2026, {
      contactGroups: [],
      opinions: [],
      commendedUnits: commendedUnits([], assessment),
    });
    const t = withBoth.totals;

    expect(t).toMatchObject({
      submitted: 10,
      accepted: 7,
      rejected: 1,
      merged: 0,
      returned: 1,
      withdrawn: 1,
    });
    expect(t.accepted + t.rejected + t.merged + t.returned + t.withdrawn + t.unreviewed).toBe(t.submitted);
    const text = reportNarrative(withBoth)
      .sections.flatMap((s) => s.paragraphs)
      .join("");
    expect(text).toContain(
      "2026年，共收到代表建议10件。经审查，立案7件，不予立案1件，并案0件，退回代表修改1件，代表撤回1件。",
    );
    const csv = yearReportTable(withBoth);
    expect(csv).toContainEqual(["退回修改", 1]);
    expect(csv).toContainEqual(["撤回", 1]);
  });
});

describe("报告正文、CSV 和 JSON", () => {
  it("二次交办逾期的件数写在逾期未答复之内，不另列成可相加的数", () => {
    // 逾期未答复 holds the second rounds' overdue (as 统计 counts it): 2 of the 3 here.
    const later = { ...report, overall: { ...report.overall, overdueUnreplied: 3, secondOverdue: 2 } };
    const text = reportNarrative(later)
      .sections.flatMap((s) => s.paragraphs)
      .join("");

    expect(text).toContain(
      "已答复6件，逾期未答复3件（其中二次交办逾期2件）；二次交办2件，已答复2件，按期答复率",
    );
    expect(text).not.toMatch(/二次交办\d+件，已答复\d+件，逾期未答复/);
  });

  it("正文写出年度的数字", () => {
    const n = reportNarrative(report);
    expect(n.title).toBe("关于2026年代表建议办理情况的报告");
    const text = n.sections.flatMap((s) => s.paragraphs).join("");
    expect(text).toContain("2026年，共收到代表建议8件。经审查，立案7件，不予立案1件，并案0件。");
    expect(text).toContain(
      // 按期答复率 counts both rounds: (6 on time + 2 second rounds on time) ÷ (7 + 2) = 88.9%.
      "截至2026年6月15日，已答复6件，逾期未答复1件；二次交办2件，已答复2件，按期答复率88.9%（含二次办理）。",
    );
    expect(text).toContain("其中满意3件（60.0%）、基本满意1件（20.0%）、不满意1件，满意率80.0%。");
    expect(text).toContain("已解决（A类及已落实的B类）3件，解决率50.0%。");
    expect(text).toContain("承办单位与代表沟通联系7次（办前2次、办中3次、办后1次、未填或无法识别1次）");
    expect(text).toContain("各代表联络站收集群众意见4条，转化为建议1条。");
    expect(text).toContain("往年转入的跨年督办建议3件，已办结1件，仍在办理2件");
    expect(text).toContain("本年度建议中列入跨年督办的2件。");
    expect(text).toContain("经常委会测评，区教育局被评为先进承办单位。");
    expect(n.notes).toEqual([]);
  });

  it("有因填写错误未计入的行时加脚注，有单位测评时列出", () => {
    const withHooks = yearReport(evaluation, 2026, {
      excludedForErrors: 2,
      assessment: [{ rank: 1, unit: "区教育局", score: "92.5", grade: "好" }],
    });
    expect(reportNarrative(withHooks).notes).toEqual(["注：另有 2 条因填写错误未计入。"]);
    expect(reportTables(withHooks).at(-1)).toMatchObject({
      title: "附表6　承办单位测评结果",
      rows: [[1, "区教育局", "92.5", "好"]],
    });
    expect(yearReportTable(withHooks)).toContainEqual(["因填写错误未计入", 2]);
  });

  it("不指定年度时打开已有建议答复的最近一年：新年的建议已交办、还没答复时仍是上一年", () => {
    const row = (submittedOn: string, record: Record<string, unknown> = {}) =>
      ({
        blank: false,
        record: { submittedOn, review: "立案", leadUnit: "区教育局", repliedOn: null, ...record },
      }) as never;
    const lastYear = row("2026-03-02", { repliedOn: "2026-05-20" });
    expect(defaultYearOf([lastYear, row("2027-01-06")])).toBe(2026);
    expect(defaultYearOf([lastYear, row("2027-01-06", { repliedOn: "2027-03-01" })])).toBe(2027);
    // Nothing replied yet anywhere: the latest year with one assigned, else with any suggestion.
    expect(defaultYearOf([row("2026-03-02"), row("2027-01-06", { review: "" })])).toBe(2026);
    expect(defaultYearOf([row("2027-01-06", { review: "" })])).toBe(2027);
  });

  it("正文的“承办单位测评前列”只列等次不是 差 的单位，都是 差 时不写这一句", () => {
    const graded = (grades: string[]) =>
      reportNarrative(
        yearReport(evaluation, 2026, {
          assessment: grades.map((grade, i) => ({ rank: i + 1, unit: `单位${i + 1}`, score: "50.0", grade })),
        }),
      )
        .sections.flatMap((s) => s.paragraphs)
        .join("");
    expect(graded(["好", "一般", "差", "—"])).toContain(
      "承办单位测评前列：单位1（50.0分，好）、单位2（50.0分，一般）。",
    );
    expect(graded(["差"])).not.toContain("前列");
  });

  it("CSV 在统计表后加上满意、基本满意、不满意、解决率，再列各部分", () => {
    const table = yearReportTable(report);
    expect(table).toContainEqual(["跨年督办", 2]);
    expect(table.find((r) => r[0] === "分组")?.slice(-4)).toEqual(["满意", "基本满意", "不满意", "解决率"]);
    expect(table.find((r) => r[0] === "合计")?.slice(-4)).toEqual([3, 1, 1, "50.0%"]);
    expect(table.filter((r) => r[0] === "届次").map((r) => r[1])).toEqual(["十一届五次会议", "未填届次"]);
    expect(table).toContainEqual([
      "跨年督办",
      "2025-011",
      2025,
      "关于加快推进柏庄镇卫生院建设的建议",
      "张明",
      "区住建局",
      "跨年督办",
      "B",
      "满意",
      "已落实",
      "已办结",
    ]);
    expect(table).toContainEqual(["阶段·办中", 3]);
    expect(table).toContainEqual(["转化为建议", 1]);
    expect(table).toContainEqual(["转化为建议（建议编号未填或不在台账中）", 1]);
    expect(table).toContainEqual([
      "优秀建议",
      "2026-001",
      "关于加快推进柏庄镇卫生院建设的建议",
      "张明",
      "区教育局",
    ]);
    expect(table).toContainEqual(["区教育局"]);
  });

  it("JSON 带上同样的新增数字", () => {
    const json = yearReportJson(report);
    expect(json.totals.crossYear).toBe(2);
    expect(json.overall.ratings).toEqual({
      rated: 5,
      satisfied: 3,
      basicallySatisfied: 1,
      unsatisfied: 1,
      satisfiedShare: "60.0%",
      basicallySatisfiedShare: "20.0%",
    });
    expect(json.overall.solveRate).toBe("50.0%");
    expect(json.carriedOver.items.map((i) => i.id)).toEqual(["2024-004", "2025-010", "2025-011"]);
    expect(json.opinions?.converted).toBe(1);
    expect(json.bySession.map((s) => s.name)).toEqual(["十一届五次会议", "未填届次"]);
  });
});
