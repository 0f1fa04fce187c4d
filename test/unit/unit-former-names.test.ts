import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, unitsTab } from "../../sheets-schema/tabs";
import { buildDirectory } from "../../src/domain/directory";
import { PRACTICE_FACTS } from "../../src/domain/practice/practice-facts";
import { readTab } from "../../src/domain/read-tab";
import { MISNAMED_UNITS } from "../../src/domain/statistics-units";
import { evaluateRows, rowProblems } from "./helpers/evaluate";

/** 承办单位 after 机构改革: 区城管局 renamed, 区水利局 merged into 区农业农村局. */
function unitsAfterReform(extra: unknown[][] = []): unknown[][] {
  const headers = unitsTab.columns.map((c) => c.header);
  const at = (cells: Record<string, string>) => headers.map((h) => cells[h] ?? "");
  return [
    headers,
    at({ 单位名称: "区教育局", 邮箱: "jy@example.gov.cn" }),
    at({ 单位名称: "区城市管理局", 邮箱: "cg@example.gov.cn", 原名称: "区城管局" }),
    at({ 单位名称: "区农业农村局", 邮箱: "nn@example.gov.cn", 原名称: "区水利局" }),
    ...extra,
  ];
}

const closed = {
  编号: "2025-001",
  提出日期: "2025-02-20",
  审查结果: "立案",
  主办单位: "区城管局",
  协办单位: "区水利局",
  交办日期: "2025-03-03",
  答复日期: "2025-05-20",
  答复类别: "A",
};
const open = { 编号: "2026-001", 审查结果: "立案", 主办单位: "区城管局", 交办日期: "2026-04-01" };
const merged = { 编号: "2026-002", 审查结果: "立案", 主办单位: "区水利局", 交办日期: "2026-04-01" };

function contacts(rows: Record<string, string>[]): unknown[][] {
  const headers = contactsTab.columns.map((c) => c.header);
  return [headers, ...rows.map((cells) => headers.map((h) => cells[h] ?? ""))];
}

describe("a unit renamed or merged (承办单位 原名称)", () => {
  it("takes a former name in 主办单位 and 协办单位 without an 错误, and closed rows without any problem", () => {
    const ev = evaluateRows([closed, open, merged], {
      [TAB_NAMES.units]: unitsAfterReform(),
    });
    const texts = (n: number) => rowProblems(ev, n).map((p) => `${p.level} ${p.column} ${p.message}`);
    expect(texts(2).filter((t) => t.includes("单位"))).toEqual([]);
    expect(texts(3)).toContain(
      "提醒 主办单位 主办单位“区城管局”是“区城市管理局”的原名称（见『承办单位』表的原名称）：本件已计入“区城市管理局”，通知也发给它；请把主办单位改为“区城市管理局”",
    );
    expect(texts(3).filter((t) => t.startsWith("错误"))).toEqual([]);
  });

  it("counts a former name's suggestions under the current unit in 统计, none as 主办单位有误", () => {
    const ev = evaluateRows([closed, open, merged], {
      [TAB_NAMES.units]: unitsAfterReform(),
    });
    const labels = ev.statistics.byUnit.map((u) => `${u.label} ${u.assigned}`);
    expect(labels).toContain("区城市管理局 2");
    expect(labels).toContain("区农业农村局 1");
    expect(labels.join("；")).not.toContain("区城管局");
    expect(labels.join("；")).not.toContain(MISNAMED_UNITS);
    expect(ev.rows[0]?.record.leadUnit).toBe("区城市管理局");
    // 区水利局 was a co-unit: it is 区农业农村局 now.
    expect(ev.rows[0]?.record.coUnits).toEqual(["区农业农村局"]);
  });

  it("takes 沟通记录 under the former name, the ledger find-replaced to the new one, as the lead unit's contact (no 错误, counted in 沟通率)", () => {
    const ev = evaluateRows([{ ...open, 主办单位: "区城市管理局", 答复日期: "2026-05-06", 答复类别: "A" }], {
      [TAB_NAMES.units]: unitsAfterReform(),
      [TAB_NAMES.contacts]: contacts([
        { 编号: "2026-001", 日期: "2026-04-10", 阶段: "办前", 方式: "面商", 承办单位: "区城管局" },
      ]),
    });
    const all = ev.problems.map((p) => p.message).join("\n");
    expect(all).not.toContain("不是这条建议的主办或协办单位");
    expect(all).not.toContain("答复前未记录办前联系");
    expect((ev.rows[0]?.practice ?? 0) & PRACTICE_FACTS.contacted).toBeTruthy();
  });

  it("reports a former name that is also a current unit's 单位名称 as an 错误 in 承办单位", () => {
    const read = readTab(
      unitsTab,
      unitsAfterReform([["区住建局", "", "", "zj@example.gov.cn", "", "", "", "区教育局"]]),
    );
    const units = buildDirectory(read, "单位");
    const problems = read.rows.flatMap((r) =>
      r.problems.list.map((p) => `${p.level} ${p.column} ${p.message}`),
    );
    expect(problems).toEqual([
      "错误 原名称 原名称“区教育局”是第 2 行单位的单位名称：一个名称不能既是现有单位又是原名称，请删去此原名称；如该单位已并入本单位，请删去第 2 行，或把它的单位名称改为新名称",
    ]);
    expect(units.find("区教育局")?.name).toBe("区教育局");
    expect(units.find("区城管局")?.name).toBe("区城市管理局");
    expect(units.renamed("区城市管理局")).toBeUndefined();
  });
});
