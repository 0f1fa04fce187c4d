import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { MIN_PASTED_ROWS, pastedBlockProblems, pastedBlocks } from "../../../src/domain/sync/pasted-block";
import type { CellMap } from "../../../src/domain/sync/plan-history";
import type { SeenRow } from "../../../src/domain/sync/shifted-column";

const cells = (header: string, value: string): CellMap => (value === "" ? {} : { [header]: value });

/** Rows `firstRow`… whose `header` cell went from `before[i]` to `now[i]`, as the chunk hands them. */
function seen(header: string, before: readonly string[], now: readonly string[], firstRow = 2): SeenRow[] {
  return before.flatMap((b, i) =>
    b === now[i]
      ? []
      : [{ rowNumber: firstRow + i, before: cells(header, b), now: cells(header, now[i] ?? "") }],
  );
}

const own = (n: number) => Array.from({ length: n }, (_, i) => `关于第${i + 1}件建议的答复：已列入计划。`);
const PASTED = "已按代表意见办理，详见答复函";

describe("pastedBlocks", () => {
  it("finds one text put over twenty rows' own 答复内容", () => {
    const rows = seen("答复内容", own(20), Array(20).fill(PASTED), 6);
    expect(pastedBlocks(rows)).toEqual([
      { header: "答复内容", text: PASTED, rows: Array.from({ length: 20 }, (_, i) => 6 + i) },
    ]);
  });

  it(`needs ${MIN_PASTED_ROWS} rows: a few replies put into one wording are ordinary`, () => {
    const few = MIN_PASTED_ROWS - 1;
    expect(pastedBlocks(seen("答复内容", own(few), Array(few).fill(PASTED)))).toEqual([]);
    const enough = seen("答复内容", own(MIN_PASTED_ROWS), Array(MIN_PASTED_ROWS).fill(PASTED));
    expect(pastedBlocks(enough).map((b) => b.rows.length)).toEqual([MIN_PASTED_ROWS]);
  });

  it("leaves blank cells filled with one standard text alone", () => {
    expect(pastedBlocks(seen("答复内容", Array(10).fill(""), Array(10).fill(PASTED)))).toEqual([]);
  });

  it("leaves one standard wording changed to another alone (nothing of a row is lost)", () => {
    expect(pastedBlocks(seen("备注", Array(10).fill("待交办"), Array(10).fill("已交办")))).toEqual([]);
  });

  it("counts only the rows that held a different text before", () => {
    // Rows 2–4 blank, 5–6 already the text, 7–11 their own: five count.
    const before = ["", "", "", PASTED, PASTED, ...own(5)];
    const rows = seen("答复内容", before, Array(10).fill(PASTED));
    expect(pastedBlocks(rows)).toEqual([{ header: "答复内容", text: PASTED, rows: [7, 8, 9, 10, 11] }]);
  });

  it("leaves dates and dropdowns alone, where equal values are normal", () => {
    const rows = seen("答复类别", ["A", "B", "C", "D", "B", "C"], Array(6).fill("A"));
    expect(pastedBlocks(rows)).toEqual([]);
  });

  it("tells each column and each pasted text apart", () => {
    const rows = [
      ...seen("答复内容", own(6), Array(6).fill(PASTED)),
      ...seen("备注", own(6), Array(6).fill("见附件")),
    ];
    expect(pastedBlocks(rows).map((b) => `${b.header}:${b.text}:${b.rows.length}`)).toEqual([
      `答复内容:${PASTED}:6`,
      "备注:见附件:6",
    ]);
  });
});

describe("pastedBlockProblems", () => {
  it("is one 提醒 on the first row naming the column, rows, text and how to undo", () => {
    const problems = pastedBlockProblems(
      [{ header: "答复内容", text: PASTED, rows: Array.from({ length: 20 }, (_, i) => 6 + i) }],
      TAB_NAMES.ledger,
    );
    expect(problems).toEqual([
      {
        tab: TAB_NAMES.ledger,
        row: 6,
        column: "答复内容",
        level: "提醒",
        id: null,
        message:
          "疑似整块粘贴：20 行的『答复内容』（第 6–25 行）在同一次同步中被改成了相同的文字“已按代表意见办理，详见答复函”。" +
          "如系误操作，可用“撤销”或“文件 → 版本记录”恢复，原文也保存在看板各建议页的“变更与通知记录”中；" +
          "确系有意统一改写的，不必处理",
      },
    ]);
  });

  it("quotes a long text cut to twenty characters, on one line", () => {
    const text = "经研究，贵代表提出的关于加强校园周边交通\n安全管理的建议已全部采纳。";
    const [problem] = pastedBlockProblems(
      [{ header: "答复内容", text, rows: [2, 4, 6, 8, 10] }],
      TAB_NAMES.ledger,
    );
    expect(problem?.message).toContain("5 行的『答复内容』（第 2、4、6、8、10 行）");
    expect(problem?.message).toContain("“经研究，贵代表提出的关于加强校园周边交通…”");
  });
});
