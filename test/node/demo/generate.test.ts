import { describe, expect, it } from "vitest";
import { LEDGER_STATUSES } from "../../../sheets-schema";
import { evaluateLedger } from "../../../src/domain";
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

  it("is deterministic, and a different seed gives a different year", () => {
    expect(generateDemo()).toEqual(data);
    expect(generateDemo(7).ledger.rows).not.toEqual(data.ledger.rows);
  });
});
