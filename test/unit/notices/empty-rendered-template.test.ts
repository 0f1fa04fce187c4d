import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { LedgerCells } from "../helpers/make-row";
import { planAt } from "./helpers";

const ROW: LedgerCells = {
  编号: "2026-007",
  标题: "关于老旧小区停车难的建议",
  领衔代表: "王伟(北关)",
  主办单位: "区住建局",
  协办单位: "",
  交办日期: "2026-03-02",
};

describe("a staff text that renders empty in a notice", () => {
  it("goes out as the built-in text, with a 提醒 naming the row, the column and the blank placeholders", () => {
    const templates = [["交办通知", "wecom", "{{答复日期}}", "{{接收方}}：{{答复日期}}", "是"]];
    const plan = planAt([ROW], "2026-03-02", { templates });
    expect(plan.notices[0]).toMatchObject({
      type: "交办通知",
      channel: "wecom",
      title: "代表建议交办通知：2026-007 关于老旧小区停车难的建议",
      body: expect.stringContaining("区住建局：现将王伟(北关)代表领衔提出的建议《关于老旧小区停车难的建议》"),
    });
    expect(plan.problems).toEqual([
      {
        tab: TAB_NAMES.templates,
        row: 2,
        column: "标题",
        level: "提醒",
        id: null,
        message:
          "标题和正文在“交办通知”通知里是空的：其中的占位符 {{答复日期}} 在这类通知里没有值。请写上文字，或换用在这类通知里有值的占位符；改好之前“交办通知”通知照常用内置正文发送",
      },
    ]);
  });

  it("names the body alone when only the body is empty, and keeps a text that renders", () => {
    const templates = [
      ["交办通知", "wecom", "交办 {{编号}}", "{{#答复日期}}已于 {{答复日期}}答复{{/答复日期}}", "是"],
    ];
    const plan = planAt([ROW], "2026-03-02", { templates });
    expect(plan.notices[0]?.title).toBe("代表建议交办通知：2026-007 关于老旧小区停车难的建议");
    expect(plan.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "正文",
        message:
          "正文在“交办通知”通知里是空的：其中的占位符 {{答复日期}} 在这类通知里没有值。请写上文字，或换用在这类通知里有值的占位符；改好之前“交办通知”通知照常用内置正文发送",
      }),
    ]);
    const fine = [["交办通知", "wecom", "交办 {{编号}}", "{{接收方}}：请办理{{答复日期}}。", "是"]];
    const ok = planAt([ROW], "2026-03-02", { templates: fine });
    expect(ok.problems).toEqual([]);
    expect(ok.notices[0]).toMatchObject({ title: "交办 2026-007", body: "区住建局：请办理。" });
  });
});
