import { describe, expect, it } from "vitest";
import { deputyDetail, deputyRecords } from "../../../src/domain/dashboard/deputy-records";
import { LEDGER_EXPORT_EXTRA, ledgerExportTable } from "../../../src/domain/dashboard/ledger-export";
import { reportYears, yearReport } from "../../../src/domain/dashboard/year-report";
import { yearReportJson, yearReportTable } from "../../../src/domain/dashboard/year-report-export";
import { FIXTURE_ROWS, fixtureEvaluation } from "./fixture";

const evaluation = fixtureEvaluation();

describe("deputies' records (代表履职档案)", () => {
  it("counts suggestions led and co-signed, whatever the review result", () => {
    const rows = deputyRecords(evaluation).map((r) => [
      r.name,
      r.led,
      r.coSigned,
      r.ledAccepted,
      r.ledClosed,
    ]);
    expect(rows).toEqual([
      // Led 001, 004, 008 (all 立案; 001 已办结); co-signed 002 and 005.
      ["张明", 3, 2, 3, 1],
      // Led 002, 006 (不予立案), 2025-001; co-signed 001.
      ["李华", 3, 1, 2, 0],
      // Led 003, 007 (not reviewed); co-signed 001.
      ["赵敏", 2, 1, 1, 0],
      ["王伟(北关)", 1, 0, 1, 0],
      ["王伟(文峰)", 1, 0, 1, 0],
    ]);
  });

  it("优秀建议和代表作出的测评计入履职档案", () => {
    const marked = fixtureEvaluation(
      FIXTURE_ROWS.map((r) => (r.编号 === "2026-001" ? { ...r, 优秀建议: "是" } : r)),
    );
    const rows = deputyRecords(marked).map((r) => [r.name, r.excellent, r.ratingsGiven]);
    // Ratings on led suggestions: 张明 001 (满意), 李华 2025-001 (基本满意), 王伟(北关) 005 (不满意).
    expect(rows).toEqual([
      ["张明", 1, 1],
      ["李华", 0, 1],
      ["赵敏", 0, 0],
      ["王伟(北关)", 0, 1],
      ["王伟(文峰)", 0, 0],
    ]);
    expect(deputyDetail(marked, "张明")?.excellent.map((r) => r.id)).toEqual(["2026-001"]);
  });

  it("lists one deputy's led and co-signed suggestions", () => {
    const detail = deputyDetail(evaluation, "张明");
    expect(detail?.led.map((r) => r.id)).toEqual(["2026-001", "2026-004", "2026-008"]);
    expect(detail?.coSigned.map((r) => r.id)).toEqual(["2026-002", "2026-005"]);
    expect(deputyDetail(evaluation, "王伟（北关）")?.row.name).toBe("王伟(北关)");
    expect(deputyDetail(evaluation, "无名氏")).toBeNull();
  });

  it("gives one deputy's line (a personal link's 履职档案) as the whole records have it", () => {
    // 2026-003 led by a name typed in the ledger only, and co-signed by 张明.
    const typed = fixtureEvaluation(
      FIXTURE_ROWS.map((r) => (r.编号 === "2026-003" ? { ...r, 领衔代表: "钱七", 附议代表: "张明" } : r)),
    );
    const records = deputyRecords(typed);
    expect(records.map((r) => r.name)).toContain("钱七");
    for (const record of records) expect(deputyDetail(typed, record.name)?.row ?? null).toEqual(record);
    expect(deputyDetail(typed, "钱七")?.row ?? null).toMatchObject({ led: 1, unlisted: true });
    expect(deputyDetail(typed, " 王伟（北关） ")?.row.name).toBe("王伟(北关)");
    expect(deputyDetail(typed, "无名氏")?.row ?? null).toBeNull();
  });
});

describe("year report", () => {
  const report = yearReport(evaluation, 2026);

  it("counts the year's suggestions by 提出日期", () => {
    expect(reportYears(evaluation)).toEqual([2026, 2025]);
    expect(report.totals).toEqual({
      submitted: 9,
      accepted: 7, // 001–005, 008, 009
      rejected: 1,
      merged: 0,
      returned: 0,
      withdrawn: 0,
      unreviewed: 1,
      key: 2,
      keySupervised: 1, // 2026-004 has a 督办领导, 2026-009 none
      keyLed: 0,
      led: 0,
      crossYear: 0,
      followedUp: 1, // 001 has 回访 = 是
      closed: 1,
      excellent: 0,
      fromLiaisonStations: 0,
      withoutLeadUnit: 1, // 008: 立案 with no 主办单位 (待交办)
      followUpNoted: 0, // 001's 回访意见 is blank
    });
  });

  it("computes the year's rates over its own suggestions only (2025-001 left out)", () => {
    // 立案 with a unit: 001, 002, 003, 004, 005, 009. Replied 001, 005 on time, 003 late; 002 overdue.
    expect(report.overall).toMatchObject({
      assigned: 6,
      replied: 3,
      onTimeRate: "50.0%",
      overdueUnreplied: 1,
      satisfactionRate: "50.0%", // 001 满意, 005 不满意
      averageReplyDays: 67.7, // (79 + 94 + 30) / 3
    });
    const unit = report.byUnit.find((r) => r.label === "区教育局");
    expect(unit).toMatchObject({ assigned: 3, replied: 2, onTimeRate: "33.3%", averageReplyDays: 86.5 });
    const byCategory = report.byCategory.map((r) => [r.label, r.assigned, r.onTimeRate, r.satisfactionRate]);
    expect(byCategory.slice(0, 4)).toEqual([
      ["经济发展", 0, "—", "—"],
      ["城乡建设", 3, "50.0%", "0.0%"], // 002 overdue, 004 open, 005 on time and 不满意
      ["社会事业", 0, "—", "—"],
      ["教育医疗", 3, "50.0%", "100.0%"], // 001 on time, 003 late, 009 open
    ]);
  });

  it("lays the report out as one table and as JSON", () => {
    const table = yearReportTable(report);
    expect(table.slice(0, 4)).toEqual([
      ["项目", "数值"],
      ["年度", 2026],
      ["统计日期", "2026-06-15"],
      ["建议总数", 9],
    ]);
    // …then 满意 · 基本满意 · 不满意 · 解决率: 001 满意 (A, solved), 005 不满意; 003 (B) is not rated.
    expect(table).toContainEqual([
      ...["合计", "合计", 6, 3, "50.0%", 1, "50.0%", 1, 1, 1, 0, 67.7, "—", 0],
      ...[0, 0, 0], // 二次交办 · 二次已答复 · 二次逾期未答复: none in this fixture
      ...[1, 0, 1, "33.3%"],
    ]);
    expect(table).toContainEqual([
      ...["单位", "区教育局", 3, 2, "33.3%", 1, "100.0%", 1, 1, 0, 0, 86.5, "—", 0],
      ...[0, 0, 0],
      ...[1, 0, 0, "50.0%"],
    ]);
    const json = yearReportJson(report);
    expect(json.overall).toEqual({
      name: "合计",
      assigned: 6,
      replied: 3,
      onTimeRate: "50.0%",
      overdueUnreplied: 1,
      satisfactionRate: "50.0%",
      classes: { A: 1, B: 1, C: 1, D: 0 },
      averageReplyDays: 67.7,
      contactRate: "—",
      extensions: 0,
      ratings: {
        rated: 2,
        satisfied: 1,
        basicallySatisfied: 0,
        unsatisfied: 1,
        satisfiedShare: "50.0%",
        basicallySatisfiedShare: "0.0%",
      },
      solved: 1,
      solveRate: "33.3%",
    });
  });
});

describe("ledger export", () => {
  it("writes every staff column as staff see it, then the computed columns", () => {
    const [header, ...rows] = ledgerExportTable(evaluation);
    expect(header?.slice(-LEDGER_EXPORT_EXTRA.length)).toEqual([...LEDGER_EXPORT_EXTRA]);
    const at = (h: string) => header?.indexOf(h) ?? -1;
    const overdue = rows.find((r) => r[0] === "2026-002") ?? [];
    expect(overdue[at("交办日期")]).toBe("2026-03-02");
    expect(overdue[at("附议代表")]).toBe("张明");
    expect(overdue[at("重点建议")]).toBe("否");
    expect(overdue[at("台账状态")]).toBe("已逾期");
    expect(overdue[at("剩余天数")]).toBe(-13);
    expect(overdue[at("首轮期限说明")]).toContain("2026-06-02");
    const closed = rows.find((r) => r[0] === "2026-001") ?? [];
    expect(closed[at("剩余天数")]).toBe("");
    expect(closed[at("回访")]).toBe("是");
  });
});
