import { describe, expect, it } from "vitest";
import {
  contactCheck,
  coOpinionCheck,
  extensionCheck,
  objectionCheck,
} from "../../../src/domain/links/practice-actions";
import type { EvaluatedRow } from "../../../src/domain/summary/evaluated";
import { evaluateAt } from "../notices/helpers";

/**
 * 2026-401 (区教育局 leads, 区住建局 co-handles) was assigned, then withdrawn (撤回) or merged (并案)
 * into 2026-001. A 延期申请, 沟通记录 or 异议 posted from a page opened before is refused with the
 * reason the reply is refused with, not as "尚未交办": the unit must not wait for a 交办.
 */
const TODAY = "2026-03-20";
const rowOf = (cells: Record<string, string>): EvaluatedRow =>
  evaluateAt(
    [
      {
        编号: "2026-401",
        标题: "修路",
        领衔代表: "张明",
        主办单位: "区教育局",
        协办单位: "区住建局",
        交办日期: "2026-03-02",
        ...cells,
      },
    ],
    TODAY,
  ).rows[0] as EvaluatedRow;

const CASES = [
  [{ 审查结果: "撤回" }, "代表已撤回该建议，无需办理。"],
  [{ 审查结果: "并案", 并入编号: "2026-001" }, "该建议已并入 2026-001 一并办理，无需单独答复。"],
] as const;

describe("a unit's other actions on a suggestion withdrawn or merged after 交办", () => {
  for (const [cells, reason] of CASES) {
    const row = rowOf(cells);
    const refused = { ok: false, reason };
    it(`${cells.审查结果}: 延期申请, 沟通记录, 协办意见 and 异议 are told ${reason}`, () => {
      expect(extensionCheck(row, "lead", { approved: false, pendingSince: null }, TODAY)).toEqual(refused);
      expect(contactCheck(row, "lead")).toEqual(refused);
      expect(contactCheck(row, "co")).toEqual(refused);
      expect(coOpinionCheck(row, "co")).toEqual(refused);
      const objection = { today: TODAY, unit: "区住建局", onRecord: [] };
      expect(objectionCheck(row, "co", { ...objection, deadline: "2026-03-09" })).toEqual(refused);
      expect(objectionCheck(row, "co", { ...objection, deadline: null })).toEqual(refused);
    });
  }

  it("one not yet assigned is still told so", () => {
    const row = rowOf({ 交办日期: "" });
    expect(contactCheck(row, "lead")).toEqual({
      ok: false,
      reason: "该建议尚未立案交办，暂不能记录沟通情况",
    });
    expect(
      objectionCheck(row, "lead", { today: TODAY, deadline: null, unit: "区教育局", onRecord: [] }),
    ).toEqual({
      ok: false,
      reason: "该建议尚未交办",
    });
  });

  it("a unit without the role is told so first (403 on a post)", () => {
    const row = rowOf({ 审查结果: "撤回" });
    expect(extensionCheck(row, "co", { approved: false, pendingSince: null }, TODAY)).toEqual({
      ok: false,
      reason: "只有主办单位可以申请延期；协办单位如有困难，请与主办单位沟通",
    });
  });
});
