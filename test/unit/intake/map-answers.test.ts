import { describe, expect, it } from "vitest";
import { mapAnswers } from "../../../src/domain/intake/map-answers";

describe("mapAnswers", () => {
  it("maps known question titles onto ledger headers and keeps unknown answers in 备注", () => {
    const { cells } = mapAnswers(
      "suggestion",
      {
        "建议标题（必填）": " 关于增设公交站点的建议 ",
        代表姓名: "王伟(北关)",
        附议代表: ["李四", "张三"],
        联系电话: "13800000000",
      },
      "2026-11-26",
    );

    expect(cells).toEqual({
      标题: "关于增设公交站点的建议",
      领衔代表: "王伟(北关)",
      附议代表: "李四、张三",
      备注: "联系电话：13800000000",
      提出日期: 46352,
    });
  });

  it("writes a short field (标题) on one line, its line breaks as spaces; long text keeps them", () => {
    const { cells } = mapAnswers(
      "suggestion",
      {
        标题: "关于整治河滨路积水的建议\r\n\n### 伪造的标题行",
        内容摘要: "河滨路雨后积水严重。\n附近居民出行不便。",
      },
      "2026-11-26",
    );

    expect(cells.标题).toBe("关于整治河滨路积水的建议 ### 伪造的标题行");
    expect(cells.内容摘要).toBe("河滨路雨后积水严重。\n附近居民出行不便。");
  });

  it("turns a recognised date into a sheet date and keeps unparseable date text as typed", () => {
    const good = mapAnswers("reply", { 编号: "2026-001", 答复日期: "2026年3月2日" }, "2026-11-26");
    const bad = mapAnswers("reply", { 编号: "2026-001", 答复日期: "三月二日" }, "2026-11-26");

    expect(good.cells.答复日期).toBe(46083);
    expect(bad.cells.答复日期).toBe("三月二日");
  });

  it("lets a reply form fill only the reply's columns, keeping its other answers as one 附言 for 备注", () => {
    const { cells } = mapAnswers(
      "reply",
      { 编号: "2026-001", 答复类别: "A", 标题: "改标题", 联系人: "张三", 答复单位: "区教育局" },
      "2026-11-26",
    );

    expect(cells).toEqual({
      编号: "2026-001",
      答复类别: "A",
      答复日期: 46352,
      附言: "标题：改标题；联系人：张三；答复单位：区教育局",
      // Kept aside too, for planApply to check against the row's 主办单位 (sender-check).
      答复单位: "区教育局",
    });
  });

  it("stores a choice typed as the ledger reads it as the listed value the column's dropdown holds", () => {
    const reply = mapAnswers(
      "reply",
      { 编号: "2026-001", 答复类别: "b 类", 落实情况: "推进中。" },
      "2026-11-26",
    );
    const rating = mapAnswers("rating", { 编号: "2026-001", 满意度: "基本 满意。" }, "2026-11-26");
    const classes = ["A类", "a", "Ｃ类", "D"].map(
      (typed) => mapAnswers("reply", { 编号: "2026-001", 答复类别: typed }, "2026-11-26").cells.答复类别,
    );

    expect(reply.cells).toMatchObject({ 答复类别: "B", 落实情况: "推进中" });
    expect(rating.cells.满意度).toBe("基本满意");
    expect(classes).toEqual(["A", "A", "C", "D"]);
  });
});
