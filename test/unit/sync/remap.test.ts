import { describe, expect, it } from "vitest";
import { type PlannedWrite, remapWrites } from "../../../src/domain/sync/remap";
import { fingerprint } from "../../../src/domain/sync/row-identity";

const layout = { idHeader: "编号", staffHeaders: ["编号", "标题", "领衔代表"] };
const header = ["编号", "标题", "领衔代表", "台账状态"];

const statusWrite = (id: string, value: string): PlannedWrite => ({
  key: { kind: "id", id },
  header: "台账状态",
  value,
  sourceRow: 2,
});

describe("remapWrites", () => {
  it("writes each value into the row that now holds its 编号 after staff sorted the sheet", () => {
    const sorted = [header, ["2026-002", "路灯", "李四"], ["2026-001", "学校", "张三"]];

    const { placed, held } = remapWrites(
      [statusWrite("2026-001", "办理中"), statusWrite("2026-002", "已逾期")],
      sorted,
      layout,
    );

    expect(held).toEqual([]);
    expect(placed).toEqual([
      { row: 3, column: 3, header: "台账状态", value: "办理中", sourceRow: 2 },
      { row: 2, column: 3, header: "台账状态", value: "已逾期", sourceRow: 2 },
    ]);
  });

  it("follows a column that staff moved since the read", () => {
    const moved = [
      ["台账状态", "编号", "标题", "领衔代表"],
      ["", "2026-001", "学校", "张三"],
    ];

    const { placed } = remapWrites([statusWrite("2026-001", "办理中")], moved, layout);

    expect(placed).toEqual([{ row: 2, column: 0, header: "台账状态", value: "办理中", sourceRow: 2 }]);
  });

  it("holds a write whose row was deleted, rather than guessing", () => {
    const { placed, held } = remapWrites([statusWrite("2026-009", "办理中")], [header, ["2026-001"]], layout);

    expect(placed).toEqual([]);
    expect(held).toHaveLength(1);
  });

  it("finds a row without 编号 by its content, and gives it its new number only while the cell is blank", () => {
    const staffColumns = [
      { header: "编号", index: 0 },
      { header: "标题", index: 1 },
      { header: "领衔代表", index: 2 },
    ];
    const fp = fingerprint(["", "学校", "张三"], staffColumns);
    const write: PlannedWrite = {
      key: { kind: "content", fingerprint: fp },
      header: "编号",
      value: "2026-003",
      onlyIfBlank: true,
      sourceRow: 2,
    };

    const moved = remapWrites([write], [header, ["2026-001", "路灯", "李四"], ["", "学校", "张三"]], layout);
    const typedMeanwhile = remapWrites(
      [write],
      [header, ["2026-001", "路灯", "李四"], ["2026-777", "学校", "张三"]],
      layout,
    );

    expect(moved.placed).toEqual([{ row: 3, column: 0, header: "编号", value: "2026-003", sourceRow: 2 }]);
    expect(typedMeanwhile.placed).toEqual([]);
    expect(typedMeanwhile.held).toHaveLength(1);
  });

  it("holds writes for two identical rows without 编号", () => {
    const staffColumns = [
      { header: "编号", index: 0 },
      { header: "标题", index: 1 },
      { header: "领衔代表", index: 2 },
    ];
    const fp = fingerprint(["", "学校", "张三"], staffColumns);
    const twins = [header, ["", "学校", "张三"], ["", "学校", "张三"]];

    const { placed, held } = remapWrites(
      [{ key: { kind: "content", fingerprint: fp }, header: "编号", value: "2026-003", sourceRow: 2 }],
      twins,
      layout,
    );

    expect(placed).toEqual([]);
    expect(held[0]?.reason).toContain("唯一");
  });

  it("holds writes for a 编号 that appears twice", () => {
    const { held } = remapWrites(
      [statusWrite("2026-001", "办理中")],
      [header, ["2026-001"], ["2026-001"]],
      layout,
    );

    expect(held).toHaveLength(1);
  });
});
