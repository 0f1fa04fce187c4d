import { beforeAll, describe, expect, it } from "vitest";
import { ledgerStaffColumns } from "../../sheets-schema/tabs/ledger";
import { call, seedAndSync } from "./dashboard-helpers";

const BOM = "\uFEFF";

beforeAll(() => seedAndSync());

async function csv(path: string): Promise<{ response: Response; rows: string[][] }> {
  const response = await call(path);
  expect(response.status, path).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads Chinese
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
  expect(text.startsWith(BOM)).toBe(true);
  // The fixture has no quoted commas; a plain split is enough to look at cells.
  const rows = text
    .slice(1)
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
  return { response, rows };
}

describe("exports", () => {
  it("exports the ledger with its computed columns as UTF-8 CSV with BOM", async () => {
    const { response, rows } = await csv("/exports/ledger.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("建议台账-")}`,
    );
    const header = rows[0] ?? [];
    expect(header.slice(0, ledgerStaffColumns.length)).toEqual(ledgerStaffColumns.map((c) => c.header));
    expect(header).toContain("台账状态");
    expect(header).toContain("首轮期限说明");
    expect(rows).toHaveLength(41);
    const overdue = rows.find((r) => r[0] === "2026-007") ?? [];
    expect(overdue[header.indexOf("台账状态")]).toBe("已逾期");
    expect(overdue[header.indexOf("交办日期")]).toBe("2026-05-10");
    // The fixture's formula-looking summary leaves as text Excel will not run.
    expect(rows.find((r) => r[0] === "2026-001")?.[header.indexOf("内容摘要")]).toBe(
      `"'=IMPORTXML(""http://x""`,
    );
  });

  it("exports the unit scoreboard with the 统计 headers and a 合计 row", async () => {
    const { rows } = await csv("/exports/units.csv");
    expect(rows[0]).toEqual([
      "单位",
      "承办件数",
      "已答复",
      "按期答复率",
      "逾期未答复",
      "满意率",
      "A",
      "B",
      "C",
      "D",
      "平均答复天数",
      "沟通率",
      "延期件数",
      "二次交办",
      "二次已答复",
      "二次逾期未答复",
    ]);
    expect(rows.at(-1)?.[0]).toBe("合计");
    expect(rows.at(-1)?.[1]).toBe("27"); // 立案 with a unit: scenarios 4–12 of each 13 → 9 + 9 + 9
  });

  it("exports the year's report as CSV and JSON with the same figures", async () => {
    const { rows } = await csv("/exports/report.csv?year=2026");
    expect(rows.slice(0, 4)).toEqual([
      ["项目", "数值"],
      ["年度", "2026"],
      ["统计日期", expect.any(String)],
      ["建议总数", "40"],
    ]);
    const response = await call("/exports/report.json?year=2026");
    expect(response.headers.get("content-type")).toContain("application/json");
    const json = (await response.json()) as {
      year: number;
      totals: { submitted: number };
      overall: { assigned: number };
      byUnit: unknown[];
      byCategory: unknown[];
    };
    expect(json).toMatchObject({ year: 2026, totals: { submitted: 40 }, overall: { assigned: 27 } });
    expect(json.byUnit).toHaveLength(12);
    expect(rows.find((r) => r[0] === "合计")?.[2]).toBe("27");
  });

  it("answers a bad year with a JSON error, and an empty year with zeros", async () => {
    for (const year of ["abc", "26", "1999"]) {
      const response = await call(`/exports/report.json?year=${year}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: "invalid_year", requestId: expect.any(String) },
      });
    }
    const csvError = await call("/exports/report.csv?year=x");
    expect(csvError.headers.get("content-type")).toContain("application/json");
    const empty = (await (await call("/exports/report.json?year=2030")).json()) as {
      totals: { submitted: number };
      overall: { onTimeRate: string };
    };
    expect(empty.totals.submitted).toBe(0);
    expect(empty.overall.onTimeRate).toBe("—");
  });
});
