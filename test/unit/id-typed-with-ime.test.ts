import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { evaluateChunk, indexIdColumns } from "../../src/domain/evaluate-chunk";
import type { LedgerRowEvaluation } from "../../src/domain/evaluate-ledger";
import { buildLedgerContext } from "../../src/domain/ledger-context";
import { compileIdFormat, createIdAllocator, type IdFormat } from "../../src/domain/numbering";
import { evaluateRows, problemsOf, rowProblems, TODAY } from "./helpers/evaluate";
import { makeRow, makeTabs } from "./helpers/make-row";

/**
 * A 编号 typed with a Chinese IME (2026－240 for 2026-240): staff are told to retype it, the
 * numbering counts it as 2026-240, and a row typing 2026-240 is its duplicate. What staff typed
 * is kept as typed.
 */

function compiled(source: string): IdFormat {
  const result = compileIdFormat(source);
  if (!result.ok) throw new Error(result.message);
  return result.format;
}

const idProblems = (cells: Record<string, unknown>) => problemsOf(cells).filter((p) => p.column === "编号");

describe("a 编号 typed with full-width characters", () => {
  it("is an 错误 on its row naming the full-width character and the 编号 to write instead", () => {
    expect(idProblems({ 编号: "2026－240" })).toEqual([
      {
        column: "编号",
        level: "错误",
        message: "编号“2026－240”中有全角字符“－”：请改为半角“2026-240”（编号须与系统发出的通知一致）",
      },
    ]);
  });

  it("names each full-width digit and other dash once", () => {
    expect(idProblems({ 编号: "２０２６-240" })[0]?.message).toBe(
      "编号“２０２６-240”中有全角字符“２”“０”“６”：请改为半角“2026-240”（编号须与系统发出的通知一致）",
    );
    for (const dash of ["—", "–", "−"])
      expect(idProblems({ 编号: `2026${dash}240` })[0]?.message).toContain(
        `中有全角字符“${dash}”：请改为半角“2026-240”`,
      );
  });

  it("keeps the 编号 as staff typed it", () => {
    const row = evaluateRows([{ 编号: "2026－240" }]).rows[0];
    expect(row?.id).toBe("2026－240");
    expect(row?.newId).toBeNull();
  });

  it("says nothing of an ASCII 编号, nor of one in the office's own 编号格式 written in Chinese", () => {
    expect(idProblems({ 编号: "2026-240" })).toEqual([]);
    expect(idProblems({ 编号: "建议第12号" })).toEqual([]);
    const settings = [
      ["项目", "值", "说明"],
      ["编号格式", "{年}－{序号:3}", ""],
    ];
    const own = rowProblems(evaluateRows([{ 编号: "2026－240" }], { [TAB_NAMES.settings]: settings }), 2);
    expect(own.filter((p) => p.column === "编号")).toEqual([]);
  });
});

describe("numbering after a 编号 typed with full-width characters", () => {
  it("reads 2026－240 as 2026-240, so the next number is 2026-241", () => {
    const format = compiled("{年}-{序号:3}");
    expect(format.parse("2026－240")).toEqual({ year: 2026, seq: 240 });
    expect(format.parse("２０２６—２４０")).toEqual({ year: 2026, seq: 240 });
    expect(createIdAllocator(format, ["2026-001", "2026－240"]).next(2026)).toBe("2026-241");
  });

  it("gives a blank-编号 row 2026-241 beside a row typed 2026－240", () => {
    const rows = evaluateRows([{ 编号: "2026－240" }, { 编号: "", 标题: "新增的一条" }]).rows;
    expect(rows[1]?.newId).toBe("2026-241");
  });

  it("counts 2026-240 under a format written with a full-width dash", () => {
    expect(compiled("{年}－{序号:3}").parse("2026-240")).toEqual({ year: 2026, seq: 240 });
  });
});

describe("a 编号 that reads as another row's once full-width characters are read as ASCII", () => {
  const rows = [
    { 编号: "2026－240" },
    { 编号: "2026-240", 标题: "另一条" },
    { 编号: "2026-241", 标题: "第三条" },
  ];

  it("is reported as a duplicate on both rows, as the same 编号 typed twice is", () => {
    const evaluation = evaluateRows(rows);
    // The duplicate message's own words (its advice) are the duplicate check's: only its start is asked.
    const duplicate = (others: string, id: string) => ({
      column: "编号",
      level: "错误",
      message: expect.stringMatching(new RegExp(`^编号“${id}”与第 ${others} 行重复：编号必须唯一`)),
    });
    expect(rowProblems(evaluation, 2)).toContainEqual(duplicate("3", "2026－240"));
    expect(rowProblems(evaluation, 3)).toContainEqual(duplicate("2", "2026-240"));
    expect(rowProblems(evaluation, 4)).toEqual([]);
  });

  it("is found across the parts of a split sync, each part seeing the other's row", () => {
    const tabs = makeTabs(rows.map((cells) => makeRow(cells)));
    const ledger = tabs[TAB_NAMES.ledger] as unknown[][];
    const header = ledger[0] as unknown[];
    const column = (h: string) => ledger.map((row) => row[header.indexOf(h)]);
    const ids = indexIdColumns(column("编号"), column("审查结果"));
    const context = buildLedgerContext(tabs);
    const part = (first: number): readonly LedgerRowEvaluation[] =>
      evaluateChunk({
        context,
        header,
        rows: ledger.slice(first - 1, first),
        firstRow: first,
        today: TODAY,
        ids,
      }).rows;
    const messages = (first: number) => part(first).flatMap((r) => r.problems.map((p) => p.message));
    expect(messages(2)).toContainEqual(expect.stringContaining("编号“2026－240”与第 3 行重复"));
    expect(messages(3)).toContainEqual(expect.stringContaining("编号“2026-240”与第 2 行重复"));
    expect(messages(4)).toEqual([]);
  });

  it("indexes nothing more for ASCII 编号", () => {
    const index = indexIdColumns(
      ["编号", "2026-001", "2026-002", "2026-001"],
      ["审查结果", "立案", "立案", ""],
    );
    expect(index).toEqual({
      "2026-001": { rows: [2, 4], review: "立案" },
      "2026-002": { rows: [3], review: "立案" },
    });
  });
});
