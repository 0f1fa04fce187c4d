import { describe, expect, it } from "vitest";
import { unitsTab } from "../../../sheets-schema/tabs";
import { buildDirectory } from "../../../src/domain/directory";
import { senderMismatch } from "../../../src/domain/intake/sender-check";
import { readTab } from "../../../src/domain/read-tab";
import { planOneSubmission } from "../../support/plan-one";

/**
 * A reply whose 答复单位 is the short form units write (水务局 for 县水务局): the row's own unit
 * when 承办单位 holds no other unit it could be.
 */
function units(rows: Record<string, string>[]) {
  const headers = unitsTab.columns.map((c) => c.header);
  return buildDirectory(
    readTab(unitsTab, [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ""))]),
    "单位",
  );
}

/** A county whose office also lists the city's 教育局 (a suggestion handed to it). */
const COUNTY = units([
  { 单位名称: "县水务局", 邮箱: "sw@example.gov.cn" },
  { 单位名称: "县教育局", 邮箱: "jy@example.gov.cn" },
  { 单位名称: "市教育局", 邮箱: "sjy@example.gov.cn" },
  { 单位名称: "县城市管理局", 邮箱: "cg@example.gov.cn", 原名称: "县城管局" },
  { 单位名称: "县住建局", 邮箱: "zj@example.gov.cn" },
]);

const row = (leadUnit: string, coUnits = "") => ({ leadDeputy: "邱艳", coSigners: "", leadUnit, coUnits });

/** One reply naming `unit`, to 2026-005 whose 主办单位 is `lead`: what the intake would write or hold. */
function plan(unit: string, lead: string, directory = COUNTY) {
  return planOneSubmission(
    "reply",
    { 答复类别: "A", 答复内容: "已列入年度计划", 答复单位: unit },
    { 编号: "2026-005", 标题: "修河堤", 领衔代表: "邱艳", 主办单位: lead },
    directory,
  );
}

describe("a reply's 答复单位 written as the short form of the row's 主办单位", () => {
  it("writes a reply from 水务局 to a row of 县水务局", () => {
    const written = plan("水务局", "县水务局");
    expect(written.refused).toEqual([]);
    expect(written.writes.find((w) => w.header === "答复内容")?.value).toBe("已列入年度计划");
    expect(senderMismatch("reply", "水务局", "2026-005", row("县水务局"), COUNTY)).toBeNull();
  });

  it("writes a reply from 县水务局 to a row still holding the short form 水务局", () => {
    expect(plan("县水务局", "水务局").refused).toEqual([]);
  });

  it("takes a county-named unit for its short forms (汤阴县水务局: 水务局, 县水务局)", () => {
    const named = units([
      { 单位名称: "汤阴县水务局", 邮箱: "sw@example.gov.cn" },
      { 单位名称: "汤阴县教育局", 邮箱: "jy@example.gov.cn" },
    ]);
    expect(senderMismatch("reply", "水务局", "2026-005", row("汤阴县水务局"), named)).toBeNull();
    expect(senderMismatch("reply", "县水务局", "2026-005", row("汤阴县水务局"), named)).toBeNull();
    expect(senderMismatch("reply", "汤阴县水务局", "2026-005", row("水务局"), named)).toBeNull();
  });

  it("takes a unit writing its county's name before the name 承办单位 lists (汤阴县水务局 for 县水务局)", () => {
    expect(senderMismatch("reply", "汤阴县水务局", "2026-005", row("县水务局"), COUNTY)).toBeNull();
    expect(senderMismatch("reply", "安阳市汤阴县水务局", "2026-005", row("县水务局"), COUNTY)).toBeNull();
    // 市 names the city's own bureau, not the county's: still held.
    expect(senderMismatch("reply", "安阳市水务局", "2026-005", row("县水务局"), COUNTY)).toContain(
      "不是 2026-005 的主办单位",
    );
  });

  it("takes the short form of a unit's 原名称 (城管局 for 县城管局, now 县城市管理局)", () => {
    expect(senderMismatch("reply", "城管局", "2026-005", row("县城市管理局"), COUNTY)).toBeNull();
    expect(senderMismatch("reply", "城市管理局", "2026-005", row("县城管局"), COUNTY)).toBeNull();
  });

  it("holds 教育局 when 承办单位 has two 教育局, naming both", () => {
    expect(plan("教育局", "县教育局").refused.map((r) => r.reason)).toEqual([
      "答复单位“教育局”可指 县教育局、市教育局，不能确定是 2026-005 的主办单位（县教育局）：请向答复的单位核实；如确是主办单位的答复，请在台账中填写这份答复后作废这条提交，并请该单位在表单中填写单位全称",
    ]);
  });

  it("holds a reply to a row holding 教育局 when 承办单位 has two, naming both", () => {
    expect(plan("县教育局", "教育局").refused.map((r) => r.reason)).toEqual([
      "2026-005 的主办单位“教育局”可指 县教育局、市教育局，不能确定答复单位“县教育局”就是主办单位：请在台账中把主办单位写为单位全称（与承办单位表一致），下次同步时这份答复即写入；如不是这件建议的答复，请作废这条提交",
    ]);
  });

  it("still holds a reply from an unrelated unit with the usual message", () => {
    expect(plan("住建局", "县水务局").refused.map((r) => r.reason)).toEqual([
      "答复单位“住建局”不是 2026-005 的主办单位（县水务局）：请核对编号；如确是这件建议的答复，请在台账中核对主办单位，或作废这条提交",
    ]);
    expect(plan("市水务局", "县水务局").refused).toHaveLength(1);
  });

  it("tells a 协办单位 written short that it is one", () => {
    expect(senderMismatch("reply", "水务局", "2026-005", row("县住建局", "县水务局"), COUNTY)).toBe(
      "答复单位“水务局”不是 2026-005 的主办单位（县住建局），是协办单位：请核对编号；协办单位的意见请通过协办意见提交；如确是这件建议的答复，请在台账中核对主办单位，或作废这条提交",
    );
  });

  it("compares names alone without 承办单位", () => {
    expect(senderMismatch("reply", "水务局", "2026-005", row("县水务局"))).toContain(
      "不是 2026-005 的主办单位",
    );
  });
});
