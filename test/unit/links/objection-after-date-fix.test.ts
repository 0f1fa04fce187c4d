import { describe, expect, it } from "vitest";
import { objectionCheck } from "../../../src/domain/links/practice-actions";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { evaluateAt } from "../notices/helpers";

/**
 * 区教育局 objected to 2026-401 assigned on 2026-03-02; staff then corrected 交办日期 to 03-03, same
 * unit. The sync leaves the objection open (only a change of unit settles it), so the unit's page
 * must not offer the 异议 form again: a second open objection would wait beside the first.
 */
const TODAY = "2026-03-05";
const row = evaluateAt(
  [{ 编号: "2026-401", 标题: "修路", 领衔代表: "张明", 主办单位: "区教育局", 交办日期: "2026-03-03" }],
  TODAY,
).rows[0] as EvaluatedRow;
const check = (decision: "upheld" | "reassigned" | null) =>
  objectionCheck(row, "lead", {
    today: TODAY,
    deadline: "2026-03-12",
    unit: "区教育局",
    onRecord: [{ unit: "区教育局", assignedOn: "2026-03-02", objectedOn: "2026-03-04", decision }],
  });

describe("交办日期改正后，单位原有的异议仍算数", () => {
  it("an objection still open is waited on, not made again", () => {
    expect(check(null)).toEqual({
      ok: false,
      reason: "本单位已于 2026-03-04 提出异议，正在等待代表工委决定；决定前请照常办理",
    });
  });

  it("an objection upheld stays upheld", () => {
    expect(check("upheld")).toEqual({
      ok: false,
      reason: "本单位已于 2026-03-04 提出异议，代表工委决定维持交办，请按期办理",
    });
  });

  it("a unit assigned again after its objection was settled by a change of unit may object anew", () => {
    expect(check("reassigned").ok).toBe(true);
  });
});
