import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../../src/domain/civil-date";
import type { CellMap } from "../../../src/domain/sync/plan-history";
import {
  holdShiftedCells,
  type SeenRow,
  shiftedColumnProblems,
  shiftedColumns,
} from "../../../src/domain/sync/shifted-column";

const d = (iso: string) => serialFromIso(iso);
const cells = (header: string, value: string | number | undefined): CellMap =>
  value === undefined || value === "" ? {} : { [header]: value };

/**
 * Rows `firstRow`… of one column, as stored and as read now; only the rows whose cell differs, as
 * the chunk hands them (a row whose digest matched its snapshot is not loaded).
 */
function seen(
  header: string,
  before: readonly (string | number)[],
  now: readonly (string | number)[],
  firstRow = 2,
): SeenRow[] {
  return before.flatMap((b, i) =>
    b === now[i]
      ? []
      : [{ rowNumber: firstRow + i, before: cells(header, b), now: cells(header, now[i] ?? "") }],
  );
}

/** The replies of twenty rows: blanks among them, several on one day (units reply in batches). */
const REPLIES = [
  "",
  d("2026-04-07"),
  d("2026-05-11"),
  d("2026-04-20"),
  "",
  d("2026-04-07"),
  d("2026-06-01"),
  d("2026-04-28"),
  d("2026-05-11"),
  "",
  d("2026-04-15"),
  d("2026-04-07"),
  d("2026-05-30"),
  "",
  d("2026-04-22"),
  d("2026-05-06"),
  d("2026-04-09"),
  "",
  d("2026-05-19"),
  d("2026-04-13"),
];

/** Google's sort of a range: ascending, blank cells last. */
const sorted = (values: readonly (string | number)[]) => [
  ...values.filter((v) => v !== "").sort((a, b) => Number(a) - Number(b)),
  ...values.filter((v) => v === ""),
];

describe("a column moved against its rows", () => {
  it("is found when 答复日期 alone is sorted: every changed row, blanked ones included, held to its stored value", () => {
    const rows = seen("答复日期", REPLIES, sorted(REPLIES));
    const shifts = shiftedColumns(rows);
    expect(shifts.map((s) => s.header)).toEqual(["答复日期"]);
    expect(shifts[0]?.rows).toEqual(rows.map((r) => ({ rowNumber: r.rowNumber, stored: r.before.答复日期 })));
    // Row 2 was blank and now reads the earliest date: it is held blank (still awaiting a reply).
    expect(shifts[0]?.rows[0]).toEqual({ rowNumber: 2, stored: undefined });
  });

  it("is found when a block of 答复日期 is pasted one row down (T10:T30 at T11:T31)", () => {
    const before = [...REPLIES, ...REPLIES.slice(0, 10)];
    const now = [before[0] ?? "", ...before.slice(0, -1)];
    const shifts = shiftedColumns(seen("答复日期", before, now));
    expect(shifts.map((s) => s.header)).toEqual(["答复日期"]);
  });

  it("is found in 主办单位 and 满意度 alike, each column on its own", () => {
    const units = ["区教育局", "区住建局", "区卫健委", "区民政局", "区交通运输局", "区教育局"];
    const ratings = ["满意", "基本满意", "满意", "不满意", "满意", "基本满意"];
    const down = (v: readonly string[]) => [v[0] ?? "", ...v.slice(0, -1)];
    const rows = units.map((u, i) => ({
      rowNumber: 2 + i,
      before: { 主办单位: u, 满意度: ratings[i] ?? "" },
      now: { 主办单位: down(units)[i] ?? "", 满意度: down(ratings)[i] ?? "" },
    }));
    expect(shiftedColumns(rows).map((s) => s.header)).toEqual(["主办单位", "满意度"]);
  });

  it("is not found when staff type five new 答复日期 of a day other rows already carry", () => {
    const day = d("2026-04-07");
    const now = REPLIES.map((v) => (v === "" ? day : v));
    expect(shiftedColumns(seen("答复日期", REPLIES, now))).toEqual([]);
  });

  it("is not found when one date is corrected, nor when a few 满意度 are changed the same way", () => {
    const now = [...REPLIES];
    now[2] = d("2026-04-07");
    expect(shiftedColumns(seen("答复日期", REPLIES, now))).toEqual([]);
    const ratings = ["基本满意", "基本满意", "满意", "基本满意", "基本满意", "满意"];
    const rated = ["满意", "满意", "满意", "满意", "基本满意", "满意"];
    expect(shiftedColumns(seen("满意度", ratings, rated))).toEqual([]);
  });

  it("is not found when an empty column is filled, nor when a reply is cleared", () => {
    const blank = REPLIES.map(() => "");
    expect(shiftedColumns(seen("答复日期", blank, REPLIES))).toEqual([]);
    expect(shiftedColumns(seen("答复日期", REPLIES, blank))).toEqual([]);
  });

  it("takes the stored cells into the rows it evaluates, leaving the rows as read untouched", () => {
    const read = [
      ["2026-001", d("2026-04-07")],
      ["2026-002", ""],
    ];
    const held = holdShiftedCells(
      read,
      2,
      [
        {
          header: "答复日期",
          rows: [
            { rowNumber: 2, stored: undefined },
            { rowNumber: 3, stored: 46000 },
          ],
        },
      ],
      (h) => (h === "答复日期" ? 1 : undefined),
    );
    expect(held).toEqual([
      ["2026-001", ""],
      ["2026-002", 46000],
    ]);
    expect(read[0]?.[1]).toBe(d("2026-04-07"));
  });

  it("says which rows of which column moved, and what to do, in one 错误", () => {
    const problems = shiftedColumnProblems(
      [
        {
          header: "答复日期",
          rows: [12, 13, 14, 20].map((rowNumber) => ({ rowNumber, stored: undefined })),
        },
      ],
      "建议台账",
    );
    expect(problems).toEqual([
      {
        tab: "建议台账",
        row: 12,
        column: "答复日期",
        level: "错误",
        id: null,
        message:
          "『答复日期』列第 12–14、20 行的值与上次同步相比整体错位（像是只对这一列排序，或粘贴时错了行）：" +
          "请用“撤销”或“文件 → 版本记录”恢复；改好之前，这些行的办理期限、台账状态和提醒都按上次同步的值。" +
          "确系有意调换的，请先清空这些格，下次同步后再填入",
      },
    ]);
  });
});
