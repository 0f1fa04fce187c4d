import { describe, expect, it } from "vitest";
import { type PlannedWrite, remapWrites } from "../../../src/domain/sync/remap";
import { fingerprint } from "../../../src/domain/sync/row-identity";
import { verifyCapture } from "../../../src/domain/sync/verify-capture";

const layout = { idHeader: "编号", staffHeaders: ["编号", "标题", "回访"] };
const staffOwned = new Set(layout.staffHeaders);
const header = ["编号", "标题", "回访", "台账状态"];
const NONCE = "n-1";

const write = (id: string, h: string, value: string): PlannedWrite => ({
  key: { kind: "id", id },
  header: h,
  value,
  sourceRow: 0,
});

/** Places writes on the rows as read, then builds the scratch copy of `atWrite` (the rows as they were when the batch landed). */
function capture(writes: PlannedWrite[], read: unknown[][], atWrite: unknown[][]) {
  const { placed } = remapWrites(writes, read, layout);
  const rows = [...new Set(placed.map((p) => p.row))].sort((a, b) => a - b);
  const scratch = [[...(atWrite[0] ?? []), NONCE], ...rows.map((r) => atWrite[r - 1] ?? [])];
  return { placed, rows, check: verifyCapture(placed, rows, scratch, NONCE, layout, staffOwned) };
}

describe("verifyCapture: checking each value against what its row held at the instant of the write", () => {
  it("confirms values that landed on the suggestion they were meant for", () => {
    const sheet = [header, ["2026-001", "学校", ""], ["2026-002", "路灯", ""]];

    const { check } = capture([write("2026-001", "回访", "是")], sheet, sheet);

    expect(check.landed).toBe(true);
    expect(check.confirmed.map((c) => c.row)).toEqual([2]);
    expect(check.next).toEqual([]);
    expect(check.restored).toEqual([]);
  });

  it("puts back what a sort just before the write made it overwrite, and places the value again by 编号", () => {
    const read = [header, ["2026-001", "学校", ""], ["2026-002", "路灯", "否"]];
    const sortedAtWrite = [header, ["2026-002", "路灯", "否"], ["2026-001", "学校", ""]];

    const { check } = capture([write("2026-001", "回访", "是")], read, sortedAtWrite);

    expect(check.confirmed).toEqual([]);
    expect(check.restored).toEqual([{ id: "2026-002", header: "回访", overwritten: "是", restored: "否" }]);
    // The next round writes 否 back on 2026-002's row and 是 on 2026-001's, wherever they are then.
    const next = remapWrites(
      check.next,
      [header, ["2026-002", "路灯", "是"], ["2026-001", "学校", ""]],
      layout,
    );
    expect(next.placed.map((p) => [p.row, p.header, p.value])).toEqual([
      [2, "回访", "否"],
      [3, "回访", "是"],
    ]);
  });

  it("keeps a 编号 a person typed at that very moment, and drops the number the system was giving", () => {
    const staffColumns = layout.staffHeaders.map((h, index) => ({ header: h, index }));
    const blank = ["", "新建议", ""];
    const numbering: PlannedWrite = {
      key: { kind: "content", fingerprint: fingerprint(blank, staffColumns) },
      header: "编号",
      value: "2026-003",
      onlyIfBlank: true,
      sourceRow: 2,
    };

    const { check } = capture([numbering], [header, blank], [header, ["2026-777", "新建议", ""]]);

    expect(check.confirmed).toEqual([]);
    expect(check.restored).toEqual([
      { id: "2026-777", header: "编号", overwritten: "2026-003", restored: "2026-777" },
    ]);
    expect(check.next.map((w) => [w.header, w.value])).toEqual([["编号", "2026-777"]]);
  });

  it("treats a column moved just before the write as misplaced", () => {
    const read = [header, ["2026-001", "学校", ""]];
    const movedAtWrite = [
      ["编号", "标题", "台账状态", "回访"],
      ["2026-001", "学校", "办理中", ""],
    ];

    const { check } = capture([write("2026-001", "回访", "是")], read, movedAtWrite);

    expect(check.confirmed).toEqual([]);
    expect(check.next.map((w) => [w.header, w.value]).sort()).toEqual([
      ["台账状态", "办理中"],
      ["回访", "是"],
    ]);
  });

  it("sends everything again when the scratch tab shows the batch never landed", () => {
    const sheet = [header, ["2026-001", "学校", ""]];
    const { placed } = remapWrites([write("2026-001", "回访", "是")], sheet, layout);

    const check = verifyCapture(placed, [2], [["编号", "标题", "old-nonce"]], NONCE, layout, staffOwned);

    expect(check.landed).toBe(false);
    expect(check.next).toEqual([write("2026-001", "回访", "是")]);
  });

  it("puts back a note a person typed between the read and the write, then adds the line to it", () => {
    const notes = ["编号", "标题", "回访", "备注"];
    const line: PlannedWrite = { ...write("2026-001", "备注", "二次答复（s-1）"), appendLine: true };

    const { check } = capture(
      [line],
      [notes, ["2026-001", "学校", "", "旧"]],
      [notes, ["2026-001", "学校", "", "新写的"]],
    );

    expect(check.confirmed).toEqual([]);
    // The sheet now holds the value computed from the old note; the repair writes the person's note with the line.
    const next = remapWrites(check.next, [notes, ["2026-001", "学校", "", "旧\n二次答复（s-1）"]], layout);
    expect(next.placed.map((p) => p.value)).toEqual(["新写的\n二次答复（s-1）"]);
  });
  it("puts back a value that landed in a column a person just inserted, and tells its own cell's change from before", () => {
    const read = [header, ["2026-001", "学校", ""]];
    // A blank column inserted left of 回访: 是 lands in it, 台账状态's value in 回访.
    const inserted = ["编号", "标题", "", "回访", "台账状态"];
    const atWrite = [inserted, ["2026-001", "学校", "", "", ""]];

    const { check } = capture(
      [write("2026-001", "回访", "是"), write("2026-001", "台账状态", "已办结")],
      read,
      atWrite,
    );

    expect(check.confirmed).toEqual([]);
    // Only the person's column is told: 回访 gets its own value anyway.
    expect(check.restored).toEqual([
      { id: "2026-001", header: "C 列（无表头）", overwritten: "是", restored: null, meantFor: "回访" },
    ]);
    const now = [inserted, ["2026-001", "学校", "是", "已办结", ""]];
    const next = remapWrites(check.next, now, layout);
    expect(next.placed.map((p) => [p.column, p.header, p.value]).sort()).toEqual([
      [2, "", ""],
      [3, "回访", "是"],
      [4, "台账状态", "已办结"],
    ]);
    // The repair round lands: 回访 is told from what it held before the first write, not 已办结.
    const rows = [2];
    const scratch = [[...inserted, NONCE], now[1] as unknown[]];
    const again = verifyCapture(next.placed, rows, scratch, NONCE, layout, staffOwned);
    expect(again.next).toEqual([]);
    expect(again.confirmed.map((p) => [p.header, p.was])).toContainEqual(["回访", ""]);
  });
});
