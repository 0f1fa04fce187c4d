import { describe, expect, it } from "vitest";
import { contractHeaderFor } from "../../../tools/import/headers";

describe("mapping an Excel ledger's headers onto the contract", () => {
  it("takes the contract's own headers, ignoring spaces, full-width brackets and their notes", () => {
    expect(contractHeaderFor("标题")).toBe("标题");
    expect(contractHeaderFor(" 领 衔 代 表 ")).toBe("领衔代表");
    expect(contractHeaderFor("答复类别（A/B/C/D）")).toBe("答复类别");
    expect(contractHeaderFor("*提出日期：")).toBe("提出日期");
  });

  it("reads a header typed with a line break in the cell (Alt+Enter) as if typed on one line", () => {
    expect(["主办\n单位", "主办\r\n单位", "办理\n期限", "建议\n编号"].map(contractHeaderFor)).toEqual([
      "主办单位",
      "主办单位",
      "办理期限",
      "编号",
    ]);
  });

  it("knows the names offices use for the same columns", () => {
    expect(
      ["建议编号", "建议标题", "案由", "领衔人", "承办单位", "主办", "交办时间", "答复时间", "代表意见"].map(
        contractHeaderFor,
      ),
    ).toEqual(["编号", "标题", "标题", "领衔代表", "主办单位", "主办单位", "交办日期", "答复日期", "满意度"]);
  });

  it("leaves 序号 and unknown headers unmapped (they become extra columns)", () => {
    expect(contractHeaderFor("序号")).toBeNull();
    expect(contractHeaderFor("联系电话")).toBeNull();
    expect(contractHeaderFor("")).toBeNull();
  });
});
