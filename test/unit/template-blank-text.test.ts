import { describe, expect, it } from "vitest";
import { defaultTemplateFor } from "../../sheets-schema/notice-templates";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { pickTemplate } from "../../src/domain/read-templates";
import { evaluateRows } from "./helpers/evaluate";

const TEMPLATE_HEADER = ["模板", "渠道", "标题", "正文", "启用"];

function templates(rows: unknown[][]) {
  const evaluation = evaluateRows([{}], { [TAB_NAMES.templates]: [TEMPLATE_HEADER, ...rows] });
  const problems = evaluation.problems
    .filter((p) => p.tab === TAB_NAMES.templates && p.row !== null)
    .map(({ row, column, level, message }) => ({ row, column, level, message }));
  return { problems, chosen: evaluation.templates };
}

describe("通知模板 rows with blank text", () => {
  it("names both 标题 and 正文 when both are blank, and keeps sending the built-in text", () => {
    const { problems, chosen } = templates([["逾期催办", "", "", "", "是"]]);
    expect(problems).toEqual([
      {
        row: 2,
        column: "标题",
        level: "提醒",
        message:
          "标题和正文都为空：请补上标题和正文；改好之前“逾期催办”通知照常用内置正文发送（如要停发，请把 启用 设为 否）",
      },
    ]);
    const builtIn = defaultTemplateFor("逾期催办");
    expect(pickTemplate(chosen, "逾期催办", "email")).toMatchObject({
      source: "default",
      enabled: true,
      title: builtIn.title,
      body: builtIn.body,
    });
  });

  it("names the one blank column when the other is filled in", () => {
    const { problems } = templates([
      ["到期提醒", "", "", "还剩 {{剩余天数}} 天", "是"],
      ["跟踪提醒", "", "{{编号}} 跟踪", "", "是"],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "标题",
        message: expect.stringMatching(/^标题为空：请补上标题；/),
      }),
      expect.objectContaining({
        row: 3,
        column: "正文",
        message: expect.stringMatching(/^正文为空：请补上正文；/),
      }),
    ]);
  });

  it("says nothing of a blank row kept only to turn a notice off", () => {
    const { problems, chosen } = templates([["督办周报", "", "", "", "否"]]);
    expect(problems).toEqual([]);
    expect(pickTemplate(chosen, "督办周报", null).enabled).toBe(false);
  });
});
