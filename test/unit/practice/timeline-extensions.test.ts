import { describe, expect, it } from "vitest";
import { practiceEntries } from "../../../src/domain/dashboard/practice-timeline";
import { buildPracticeIndex } from "../../../src/domain/practice/practice-index";
import { ASSIGNED, evaluateWith, extensionRequest, practiceTabs } from "./helpers";

const request = extensionRequest;

/** The lines under each 延期申请 of the suggestion's handling record (its page, the unit's link page). */
function extensionLines(rows: Record<string, unknown>[]): string[][] {
  const extensions = { extensions: rows };
  const row = evaluateWith([ASSIGNED], extensions).rows[0];
  if (!row) throw new Error("no row");
  return practiceEntries(row, buildPracticeIndex(practiceTabs(extensions)), [])
    .filter((e) => e.kind === "extension")
    .map((e) => [e.title, ...e.lines]);
}

describe("建议页和单位页上的延期申请", () => {
  it("计入办理期限的申请照常列出审批结果", () => {
    expect(extensionLines([request()])).toEqual([
      ["延期申请 · 区教育局", "理由：涉及多个部门，需统筹资金", "审批结果：同意（2026-04-03）"],
    ]);
  });

  it("协办单位的申请、有错误的申请注明不计入办理期限，单位不会误以为已获延期", () => {
    const notCounted = "本申请有错误，不计入办理期限（见『校验问题』）";
    expect(
      extensionLines([request({ 申请单位: "区住建局" }), request({ 理由: "", 申请日期: "2026-04-02" })]),
    ).toEqual([
      ["延期申请 · 区住建局", "理由：涉及多个部门，需统筹资金", "审批结果：同意（2026-04-03）", notCounted],
      ["延期申请 · 区教育局", "审批结果：同意（2026-04-03）", notCounted],
    ]);
  });
});
