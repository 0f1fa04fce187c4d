import { describe, expect, it } from "vitest";
import type { LedgerCells } from "../helpers/make-row";
import { planAt } from "./helpers";

const ASSIGNED: LedgerCells = {
  编号: "2031-001",
  标题: "关于加快推进柏庄镇卫生院建设的建议",
  领衔代表: "张明",
  主办单位: "区教育局",
  交办日期: "2031-03-03",
};

describe("a 办理期限 in a year whose 放假安排 is not entered", () => {
  it("is marked 暂定 in the notice, as the ledger's 期限说明 marks it", () => {
    const notice = planAt([ASSIGNED], "2031-03-03").notices.find((n) => n.type === "交办通知");
    expect(notice?.body).toMatch(/请于 2031年6月\d+日（暂定）前书面答复代表/);
  });

  it("is a plain date once the year's arrangement is known", () => {
    const known = { ...ASSIGNED, 编号: "2026-001", 交办日期: "2026-03-02" };
    const notice = planAt([known], "2026-03-02").notices.find((n) => n.type === "交办通知");
    expect(notice?.body).toContain("请于 2026年6月2日前书面答复代表");
  });
});
