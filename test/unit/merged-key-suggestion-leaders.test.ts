import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { leadersTab } from "../../sheets-schema/tabs/directory";
import { evaluateChunk, indexIdColumns } from "../../src/domain/evaluate-chunk";
import { evaluateLedger } from "../../src/domain/evaluate-ledger";
import { buildLedgerContext } from "../../src/domain/ledger-context";
import { evaluateRows } from "./helpers/evaluate";
import { type LedgerCells, makeRow, makeTabs } from "./helpers/make-row";

/**
 * 2026-125, a key suggestion overdue with its 督办领导 and 领办领导, was merged (并案) into 2026-124,
 * which has neither 重点建议 nor a leader. The merged one gets no notice any more: unless staff carry
 * its leaders over, nothing reaches them. 2026-124's 校验问题 says so, naming them.
 */
const ASSIGNED = { 提出日期: "2026-01-05", 主办单位: "区教育局", 交办日期: "2026-01-06" };
/** 领导, listing both leaders (so no row has an 错误 of its own: the 提醒 stands alone). */
const LEADERS = {
  [TAB_NAMES.leaders]: [
    leadersTab.columns.map((c) => c.header),
    ...[
      ["陈建平副主任", "督办"],
      ["王志强副区长", "领办"],
    ].map(([name, kind]) =>
      leadersTab.columns.map((c) => (c.header === "姓名" ? name : c.header === "类型" ? kind : "")),
    ),
  ],
};
const TARGET: LedgerCells = { 编号: "2026-124", 标题: "关于增设公交站点的建议", ...ASSIGNED };
const MERGED: LedgerCells = {
  编号: "2026-125",
  标题: "关于优化公交线路的建议",
  ...ASSIGNED,
  审查结果: "并案",
  并入编号: "2026-124",
  重点建议: "是",
  督办领导: "陈建平副主任",
  领办领导: "王志强副区长",
};
const CARRY_OVER =
  "并入本件的重点建议 2026-125 有督办领导 陈建平副主任、领办领导 王志强副区长，并案后这些领导不再收到它的催办和通知：如仍需领导督办，请在本行把 重点建议 改为 是，并填写督办领导 陈建平副主任、领办领导 王志强副区长";

/** What staff read in a row's 校验问题 cell. */
function cellOf(rows: LedgerCells[], rowNumber: number): string {
  const row = evaluateRows(rows, LEADERS).rows.find((r) => r.rowNumber === rowNumber);
  return row?.computed.problems ?? "";
}

describe("the row a key suggestion with leaders was merged into", () => {
  it("tells staff in its 校验问题 which leaders the merged suggestion had, and what to fill in", () => {
    const evaluation = evaluateRows([TARGET, MERGED], LEADERS);
    const target = evaluation.rows.find((r) => r.id === "2026-124");
    expect(target?.computed.status).toBe("已逾期");
    expect(target?.computed.problems).toBe(`[提醒] 重点建议：${CARRY_OVER}`);
    // The merged row itself is told nothing new: it is closed, and its notices rightly stopped.
    expect(cellOf([TARGET, MERGED], 3)).not.toContain("并入本件");
  });

  it("asks only for what the row still lacks", () => {
    const keyWithSupervisor = { ...TARGET, 重点建议: "是", 督办领导: "陈建平副主任" };
    expect(cellOf([keyWithSupervisor, MERGED], 2)).toContain(
      "并入本件的重点建议 2026-125 有督办领导 陈建平副主任、领办领导 王志强副区长，并案后这些领导不再收到它的催办和通知：如仍需领导督办，请在本行填写领办领导 王志强副区长",
    );
  });

  it("says nothing once the row has 重点建议 是 and those leaders (a title left off counts as the same leader)", () => {
    const carried = { ...TARGET, 重点建议: "是", 督办领导: "陈建平副主任", 领办领导: "王志强" };
    expect(cellOf([carried, MERGED], 2)).not.toContain("并入本件");
  });

  it("says nothing of a merged suggestion with neither 重点建议 nor leaders, nor once the row is answered", () => {
    const plain = { ...MERGED, 重点建议: "", 督办领导: "", 领办领导: "" };
    expect(cellOf([TARGET, plain], 2)).not.toContain("并入本件");
    const replied = {
      ...TARGET,
      答复日期: "2026-03-02",
      答复类别: "A",
      答复内容: "已办",
      落实情况: "已解决",
    };
    expect(cellOf([replied, MERGED], 2)).not.toContain("并入本件");
  });

  it("is told the same by a split sync, the merged row in another part of the ledger", () => {
    const filler = Array.from({ length: 30 }, (_, i) => ({
      编号: `2026-${String(i + 1).padStart(3, "0")}`,
      标题: `建议${i + 1}`,
    }));
    const tabs = makeTabs(
      [TARGET, ...filler, MERGED].map((cells) => makeRow(cells)),
      LEADERS,
    );
    const whole = evaluateLedger({ tabs, today: "2026-05-10" });
    const ledger = tabs[TAB_NAMES.ledger] as unknown[][];
    const header = ledger[0] as string[];
    const column = (h: string) => ledger.map((row) => row[header.indexOf(h)]);
    const ids = indexIdColumns(column("编号"), column("审查结果"), {
      mergedInto: column("并入编号"),
      isKey: column("重点建议"),
      supervisor: column("督办领导"),
      handlingLeader: column("领办领导"),
    });
    const context = buildLedgerContext(tabs);
    // The target alone in the first part: what it is told comes from the index of the whole.
    const part = evaluateChunk({
      context,
      header,
      rows: ledger.slice(1, 11),
      firstRow: 2,
      today: "2026-05-10",
      ids: JSON.parse(JSON.stringify(ids)),
    });
    const target = part.rows.find((r) => r.rowNumber === 2);
    expect(target?.computed.problems).toContain(CARRY_OVER);
    expect(target?.computed).toEqual(whole.rows.find((r) => r.rowNumber === 2)?.computed);
  });
});
