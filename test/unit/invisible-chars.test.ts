import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { answerText, mapAnswers } from "../../src/domain/intake/map-answers";
import { problemsOf } from "./helpers/evaluate";
import { deputiesValues } from "./helpers/make-row";

/**
 * Zero-width characters copied from WeChat or Word with a 编号 or a name (U+200B–U+200D, U+2060,
 * U+FEFF): invisible to staff, so a 编号 or name holding one must read as the one it looks like.
 */
const ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"] as const;

describe("a form's 编号 with an invisible character copied from WeChat or Word", () => {
  it.each(ZW.map((ch) => [ch.codePointAt(0)?.toString(16), ch]))(
    "reads 2026-001 + U+%s as 2026-001 (reply and rating)",
    (_, ch) => {
      const reply = mapAnswers("reply", { 编号: `2026-001${ch}`, 答复内容: "已解决" }, "2026-11-26");
      const rating = mapAnswers("rating", { 建议编号: `${ch}2026-001`, 满意度: "满意" }, "2026-11-26");
      expect(reply.cells.编号).toBe("2026-001");
      expect(rating.cells.编号).toBe("2026-001");
    },
  );

  it("drops one inside the 编号 too, and in a full-width 编号", () => {
    const { cells } = mapAnswers("reply", { 编号: "２０２６\u200b－００１\u200b" }, "2026-11-26");
    expect(cells.编号).toBe("2026-001");
  });

  it("trims one around a name or a choice, as spaces are trimmed", () => {
    const { cells } = mapAnswers(
      "suggestion",
      { 标题: "\ufeff关于增设公交站点的建议\u200b", 领衔代表: "王伟(北关)\u200b" },
      "2026-11-26",
    );
    expect(cells.标题).toBe("关于增设公交站点的建议");
    expect(cells.领衔代表).toBe("王伟(北关)");
    expect(answerText("B\u200b ")).toBe("B");
  });

  it("keeps a zero-width joiner inside long text (an emoji sequence)", () => {
    const family = "👨\u200d👩\u200d👧";
    const { cells } = mapAnswers("reply", { 编号: "2026-001", 答复内容: `已回访${family}` }, "2026-11-26");
    expect(cells.答复内容).toBe(`已回访${family}`);
  });
});

describe("names in the ledger with an invisible character", () => {
  const column = (name: string, cells: Record<string, string>) =>
    problemsOf(cells).filter((p) => p.column === name);

  it.each(ZW.map((ch) => [ch.codePointAt(0)?.toString(16), ch]))(
    "finds 领衔代表 王伟(北关) + U+%s in 代表, with no namesake question",
    (_, ch) => {
      expect(column("领衔代表", { 领衔代表: `王伟(北关)${ch}` })).toEqual([]);
      expect(column("领衔代表", { 领衔代表: `王${ch}伟（北关）` })).toEqual([]);
    },
  );

  it("finds a 附议代表 and a unit written with one", () => {
    expect(column("附议代表", { 附议代表: "李华\u200b、赵敏\u2060" })).toEqual([]);
    expect(
      column("主办单位", { 主办单位: "区教育局\u200b", 交办日期: "2026-03-02" }).map((p) => p.message),
    ).toEqual([]);
  });

  it("finds a plain name when the 代表 tab holds it with an invisible character", () => {
    const deputies = { [TAB_NAMES.deputies]: deputiesValues(["张明\u200b", "李华"]) };
    expect(problemsOf({ 领衔代表: "张明" }, deputies).filter((p) => p.column === "领衔代表")).toEqual([]);
  });

  it("still asks which 王伟 a bare 王伟 means", () => {
    expect(column("领衔代表", { 领衔代表: "王伟\u200b" }).map((p) => p.message)).toEqual([
      expect.stringContaining("有同名的 王伟(北关)、王伟(文峰)：请写明是哪一位"),
    ]);
  });
});
