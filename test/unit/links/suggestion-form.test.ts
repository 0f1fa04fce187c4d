import { describe, expect, it } from "vitest";
import { checkSuggestionForm } from "../../../src/domain/links/forms";

describe("a deputy's new suggestion through the personal link", () => {
  it("says which categories may be chosen when the one sent is not among them", () => {
    const checked = checkSuggestionForm(
      { 标题: "关于增设公交站点的建议", 内容: "建议在城东新区增设两处公交站点", 类别: "不存在类别" },
      "张明",
      ["城乡建设", "教育医疗"],
      ["张明"],
    );
    const message = "类别“不存在类别”不在可选类别中：请从 城乡建设、教育医疗 中选择";
    expect(checked).toEqual({ ok: false, errors: [message], fields: { 类别: [message] } });
  });
});
