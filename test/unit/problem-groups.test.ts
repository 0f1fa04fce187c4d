import { describe, expect, it } from "vitest";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import {
  groupProblems,
  problemGroupKey,
  problemsOfGroup,
  topValuesText,
} from "../../src/domain/problem-groups";
import type { Problem } from "../../src/domain/problems";
import { sampleLedgerTabs } from "./helpers/sample-ledger";

// Messages as the evaluation writes them (test/unit/__snapshots__/evaluate-ledger-sample.txt).
const LEAD = (name: string) =>
  `领衔代表“${name}”不在『代表』表中：请核对姓名，或先在『代表』表中添加该代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）`;
const HOST = (name: string) =>
  `主办单位“${name}”不在『承办单位』表中：请核对名称（须与单位名称一致），或先在『承办单位』表中添加该单位`;
const COHOST = (name: string) =>
  `协办单位“${name}”不在『承办单位』表中：请核对名称（须与单位名称一致），或先在『承办单位』表中添加该单位`;
const CROSS_YEAR = (value: string) => `跨年督办：“${value}”不是“是”或“否”：请填写 是 或 否`;
const DUPLICATE = (id: string, rows: string) =>
  `编号“${id}”与第 ${rows} 行重复：编号必须唯一。改正前各行都计入统计，但都不发任何通知（交办通知、提醒、逾期催办），请尽快改正：先核对哪一行原本是 ${id}，另一行如是已登记的建议，请改回它原来的编号；如是新增的建议，清空它的编号，系统会重新编号。改正前这些行系统不留存，误删后无法在网页上“恢复”`;
const COSIGNERS = (names: string[]) =>
  `附议代表中有 ${names.length} 位代表不在『代表』表中：${names.map((n) => `“${n}”`).join("")}，请核对姓名，或先在『代表』表中添加这些代表（如是上届代表，请留在或加回『代表』表，备注写“上届”）`;

let row = 1;
const problem = (column: string | null, message: string, level: "错误" | "提醒" = "错误"): Problem => {
  row += 1;
  return { tab: "建议台账", row, column, level, message, id: `2026-${row}` };
};

describe("groupProblems", () => {
  it("makes the deputies missing from 代表 one cause, their names counted, the largest first", () => {
    const list = [
      problem("主办单位", HOST("区城管局")),
      ...["王伟(北关)", "李华", "王伟(北关)", "区第1局", "王伟(北关)", "李华", "张三"].map((n) =>
        problem("领衔代表", LEAD(n)),
      ),
      problem("主办单位", HOST("区城管局")),
      problem("主办单位", HOST("王　伟")),
    ];

    const groups = groupProblems(list);

    expect(groups.map((g) => [g.label, g.count])).toEqual([
      ["领衔代表“…”不在『代表』表中", 7],
      ["主办单位“…”不在『承办单位』表中", 3],
    ]);
    expect(topValuesText(groups[0]!)).toBe("王伟(北关) 3、李华 2、区第1局 1、…");
    expect(topValuesText(groups[1]!)).toBe("区城管局 2、王　伟 1");
  });

  it("keeps apart the same message in another column (主办单位, 协办单位)", () => {
    const groups = groupProblems([problem("主办单位", HOST("12")), problem("协办单位", COHOST("12"))]);

    expect(groups.map((g) => g.label)).toEqual([
      "主办单位“12”不在『承办单位』表中",
      "协办单位“12”不在『承办单位』表中",
    ]);
  });

  it("keeps a value every problem of the cause shares, and the fixed quotes of the message", () => {
    const groups = groupProblems([
      problem("跨年督办", CROSS_YEAR("六个月")),
      problem("跨年督办", CROSS_YEAR("２０２６－０３－０２")),
      problem("跨年督办", CROSS_YEAR("六个月")),
      problem("领衔代表", LEAD("=IMPORTXML(A1)")),
      problem("领衔代表", LEAD("=IMPORTXML(A1)")),
    ]);

    expect(groups.map((g) => [g.label, g.count, topValuesText(g)])).toEqual([
      ["跨年督办：“…”不是“是”或“否”", 3, "六个月 2、２０２６－０３－０２ 1"],
      ["领衔代表“=IMPORTXML(A1)”不在『代表』表中", 2, ""],
    ]);
  });

  it("takes out row numbers, dates and an 编号 the message repeats unquoted", () => {
    const groups = groupProblems([
      problem("编号", DUPLICATE("2025-001", "200")),
      problem("编号", DUPLICATE("=IMPORTXML(A1)", "33")),
      problem("编号", DUPLICATE("2025-051", "53、54")),
      problem(
        "答复日期",
        "答复日期 2026-03-02 早于交办日期 2026-03-29：请核对；在改正之前，答复告知、测评提醒和跟踪提醒暂停发送",
      ),
      problem(
        "答复日期",
        "答复日期 2023-03-15 早于交办日期 2026-04-14：请核对；在改正之前，答复告知、测评提醒和跟踪提醒暂停发送",
      ),
    ]);

    expect(groups.map((g) => [g.label, g.count])).toEqual([
      ["编号“…”与第 … 行重复", 3],
      ["答复日期 … 早于交办日期 …", 2],
    ]);
    expect(topValuesText(groups[0]!)).toBe("2025-001 1、=IMPORTXML(A1) 1、2025-051 1");
  });

  it("counts each name of a list of missing deputies", () => {
    const groups = groupProblems([
      problem("附议代表", COSIGNERS(["编号", "换行"])),
      problem("附议代表", COSIGNERS(["李华", "编号", "张三"])),
    ]);

    expect(groups.map((g) => [g.label, g.count, topValuesText(g)])).toEqual([
      ["附议代表中有 … 位代表不在『代表』表中", 2, "编号 2、换行 1、李华 1、…"],
    ]);
  });

  it("a cause finds its problems again, whatever their values", () => {
    const list = [
      problem("领衔代表", LEAD("李华")),
      problem("主办单位", HOST("区城管局")),
      problem("领衔代表", LEAD("王伟")),
    ];
    const [deputies] = groupProblems(list);

    expect(problemGroupKey(list[0]!)).toBe(problemGroupKey(list[2]!));
    expect(problemsOfGroup(list, deputies!)).toEqual([list[0], list[2]]);
  });

  it("puts a cause that held the sync first, then the 错误 before 提醒 with more rows", () => {
    const hold: Problem = {
      tab: "建议台账",
      row: null,
      column: null,
      level: "错误",
      id: null,
      message: "『建议台账』没有数据行",
    };
    const list = [
      ...Array.from({ length: 11 }, () => problem("跨年督办", CROSS_YEAR("x"), "提醒")),
      problem("主办单位", HOST("区城管局")),
      problem("主办单位", HOST("区住建局")),
      hold,
    ];

    const groups = groupProblems(list, (p) => p === hold);

    expect(groups.map((g) => [g.level, g.count, g.holdsSync])).toEqual([
      ["错误", 1, true],
      ["错误", 2, false],
      ["提醒", 11, false],
    ]);
  });

  it("sums the sample ledger's 300 problems into a few dozen causes", () => {
    const { problems } = evaluateLedger({
      tabs: sampleLedgerTabs(200, 20260615),
      today: "2026-06-15",
      issuedIds: ["2026-900"],
    });
    const ledger = problems.filter((p) => p.tab === "建议台账");

    const groups = groupProblems(ledger);

    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(ledger.length);
    expect(groups.length).toBeLessThan(ledger.length / 3);
    // The 错误 first, then the snapshot's 44 跨年督办 reminders, one message, the largest 提醒 cause.
    const levels = groups.map((g) => g.level);
    expect(levels.indexOf("提醒")).toBeGreaterThan(levels.lastIndexOf("错误"));
    const reminders = groups.filter((g) => g.level === "提醒");
    expect(reminders[0]).toMatchObject({ column: "跨年督办", count: 44 });
    expect(reminders[0]?.label).toBe("跨年督办：2025 年提出的建议跨年后仍为“…”");
    const lead = groups.find((g) => g.label === "领衔代表“…”不在『代表』表中");
    expect(lead?.count).toBe(13);
    for (const g of groups) expect(problemsOfGroup(ledger, g)).toHaveLength(g.count);
  });
});
