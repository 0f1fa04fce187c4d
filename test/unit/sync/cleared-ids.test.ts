import { describe, expect, it } from "vitest";
import {
  clearedIdColumn,
  clearedIdsProblem,
  clearedIdsReason,
  idHoldOf,
  idHoldText,
} from "../../../src/domain/sync/cleared-ids";

describe("clearedIdColumn", () => {
  it("takes 139 rows without 编号, where 139 suggestions had one, for a cleared 编号 column", () => {
    const cleared = clearedIdColumn({ dataRows: 139, numberedRows: 0, sheetIds: 0, presentBefore: 139 });
    expect(cleared).toEqual({
      blankRows: 139,
      missingIds: 139,
      presentBefore: 139,
      sheetIds: 0,
      partlyRestored: false,
    });
    expect(clearedIdsProblem(cleared as NonNullable<typeof cleared>)).toMatchObject({
      tab: "建议台账",
      column: "编号",
      level: "错误",
      row: null,
    });
  });

  it("numbers a new office's un-numbered ledger as always (D1 knows no suggestion)", () => {
    expect(clearedIdColumn({ dataRows: 139, numberedRows: 0, sheetIds: 0, presentBefore: 0 })).toBeNull();
  });

  it("numbers new rows added below numbered ones, however many (the old 编号 are still there)", () => {
    expect(
      clearedIdColumn({ dataRows: 300, numberedRows: 139, sheetIds: 139, presentBefore: 139 }),
    ).toBeNull();
  });

  it("numbers a few rows whose 编号 were cleared, and leaves fewer than 20 vanished as usual", () => {
    expect(clearedIdColumn({ dataRows: 30, numberedRows: 11, sheetIds: 11, presentBefore: 30 })).toBeNull();
    expect(clearedIdColumn({ dataRows: 30, numberedRows: 0, sheetIds: 0, presentBefore: 19 })).toBeNull();
  });

  it("numbers rows without 编号 when they are not most of the ledger", () => {
    expect(clearedIdColumn({ dataRows: 139, numberedRows: 70, sheetIds: 0, presentBefore: 139 })).toBeNull();
  });
});

describe("clearedIdColumn once a sync held the ledger", () => {
  // The sync before held 139 suggestions' ledger for a cleared 编号 column.
  const hold = idHoldOf(
    idHoldText({ blankRows: 139, missingIds: 139, presentBefore: 139, sheetIds: 0, partlyRestored: false }),
  );

  it("keeps holding a column pasted back in part: 70 of 139 numbered, 69 rows blank, 69 known 编号 still gone", () => {
    const count = { dataRows: 139, numberedRows: 70, sheetIds: 70, presentBefore: 139 };
    // Without the hold, the 69 blank rows would be numbered anew.
    expect(clearedIdColumn(count)).toBeNull();

    const cleared = clearedIdColumn(count, hold);

    expect(cleared).toMatchObject({ blankRows: 69, missingIds: 69, partlyRestored: true });
    const held = cleared as NonNullable<typeof cleared>;
    expect(clearedIdsReason(held)).toContain("编号列仍有 69 行为空、至少 69 个原编号尚未恢复");
    expect(clearedIdsProblem(held).message).toContain(
      "『建议台账』的编号列仍有 69 行为空（编号列被清空前系统存有 139 条建议，现在编号列有 70 个编号，至少还有 69 个原编号没有恢复）：疑似编号列只恢复了一部分",
    );
    expect(clearedIdsProblem(held).message).toContain("请把其余编号也恢复");
  });

  it("compares with the count from before the clearing, not a smaller one D1 holds meanwhile", () => {
    const count = { dataRows: 139, numberedRows: 100, sheetIds: 100, presentBefore: 100 };
    expect(clearedIdColumn(count, hold)).toMatchObject({ blankRows: 39, missingIds: 39, presentBefore: 139 });
  });

  it("lifts once the 编号 are back, or fewer than 20 rows are blank or known 编号 gone", () => {
    expect(
      clearedIdColumn({ dataRows: 139, numberedRows: 139, sheetIds: 139, presentBefore: 139 }, hold),
    ).toBeNull();
    expect(
      clearedIdColumn({ dataRows: 139, numberedRows: 120, sheetIds: 120, presentBefore: 139 }, hold),
    ).toBeNull();
    // New 编号 typed on purpose: the sheet holds as many 编号 as there were suggestions.
    expect(
      clearedIdColumn({ dataRows: 139, numberedRows: 110, sheetIds: 139, presentBefore: 139 }, hold),
    ).toBeNull();
  });

  it("reads no hold from an empty or unreadable entry", () => {
    expect(idHoldOf(undefined)).toBeNull();
    expect(idHoldOf("")).toBeNull();
    expect(idHoldOf("{")).toBeNull();
    expect(hold).toEqual({ presentBefore: 139 });
  });
});
