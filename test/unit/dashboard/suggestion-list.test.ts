import { describe, expect, it } from "vitest";
import { listPages, SUGGESTIONS_PAGE_SIZE } from "../../../src/domain/dashboard/suggestion-list";
import type { FactTuple } from "../../../src/domain/summary/summary-row";

const tuple = (rowNumber: number, id: string | null): FactTuple => [rowNumber, id, "办理中", "", "", 0];

describe("the suggestions list's stored pages", () => {
  it("lists rows with a 编号 in 编号 order, a 编号 typed twice in sheet order, a hundred a page", () => {
    const facts = [
      tuple(2, "2026-003"),
      tuple(3, null),
      tuple(4, "2026-001"),
      tuple(5, ""),
      tuple(6, "2026-003"),
      ...Array.from({ length: 150 }, (_, i) => tuple(7 + i, `2026-${String(100 + i)}`)),
    ];
    const pages = listPages(facts);
    expect(pages.map((p) => p.length)).toEqual([SUGGESTIONS_PAGE_SIZE, 53]);
    expect(pages[0]?.slice(0, 3).map((t) => [t[0], t[1]])).toEqual([
      [4, "2026-001"],
      [2, "2026-003"],
      [6, "2026-003"],
    ]);
    expect(pages[1]?.at(-1)?.[1]).toBe("2026-249");
  });

  it("stores no page for a ledger without a 编号", () => {
    expect(listPages([tuple(2, null)])).toEqual([]);
  });
});
