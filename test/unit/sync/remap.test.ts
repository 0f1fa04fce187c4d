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

/** Where each value goes: the row, column and value, without the bookkeeping the writer carries along. */
const where = (placed: ReturnType<typeof remapWrites>["placed"]) =>
  placed.map(({ row, column, header, value, sourceRow }) => ({ row, column, header, value, sourceRow }));

describe("remapWrites", () => {
  it("writes each value into the row that now holds its 编号 after staff sorted the sheet", () => {
    const sorted = [header, ["2026-002", "路灯", "李四"], ["2026-001", "学校", "张三"]];

    const { placed, held } = remapWrites(
      [statusWrite("2026-001", "办理中"), statusWrite("2026-002", "已逾期")],
      sorted,
      layout,
    );

    expect(held).toEqual([]);
    expect(where(placed)).toEqual([
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

    expect(where(placed)).toEqual([{ row: 2, column: 0, header: "台账状态", value: "办理中", sourceRow: 2 }]);
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

    expect(where(moved.placed)).toEqual([
      { row: 3, column: 0, header: "编号", value: "2026-003", sourceRow: 2 },
    ]);
    expect(typedMeanwhile.placed).toEqual([]);
    expect(typedMeanwhile.held).toHaveLength(1);
  });

  it("keys a row without 编号 holding a cell pasted full by a short fingerprint that still tells it apart", () => {
    const staffColumns = [
      { header: "编号", index: 0 },
      { header: "标题", index: 1 },
      { header: "领衔代表", index: 2 },
    ];
    const pasted = "单位甲、".repeat(12_250);
    const fp = fingerprint(["", pasted, "张三"], staffColumns);
    // Every write for the row carries it, and a chunk's writes are kept in D1 until checked.
    expect(fp.length).toBeLessThan(100);
    expect(fingerprint(["", `${pasted}乙`, "张三"], staffColumns)).not.toBe(fp);
    const write: PlannedWrite = {
      key: { kind: "content", fingerprint: fp },
      header: "编号",
      value: "2026-003",
      onlyIfBlank: true,
      sourceRow: 2,
    };

    const { placed } = remapWrites(
      [write],
      [header, ["", `${pasted}乙`, "张三"], ["2026-001", "路灯", "李四"], ["", pasted, "张三"]],
      layout,
    );

    expect(where(placed)).toEqual([{ row: 4, column: 0, header: "编号", value: "2026-003", sourceRow: 2 }]);
  });

  it("finds a row without 编号 keyed in the sheet's column order, whatever order the writer lists them in", () => {
    // The plan lists the staff columns as the sheet has them (领衔代表 moved ahead of 标题, 备注 absent).
    const asTheSheetHasThem = [
      { header: "领衔代表", index: 1 },
      { header: "标题", index: 2 },
    ];
    const key = {
      kind: "content" as const,
      fingerprint: fingerprint(["", "张三", "学校"], asTheSheetHasThem),
    };
    const moved = [
      ["编号", "领衔代表", "标题", "台账状态"],
      ["", "张三", "学校", ""],
    ];

    const { placed, held } = remapWrites(
      [{ key, header: "编号", value: "2026-003", onlyIfBlank: true, sourceRow: 2 }],
      moved,
      { idHeader: "编号", staffHeaders: ["编号", "标题", "领衔代表", "备注"] },
    );

    expect(held).toEqual([]);
    expect(where(placed)).toEqual([{ row: 2, column: 0, header: "编号", value: "2026-003", sourceRow: 2 }]);
    // verify-capture lists a header the sheet lacks at index -1: left out as the others leave it out.
    expect(fingerprint(["", "张三", "学校"], [...asTheSheetHasThem, { header: "备注", index: -1 }])).toBe(
      key.fingerprint,
    );
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

  it("sends nothing for a cell that already holds the value", () => {
    const { placed, unchanged } = remapWrites(
      [statusWrite("2026-001", "办理中")],
      [header, ["2026-001", "学校", "张三", "办理中"]],
      layout,
    );

    expect(placed).toEqual([]);
    expect(unchanged).toHaveLength(1);
  });

  it("adds a line under what 备注 holds now, once, remembering the text it was added to", () => {
    const notes = ["编号", "标题", "备注"];
    const line: PlannedWrite = {
      key: { kind: "id", id: "2026-001" },
      header: "备注",
      value: "二次答复（s-1）已解决",
      appendLine: true,
      sourceRow: 2,
    };

    const first = remapWrites([line], [notes, ["2026-001", "学校", "代表电话 123"]], layout);
    const again = remapWrites(
      [line],
      [notes, ["2026-001", "学校", "代表电话 123\n二次答复（s-1）已解决"]],
      layout,
    );

    expect(first.placed[0]?.value).toBe("代表电话 123\n二次答复（s-1）已解决");
    expect(first.placed[0]?.expect).toBe("代表电话 123");
    expect(again.placed).toEqual([]);
    expect(again.unchanged).toEqual([line]);
  });

  it("falls back to a row's content when its 编号 is now on two rows", () => {
    const staffColumns = [
      { header: "编号", index: 0 },
      { header: "标题", index: 1 },
      { header: "领衔代表", index: 2 },
    ];
    const write: PlannedWrite = {
      ...statusWrite("2026-001", "办理中"),
      fallbackKey: { kind: "content", fingerprint: fingerprint(["2026-001", "学校", "张三"], staffColumns) },
    };

    const { placed } = remapWrites(
      [write],
      [header, ["2026-001", "路灯", "李四"], ["2026-001", "学校", "张三"]],
      layout,
    );

    expect(where(placed)).toEqual([{ row: 3, column: 3, header: "台账状态", value: "办理中", sourceRow: 2 }]);
  });
});
