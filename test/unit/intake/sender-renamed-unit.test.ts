import { describe, expect, it } from "vitest";
import { ledgerTab, unitsTab } from "../../../sheets-schema/tabs";
import { buildDirectory } from "../../../src/domain/directory";
import { senderMismatch } from "../../../src/domain/intake/sender-check";
import { readTab } from "../../../src/domain/read-tab";
import { planOneSubmission } from "../../support/plan-one";

/**
 * A reply naming its unit (答复单位) after 机构改革: 区城管局 renamed 区城市管理局, 区水利局 merged
 * into 区农业农村局 (承办单位 原名称). The unit is the same under either name.
 */
function unitsAfterReform() {
  const headers = unitsTab.columns.map((c) => c.header);
  const at = (cells: Record<string, string>) => headers.map((h) => cells[h] ?? "");
  return buildDirectory(
    readTab(unitsTab, [
      headers,
      at({ 单位名称: "区教育局", 邮箱: "jy@example.gov.cn" }),
      at({ 单位名称: "区城市管理局", 邮箱: "cg@example.gov.cn", 原名称: "区城管局" }),
      at({ 单位名称: "区农业农村局", 邮箱: "nn@example.gov.cn", 原名称: "区水利局" }),
    ]),
    "单位",
  );
}

const _ALL = ledgerTab.columns.map((c) => c.header);
const ROW = {
  编号: "2026-005",
  标题: "修路",
  领衔代表: "邱艳",
  主办单位: "区城市管理局",
  协办单位: "区水利局",
};

function plan(answers: Record<string, string>, row: Record<string, unknown> = ROW) {
  return planOneSubmission("reply", { 答复类别: "A", ...answers }, row, unitsAfterReform());
}

describe("a reply's 答复单位 against a renamed or merged 主办单位 (承办单位 原名称)", () => {
  it("writes a reply sent under the unit's former name", () => {
    const written = plan({ 答复单位: "区城管局" });
    expect(written.refused).toEqual([]);
    expect(written.writes.map((w) => w.header)).toContain("答复类别");
  });

  it("writes a reply under the new name to a row still holding the former one", () => {
    const written = plan({ 答复单位: "区 城市管理局" }, { ...ROW, 主办单位: "区城管局" });
    expect(written.refused).toEqual([]);
    expect(written.writes.map((w) => w.header)).toContain("答复类别");
  });

  it("still holds a reply from the unit a former 协办单位 was merged into, naming it a 协办单位", () => {
    expect(plan({ 答复单位: "区农业农村局" }).refused.map((r) => r.reason)).toEqual([
      "答复单位“区农业农村局”不是 2026-005 的主办单位（区城市管理局），是协办单位：请核对编号；协办单位的意见请通过协办意见提交；如确是这件建议的答复，请在台账中核对主办单位，或作废这条提交",
    ]);
  });

  it("still holds a reply from another unit, and a short form the directory does not list", () => {
    expect(plan({ 答复单位: "区教育局" }).refused.map((r) => r.reason)).toEqual([
      "答复单位“区教育局”不是 2026-005 的主办单位（区城市管理局）：请核对编号；如确是这件建议的答复，请在台账中核对主办单位，或作废这条提交",
    ]);
    // 城管局 is the short form of 区城管局 (原名称) and so the row's unit (sender-short-names.test).
    expect(plan({ 答复单位: "水务局" }).refused).toHaveLength(1);
  });

  it("compares names alone when the directory is not given", () => {
    const row = { leadDeputy: "邱艳", coSigners: "", leadUnit: "区城市管理局", coUnits: "" };
    expect(senderMismatch("reply", "区城管局", "2026-005", row)).toContain("不是 2026-005 的主办单位");
    expect(senderMismatch("reply", "区城管局", "2026-005", row, unitsAfterReform())).toBeNull();
  });
});
