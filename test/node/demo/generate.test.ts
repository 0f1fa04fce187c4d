import { describe, expect, it } from "vitest";
import { LEDGER_STATUSES } from "../../../sheets-schema";
import { evaluateLedger } from "../../../src/domain";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { demoWorkbook, generateDemo } from "../../../tools/demo/generate";

const data = generateDemo();
const evaluation = evaluateLedger({ tabs: demoWorkbook(data), today: data.today });
const rows = evaluation.rows.filter((r) => !r.blank);
const column = (header: string) => data.ledger.headers.indexOf(header);
const cells = (header: string) => data.ledger.rows.map((row) => row[column(header)]);

describe("the demo year (generateDemo)", () => {
  it("is a district's year: ~130 suggestions, ~100 deputies, 20+ units, 8 key suggestions with leaders", () => {
    expect(data.ledger.rows.length).toBeGreaterThanOrEqual(120);
    expect(data.ledger.rows.length).toBeLessThanOrEqual(140);
    expect(data.deputies.rows.length).toBeGreaterThanOrEqual(95);
    expect(data.units.rows.length).toBeGreaterThanOrEqual(20);
    const keys = data.ledger.rows.filter((row) => row[column("重点建议")] === "是");
    expect(keys).toHaveLength(8);
    for (const row of keys) expect(String(row[column("督办领导")])).toMatch(/主任$/);
    expect(cells("标题")).toContain("关于加快推进柏庄镇卫生院建设的建议");
  });

  it("reaches every 台账状态 of the spec on 2026-11-26, each row the one it was written for", () => {
    expect(data.today).toBe("2026-11-26");
    const statuses = rows.map((r) => r.computed.status);
    for (const status of LEDGER_STATUSES) expect(statuses, status).toContain(status);
    expect(statuses).toEqual(data.intended);
  });

  it("reads without problems except the planted staff mistakes, each reported on its row and column", () => {
    // A duplicate 编号 is reported on both rows: the planted one and the row it copies.
    const planted = new Set(
      data.mistakes.flatMap((m) => [
        `${m.row}/${m.column}`,
        ...(m.column === "编号" ? [`${m.row - 1}/编号`] : []),
      ]),
    );
    expect(data.mistakes).toHaveLength(6);
    for (const mistake of data.mistakes) {
      const row = rows.find((r) => r.rowNumber === mistake.row);
      const errors = row?.problems.filter((p) => p.level === "错误" && p.column === mistake.column) ?? [];
      expect(errors.length, mistake.description).toBeGreaterThan(0);
    }
    const unplanned = evaluation.problems.filter(
      (p) => p.level === "错误" && !planted.has(`${p.row}/${p.column}`),
    );
    expect(unplanned).toEqual([]);
  });

  it("writes namesakes apart, uses both date serials and typed dates, and leaves system columns blank", () => {
    const people = [...cells("领衔代表"), ...cells("附议代表")].join("、");
    expect(people).toContain("王伟(北关)");
    expect(people).toContain("王伟(柏庄)");
    const submitted = cells("提出日期");
    expect(submitted.some((v) => typeof v === "number")).toBe(true);
    expect(submitted.some((v) => typeof v === "string" && v !== "")).toBe(true);
    for (const header of ["办理期限", "台账状态", "校验问题", "最近通知"]) {
      expect(cells(header).every((v) => v === "")).toBe(true);
    }
  });

  it("has replies A–D with 答复内容, ratings, second assignments, 回访 and B-class 落实情况", () => {
    for (const cls of ["A", "B", "C", "D"]) expect(cells("答复类别")).toContain(cls);
    expect(cells("满意度").filter((v) => v === "不满意").length).toBeGreaterThanOrEqual(3);
    expect(cells("二次交办日期").filter((v) => v !== "").length).toBeGreaterThanOrEqual(3);
    expect(cells("回访").filter((v) => v === "是").length).toBeGreaterThanOrEqual(10);
    expect(cells("落实情况")).toContain("推进中");
    expect(cells("跨年督办")).toContain("是");
  });

  it("uses practice.md as the two counties do: 三沟通, extensions, co-units' opinions, leaders, pre-review", () => {
    const practice = (
      tab: { headers: readonly string[]; rows: readonly (readonly unknown[])[] },
      h: string,
    ) => tab.rows.map((row) => row[tab.headers.indexOf(h)]);
    // 领导: the 人大 leaders who supervise and the government leaders who lead handling.
    expect(new Set(practice(data.leaders, "类型"))).toEqual(new Set(["督办", "领办"]));
    for (const supervisor of cells("督办领导").filter(Boolean))
      expect(practice(data.leaders, "姓名")).toContain(supervisor);
    expect(cells("领办领导").filter(Boolean).length).toBeGreaterThanOrEqual(5);
    // Contacts in every stage, face to face and on site among them.
    expect(new Set(practice(data.contacts, "阶段"))).toEqual(new Set(["办前", "办中", "办后"]));
    expect(practice(data.contacts, "方式")).toEqual(expect.arrayContaining(["面商", "实地察看", "电话"]));
    expect(data.contacts.rows.length).toBeGreaterThan(150);
    // Extensions: approved, refused and one still waiting.
    expect(practice(data.extensions, "审批结果").sort()).toEqual(["", "不同意", "同意", "同意", "同意"]);
    expect(data.coOpinions.rows.length).toBeGreaterThan(50);
    // Columns and review results of practice.md.
    expect(cells("审查结果")).toEqual(expect.arrayContaining(["退回修改", "撤回"]));
    expect(cells("来源")).toEqual(expect.arrayContaining(["闭会期间", "联络站民意", ""]));
    expect(cells("预审意见").filter(Boolean).length).toBeGreaterThan(30);
    expect(cells("答复函").filter(Boolean).length).toBeGreaterThan(50);
    expect(cells("优秀建议").filter((v) => v === "是")).toHaveLength(6);
    expect(data.settings).toEqual({
      会议期间: "2026-01-07~2026-01-09",
      测评权重: "按期答复率:30,满意率:30,沟通率:10,落实率:10,常委会测评:20",
      代表工委联系电话: "0371-12345678",
    });
  });

  it("有联络站民意（转化的填了编号，其余待处理或已转交）和常委会测评，均无错误", () => {
    const converted = data.opinions.rows.filter(
      (r) => r[data.opinions.headers.indexOf("处理方式")] === "转化为建议",
    );
    const ids = converted.map((r) => r[data.opinions.headers.indexOf("建议编号")]);
    // Each suggestion from a liaison station has its opinion, and only those.
    expect(ids.sort()).toEqual(
      data.ledger.rows
        .filter((r) => r[data.ledger.headers.indexOf("来源")] === "联络站民意")
        .map((r) => r[data.ledger.headers.indexOf("编号")])
        .sort(),
    );
    expect(data.opinions.rows.length).toBeGreaterThan(converted.length + 5);
    expect(data.committee.rows.length).toBe(8);
    const tabs = new Set(["民意", "常委会测评"]);
    expect(evaluation.problems.filter((p) => tabs.has(p.tab) && p.level === "错误")).toEqual([]);
  });

  it("reads its practice rows without an 错误 and shows what a year leaves undone as 提醒", () => {
    const practiceTabs = new Set(["领导", "沟通记录", "延期申请", "协办意见"]);
    // The planted duplicate 编号's practice rows are not checked against either of its rows (which
    // one they belong to is the duplicate's 错误): each says so once, a 提醒, whatever the row order.
    const planted = data.mistakes.find((m) => m.column === "编号");
    const duplicated = rows.find((r) => r.rowNumber === planted?.row)?.id;
    const practiceProblems = evaluation.problems.filter((p) => practiceTabs.has(p.tab));
    expect(practiceProblems.length).toBeGreaterThan(0);
    for (const p of practiceProblems)
      expect(p).toMatchObject({
        column: "编号",
        level: "提醒",
        id: duplicated,
        message: expect.stringMatching(
          /^编号 \S+ 在『建议台账』中重复（第 \d+、\d+ 行），本行的单位和日期暂未与台账核对/,
        ),
      });
    const warnings = evaluation.problems.filter((p) => p.level === "提醒").map((p) => p.message);
    expect(warnings.some((m) => m.startsWith("答复前未记录办前联系"))).toBe(true);
    expect(warnings.some((m) => m.includes("在答复前没有送达协办意见"))).toBe(true);
    // Three suggestions run six months by an approved extension; 延期件数 counts them.
    const extended = rows.filter((r) => r.firstDeadline?.explanation.includes("经批准延期"));
    expect(extended.map((r) => r.computed.status).sort()).toEqual(["办理中", "已办结", "已办结"]);
    expect(evaluation.statistics.total.extensions).toBe(3);
    expect(evaluation.statistics.total.contactRate).not.toBe("—");
  });

  it("fills the year report: last year's carried-over suggestions, 跨年督办, 满意/基本满意, 解决率, 届次", () => {
    const report = yearReport(evaluation, 2026);
    expect(report.carriedOver.items.map((i) => [i.id, i.open])).toEqual([
      ["2025-031", true],
      ["2025-047", false],
      ["2025-058", true],
    ]);
    expect(report.totals.crossYear).toBe(4);
    const o = report.overall;
    expect(o.satisfied + o.basicallySatisfied + o.unsatisfied).toBe(o.rated);
    expect(o.basicallySatisfied).toBeGreaterThan(0);
    expect(o.solved).toBeGreaterThan(0);
    expect(o.solveRate).not.toBe("—");
    expect(report.excellent).toHaveLength(6);
    expect(report.totals.fromLiaisonStations).toBe(3);
    expect(report.bySession.map((s) => s.label)).toEqual(expect.arrayContaining(["十一届五次会议"]));
    // Last year's stay out of this year's figures and make a year of their own.
    expect(report.totals.submitted).toBe(136);
    expect(yearReport(evaluation, 2025).totals.submitted).toBe(3);
  });

  it("is deterministic, and a different seed gives a different year", () => {
    expect(generateDemo()).toEqual(data);
    expect(generateDemo(7).ledger.rows).not.toEqual(data.ledger.rows);
  });
});
