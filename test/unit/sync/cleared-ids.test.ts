import { describe, expect, it } from "vitest";
import { clearedIdColumn, clearedIdsProblem } from "../../../src/domain/sync/cleared-ids";

describe("clearedIdColumn", () => {
  it("takes 139 rows without 编号, where 139 suggestions had one, for a cleared 编号 column", () => {
    const cleared = clearedIdColumn({ dataRows: 139, numberedRows: 0, sheetIds: 0, presentBefore: 139 });
    expect(cleared).toEqual({ blankRows: 139, missingIds: 139, presentBefore: 139, sheetIds: 0 });
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
