import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileIdFormat,
  createIdAllocator,
  formatId,
  type IdFormat,
  parseId,
} from "../../src/domain/numbering";
import { idFloors, unlikeIdsProblem } from "../../src/domain/sync/id-floors";

function compiled(source: string): IdFormat {
  const result = compileIdFormat(source);
  if (!result.ok) throw new Error(result.message);
  return result.format;
}

describe("编号格式", () => {
  it("formats the default {年}-{序号:3} as 2025-007", () => {
    expect(formatId(compiled("{年}-{序号:3}"), 2025, 7)).toBe("2025-007");
  });

  it("pads {序号:N} to N digits without cutting longer numbers, and leaves {序号} unpadded", () => {
    expect(formatId(compiled("{年}-{序号:3}"), 2025, 1234)).toBe("2025-1234");
    expect(formatId(compiled("{序号}"), 2025, 7)).toBe("7");
    expect(formatId(compiled("JY{年}{序号:4}号"), 2026, 12)).toBe("JY20260012号");
  });

  it("parses an existing 编号 back to year and sequence", () => {
    expect(parseId(compiled("{年}-{序号:3}"), "2025-007")).toEqual({ year: 2025, seq: 7 });
    expect(parseId(compiled("{年}-{序号:3}"), " 2025-1234 ")).toEqual({ year: 2025, seq: 1234 });
    expect(parseId(compiled("{序号:3}/{年}"), "007/2026")).toEqual({ year: 2026, seq: 7 });
    expect(parseId(compiled("{序号:3}"), "042")).toEqual({ year: null, seq: 42 });
  });

  it("does not parse numbers written in another format", () => {
    const format = compiled("{年}-{序号:3}");
    expect(parseId(format, "2025-7")).toBeNull();
    expect(parseId(format, "JY2025-007")).toBeNull();
    expect(parseId(format, "2025.007")).toBeNull();
  });

  it.each([
    ["", "不能为空"],
    ["{年}-{号}", "“{号}”无法识别"],
    ["{年}", "恰好含一个 {序号}"],
    ["{序号}-{序号}", "恰好含一个 {序号}"],
    ["{年}{年}-{序号}", "{年} 只能出现一次"],
    ["{年}-{序号", "不成对的大括号"],
    ["{序号:0}", "无法识别"],
  ])("rejects the format %j", (source, message) => {
    const result = compileIdFormat(source);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it("gives back what it formats, for any year and sequence", () => {
    const formats = ["{年}-{序号:3}", "{序号}", "JY{年}{序号:4}", "{序号:2}（{年}）"].map(compiled);
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 99_999 }),
        (format, year, seq) => {
          expect(parseId(format, formatId(format, year, seq))).toEqual({
            year: format.hasYear ? year : null,
            seq,
          });
        },
      ),
    );
  });
});

describe("the allocator", () => {
  it("continues after the highest number of each year and never collides", () => {
    const allocator = createIdAllocator(compiled("{年}-{序号:3}"), [
      "2025-007",
      "2025-003",
      "2026-001",
      "旧-12",
    ]);
    expect([allocator.next(2025), allocator.next(2025), allocator.next(2026), allocator.next(2027)]).toEqual([
      "2025-008",
      "2025-009",
      "2026-002",
      "2027-001",
    ]);
  });

  it("runs one sequence across years when the format has no {年}", () => {
    const allocator = createIdAllocator(compiled("{序号:3}"), ["005"]);
    expect([allocator.next(2026), allocator.next(2027)]).toEqual(["006", "007"]);
  });
});

describe("编号 written otherwise than the format (an office's own ledger)", () => {
  const format = compiled("{年}-{序号:3}");
  const digitsOnly = (year: number, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${year}${String(from + i).padStart(3, "0")}`);

  it("reads 2025001, 2025/001 and 2025 001 as 2025's 001, and refuses what only looks like it", () => {
    expect(format.parse("2025001")).toBeNull();
    for (const id of ["2025001", "2025/001", "2025 001", "2025_001", "2025.001", " 2025001 "])
      expect(format.parseAlike(id)).toEqual({ year: 2025, seq: 1 });
    expect(format.parseAlike("20251234")).toEqual({ year: 2025, seq: 1234 });
    // No plausible year, too few digits for {序号:3}, or more than the parts: not a number of ours.
    for (const id of ["1234567", "9999001", "202501", "2025-7", "JY2025001", "2025-001-2", "2025年001"])
      expect(format.parseAlike(id)).toBeNull();
    expect(compiled("JY{年}-{序号:4}号").parseAlike("JY20250012号")).toEqual({ year: 2025, seq: 12 });
    expect(compiled("{序号:3}/{年}").parseAlike("0072026")).toEqual({ year: 2026, seq: 7 });
    // A format of one part has no separator to leave out.
    expect(compiled("{序号:3}").parseAlike("0-42")).toBeNull();
  });

  it("writes the format the way the office numbers, to suggest it", () => {
    expect(format.sourceLike("2025001")).toBe("{年}{序号:3}");
    expect(format.sourceLike("20250001")).toBe("{年}{序号:4}");
    expect(format.sourceLike("2025/001")).toBe("{年}/{序号:3}");
    expect(compiled("{年}{序号:3}").sourceLike("2025-001")).toBe("{年}-{序号:3}");
    expect(format.sourceLike("1234567")).toBeNull();
  });

  it("continues after 2025001…2025150 with 2025-151, never a number reading like one of them", () => {
    const allocator = createIdAllocator(format, [...digitsOnly(2025, 1, 150), ...digitsOnly(2026, 1, 358)]);
    expect([allocator.next(2025), allocator.next(2025), allocator.next(2026)]).toEqual([
      "2025-151",
      "2025-152",
      "2026-359",
    ]);
  });

  it("raises each year's floor over them and names them once for the 提醒 on 设置", () => {
    const ids = ["2025-003", ...digitsOnly(2025, 1, 150), ...digitsOnly(2026, 1, 358), "旧-12"];
    const { floors, unlike } = idFloors(format, ids);
    expect(floors).toEqual(
      new Map([
        [2025, 150],
        [2026, 358],
      ]),
    );
    expect(unlike).toEqual({ count: 508, example: "2025001" });
    expect(idFloors(format, ["2025-001", "2025－002"]).unlike).toBeNull();
    const problem = unlikeIdsProblem(format, { count: 508, example: "2025001" }, 3);
    expect(problem).toMatchObject({ tab: "设置", row: 3, column: "值", level: "提醒", id: null });
    expect(problem.message).toBe(
      "『建议台账』中有 508 个编号的写法与编号格式 {年}-{序号:3} 不同（如 2025001，按编号格式应写作 2025-001）：新编号会接着这些编号的序号往下编，不会重号，但仍按编号格式书写，两种写法会同时出现。如本单位一直这样编号，请把本行的值改为 {年}{序号:3}",
    );
    expect(unlikeIdsProblem(format, { count: 508, example: "2025001" }, null)).toMatchObject({
      row: null,
      column: null,
      message: expect.stringMatching(/请在『设置』中添加一行：项目填 编号格式，值填 \{年\}\{序号:3\}$/),
    });
  });
});
