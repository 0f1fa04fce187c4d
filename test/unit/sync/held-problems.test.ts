import { describe, expect, it } from "vitest";
import { heldWriteProblems } from "../../../src/domain/sync/held-problems";
import { CELL_FILLED, type PlannedWrite } from "../../../src/domain/sync/remap";

const write = (sourceRow: number, header: string, extra: Partial<PlannedWrite> = {}): PlannedWrite => ({
  key: { kind: "id", id: `2026-00${sourceRow}` },
  header,
  value: "x",
  sourceRow,
  ...extra,
});

describe("heldWriteProblems", () => {
  it("tells one 提醒 per row, naming each cell and reason once", () => {
    const problems = heldWriteProblems(
      [
        { write: write(5, "办理期限"), reason: "该行已移走或被改动" },
        { write: write(5, "台账状态"), reason: "该行已移走或被改动" },
        { write: write(9, "台账状态"), reason: "该行无法唯一确定" },
      ],
      (row) => (row === 5 ? "2026-005" : null),
    );

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({
      tab: "建议台账",
      row: 5,
      id: "2026-005",
      column: "办理期限",
      level: "提醒",
    });
    expect(problems[0]?.message).toMatch(
      /^本次同步没能写入这一行的『办理期限』『台账状态』（该行已移走或被改动），/,
    );
    expect(problems[1]).toMatchObject({ row: 9, id: null });
    expect(problems[1]?.message).toContain("（该行无法唯一确定）");
  });

  it("does not send staff looking for merged cells when only Google's errors held the row", () => {
    const reason = "Google 表格服务暂时出错（HTTP 500），本次未能写入；表格本身没有问题，无需检查";
    const [problem] = heldWriteProblems(
      [{ write: write(5, "台账状态"), reason, serviceFailure: true }],
      () => "2026-005",
    );

    expect(problem?.message).toBe(
      `本次同步没能写入这一行的『台账状态』（${reason}），表格里显示的可能不是最新结果，下次同步会再写`,
    );
  });

  it("says nothing of a new 编号 a person typed into the cell first: the row is numbered as they meant", () => {
    const held = [{ write: write(7, "编号", { onlyIfBlank: true }), reason: CELL_FILLED }];

    expect(heldWriteProblems(held, () => null)).toEqual([]);
  });
});
