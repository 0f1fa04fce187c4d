import { describe, expect, it } from "vitest";
import { CSV_BOM } from "../../../src/domain/dashboard/csv";
import { deputyDetail, deputyRecords, deputyRecordsCsv } from "../../../src/domain/dashboard/deputy-records";
import { yearReport } from "../../../src/domain/dashboard/year-report";
import { serial } from "../helpers/make-row";
import { FIXTURE_ROWS, fixtureEvaluation } from "./fixture";

const evaluation = fixtureEvaluation();

/** 2025-002: 赵敏's, marked 跨年督办 = 是, replied A and rated 满意: its status stays 跨年督办. */
const carried = fixtureEvaluation([
  ...FIXTURE_ROWS,
  {
    编号: "2025-002",
    领衔代表: "赵敏",
    提出日期: serial("2025-10-20"),
    主办单位: "区住建局",
    交办日期: serial("2025-11-03"),
    答复日期: serial("2026-01-20"),
    答复类别: "A",
    满意度: "满意",
    测评日期: serial("2026-01-26"),
    跨年督办: "是",
  },
]);

const led = (rows: ReturnType<typeof deputyRecords>) => rows.map((r) => [r.name, r.led, r.coSigned]);

describe("代表履职档案按年度查看", () => {
  it("只计所选年度提出的建议，名单中的代表照常列出", () => {
    expect(led(deputyRecords(evaluation, 2025))).toEqual([
      ["张明", 0, 0],
      ["李华", 1, 0],
      ["赵敏", 0, 0],
      ["王伟(北关)", 0, 0],
      ["王伟(文峰)", 0, 0],
    ]);
    expect(led(deputyRecords(evaluation, 2026))).toEqual([
      ["张明", 3, 2],
      ["李华", 2, 1],
      ["赵敏", 2, 1],
      ["王伟(北关)", 1, 0],
      ["王伟(文峰)", 1, 0],
    ]);
  });

  it("代表本人的页面按同一年度列出领衔的建议", () => {
    expect(deputyDetail(evaluation, "李华", 2025)?.led.map((r) => r.id)).toEqual(["2025-001"]);
    expect(deputyDetail(evaluation, "李华", 2026)?.row.led).toBe(2);
    // A deputy of the 代表 tab with nothing that year still has a record (of zeros).
    expect(deputyDetail(evaluation, "张明", 2025)?.row.led).toBe(0);
  });
});

describe("领衔办结与年度报告同一口径", () => {
  it("跨年督办 = 是 而测评满意的建议计为办结，与年度报告的往年转入一致", () => {
    const row = carried.rows.find((r) => r.id === "2025-002");
    expect(row?.computed.status).toBe("跨年督办");
    const zhao = deputyRecords(carried, 2025).find((r) => r.name === "赵敏");
    expect(zhao).toMatchObject({ led: 1, ledAccepted: 1, ledClosed: 1 });
    // The 2026 report lists it among last year's carried over, finished.
    const item = yearReport(carried, 2026).carriedOver.items.find((i) => i.id === "2025-002");
    expect(item?.open).toBe(false);
  });

  it("B 类答复尚未落实的不计办结（与年度报告相同）", () => {
    // 2025-001: B, 基本满意, 落实情况 推进中.
    expect(deputyRecords(evaluation, 2025).find((r) => r.name === "李华")?.ledClosed).toBe(0);
  });
});

describe("代表履职档案导出", () => {
  it("CSV 以页面上的中文表头开头，每位代表一行", () => {
    const csv = deputyRecordsCsv(deputyRecords(carried, 2025));
    const lines = csv.slice(CSV_BOM.length).split("\r\n");
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(lines[0]).toBe("姓名,代表团,专业小组,领衔,附议,领衔立案,领衔办结,优秀建议,测评,不在代表表中");
    expect(lines).toContain("赵敏,北关区代表团,,1,0,1,1,0,1,");
    expect(lines).toContain("李华,北关区代表团,,1,0,1,0,0,1,");
    expect(lines.filter(Boolean)).toHaveLength(6);
  });
});

describe("已办结：年度报告与代表履职档案同一口径", () => {
  for (const year of [2025, 2026])
    it(`${year} 年度报告的已办结等于各代表领衔办结之和`, () => {
      const sum = deputyRecords(carried, year).reduce((n, r) => n + r.ledClosed, 0);
      expect(yearReport(carried, year).totals.closed).toBe(sum);
    });

  it("跨年督办 = 是 而测评满意的建议计入当年的已办结", () => {
    // 2025-001 (B, 推进中) is not finished; 2025-002 is.
    expect(yearReport(carried, 2025).totals.closed).toBe(1);
  });
});
