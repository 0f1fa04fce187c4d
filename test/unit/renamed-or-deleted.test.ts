import { describe, expect, it } from "vitest";
import { columnLetter, matchHeaders } from "../../sheets-schema/header-map";
import { lookAlikeTab } from "../../sheets-schema/look-alikes";
import { holidaysTab, ledgerTab, unitsTab } from "../../sheets-schema/tabs";
import { missingTabReason, readTab } from "../../src/domain/read-tab";
import { LEDGER_HEADERS } from "./helpers/make-row";

/** The ledger header row with one header replaced (or removed, when `to` is null). */
function ledgerHeader(from: string, to: string | null): string[] {
  return LEDGER_HEADERS.flatMap((h) => (h !== from ? [h] : to === null ? [] : [to]));
}

const messages = (header: string[]) => matchHeaders(ledgerTab, header).problems.map((p) => p.message);

describe("校验问题 for a header staff renamed", () => {
  it("names the renamed column and says to change the header back, not to add a column", () => {
    expect(columnLetter(LEDGER_HEADERS.indexOf("主办单位"))).toBe("P");
    const match = matchHeaders(ledgerTab, ledgerHeader("主办单位", "主办单位（牵头）"));
    expect(match.ok).toBe(false);
    expect(match.problems).toEqual([
      {
        column: "主办单位",
        level: "错误",
        message:
          "缺少表头“主办单位”：第 P 列的表头是“主办单位（牵头）”，如果就是这一列，请把表头改回“主办单位”（不要新增一列），改好之前本表不会同步",
      },
    ]);
  });

  it("also finds a header shortened by staff, and a known alias of a ledger header", () => {
    expect(messages(ledgerHeader("答复日期", "答复 日期"))[0]).toContain(
      `第 ${columnLetter(LEDGER_HEADERS.indexOf("答复日期"))} 列的表头是“答复 日期”`,
    );
    expect(messages(ledgerHeader("主办单位", "主办"))[0]).toContain("的表头是“主办”，如果就是这一列");
    expect(messages(ledgerHeader("标题", "建议标题"))[0]).toBe(
      "缺少表头“标题”：第 C 列的表头是“建议标题”，如果就是这一列，请把表头改回“标题”（不要新增一列），改好之前本表不会同步",
    );
  });

  it("names the look-alike of an optional header too, as a 提醒", () => {
    const match = matchHeaders(holidaysTab, ["日期", "类型", "说明（备注）"]);
    expect(match.problems).toEqual([
      {
        column: "说明",
        level: "提醒",
        message:
          "缺少表头“说明”：第 C 列的表头是“说明（备注）”，如果就是这一列，请把表头改回“说明”（不要新增一列），改好之前这一列按空白处理",
      },
    ]);
  });
});

describe("校验问题 for a column staff deleted", () => {
  it("says first how to get the data back, then what an empty column would do", () => {
    expect(messages(ledgerHeader("答复日期", null))).toEqual([
      "缺少表头“答复日期”：如果这一列是被误删的，请先用“撤销”或“文件 → 版本记录”恢复；新建一个空列会让系统把这一列都当作空白（例如已答复的建议会变成未答复并发出催办）。确实没有这一列时，再在第 1 行补上（列的顺序不限）；补好之前本表不会同步",
    ]);
  });

  it("keeps the plain advice for a system column the sync rewrites", () => {
    expect(messages(ledgerHeader("办理期限", null))).toEqual([
      "缺少表头“办理期限”：请在第 1 行补上这一列（列的顺序不限），补好之前本表不会同步",
    ]);
  });

  it("says nothing about a column an older sheet simply lacks", () => {
    expect(matchHeaders(ledgerTab, ledgerHeader("优秀建议", null)).problems).toEqual([]);
  });

  it("tells staff to restore an informational column before treating it as blank", () => {
    const [message] = messages(ledgerHeader("备注", null));
    expect(message).toMatch(/^缺少表头“备注”：如果这一列是被误删的，请用“撤销”或“文件 → 版本记录”恢复；/);
    expect(message).toContain("按空白处理");
  });
});

describe("校验问题 for a tab staff renamed", () => {
  it("names the renamed tab and says to change its name back", () => {
    const titles = ["建议台账", "承办单位（2026）", "代表"];
    const read = readTab(unitsTab, undefined, "staff", 2, undefined, titles);
    expect(read.readable).toBe(false);
    expect(read.reason).toBe(
      "找不到工作表『承办单位』：表格中有『承办单位（2026）』，如果就是它，请把表名改回『承办单位』",
    );
    expect(read.problems.map((p) => p.message)).toEqual([read.reason]);
  });

  it("asks first whether the tab was renamed when nothing looks like it, and never names a tab the system uses", () => {
    const plain =
      "找不到工作表『承办单位』：先看看是不是表名被改了（比如加了年份或括号），是的话请改回『承办单位』；确实没有这张表时，再新建（第 1 行写表头）";
    expect(missingTabReason("承办单位", ["建议台账", "我的备忘"])).toBe(plain);
    expect(missingTabReason("承办单位", [])).toBe(plain);
    expect(missingTabReason("代表", ["代表（旧）"])).toContain("表格中有『代表（旧）』");
    // A backup beside the real ledger is not the ledger: only a missing tab's look-alike is named.
    expect(missingTabReason("建议台账", ["建议台账（备份）"])).toContain("表格中有『建议台账（备份）』");
    expect(lookAlikeTab("通知", ["通知记录", "通知模板", "系统暂存"])).toBeNull();
  });
});
