import { describe, expect, it } from "vitest";
import { fitRowsForSheets } from "../../src/sheets/cell-limit";

describe("fitRowsForSheets", () => {
  it("cuts a text cell over Google's 50,000 characters to exactly 50,000, ending with a marker", () => {
    const rows = [["2026-001", "备".repeat(60_011), 46352, null]];

    const { rows: fitted, cut } = fitRowsForSheets(rows);

    expect(cut).toBe(1);
    const text = String(fitted[0]?.[1]);
    expect(text).toHaveLength(50_000);
    expect(text.endsWith("……（超出 Google 表格单元格 50000 字上限，以下从略）")).toBe(true);
    expect(fitted[0]?.slice(2)).toEqual([46352, null]);
  });

  it("returns rows within the limit untouched (the same row objects)", () => {
    const row = ["x".repeat(50_000), 1, true];
    const { rows, cut } = fitRowsForSheets([row]);
    expect(cut).toBe(0);
    expect(rows[0]).toBe(row);
  });
});
