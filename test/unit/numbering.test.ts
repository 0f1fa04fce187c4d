import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compileIdFormat,
  createIdAllocator,
  formatId,
  type IdFormat,
  parseId,
} from "../../src/domain/numbering";

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
