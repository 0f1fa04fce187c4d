import { describe, expect, it } from "vitest";
import { ledgerTab } from "../../../sheets-schema/tabs";
import type { LedgerRowEvaluation } from "../../../src/domain/evaluate-ledger-rows";
import type { PlacedWrite, PlannedWrite } from "../../../src/domain/sync/remap";
import { systemCellsOf } from "../../../src/jobs/sync/system-cells";

const headers = ledgerTab.columns.map((c) => c.header);
const columns = {
  present: ledgerTab.columns.map((column, index) => ({ column, index })),
  indexOf: {},
  extra: [],
};
const raw = headers.map((h) => (h === "台账状态" ? "已答复" : h === "办理期限" ? 46387 : ""));
const row = {
  rowNumber: 8,
  raw,
  computed: { dueDate: "2026-08-11", status: "已逾期", problems: "" },
} as unknown as LedgerRowEvaluation;
const key = { kind: "id", id: "2026-007" } as const;
const planned = (header: string, value: string | number): PlannedWrite => ({
  key,
  header,
  value,
  sourceRow: 8,
});
const placed = (header: string, value: string | number, was?: string): PlacedWrite => ({
  row: 8,
  column: headers.indexOf(header),
  header,
  value,
  sourceRow: 8,
  key,
  planned: planned(header, value),
  ...(was === undefined ? {} : { was }),
});

describe("systemCellsOf", () => {
  it("gives the cells written over with what they held as read", () => {
    const cells = systemCellsOf(
      { confirmed: [placed("台账状态", "已逾期"), placed("编号", "x")], held: [] },
      columns,
    )("2026-007", row);
    expect(cells.overwritten).toEqual([
      { id: "2026-007", rowNumber: 8, header: "台账状态", before: "已答复", written: "已逾期" },
    ]);
    expect(cells.systemValues).toEqual({ 办理期限: "2026-08-11", 台账状态: "已逾期", 校验问题: "" });
  });

  it("takes what a cell held at the instant of the write over what the chunk read (typed meanwhile)", () => {
    const cells = systemCellsOf({ confirmed: [placed("办理期限", 46245, "46401")], held: [] }, columns)(
      "2026-007",
      row,
    );
    expect(cells.overwritten).toMatchObject([{ header: "办理期限", before: 46401, written: 46245 }]);
  });

  it("keeps out of the snapshot a system value the sync could not write (the sheet does not hold it)", () => {
    const cells = systemCellsOf(
      { confirmed: [], held: [{ write: planned("办理期限", 46245), reason: "该行已移走或被改动" }] },
      columns,
    )("2026-007", row);
    expect(cells.overwritten).toEqual([]);
    expect(cells.systemValues).toEqual({ 台账状态: "已逾期", 校验问题: "" });
  });
});
