import { describe, expect, it } from "vitest";
import { unlistedFrom, unlistedMessage } from "../../../src/domain/links/recipient-listed";

/** A directory as the link page's context holds it: readable or not, with these names. */
function book(names: readonly string[], available = true) {
  return { available, entries: names, find: (n: string) => names.find((m) => m === n.replace(/\s/g, "")) };
}

const books = {
  units: book(["区教育局"]),
  deputies: book(["张明", "王书记"]),
  leaders: book(["赵晓梅副主任"]),
};

describe("whether a link's recipient is still in its tab", () => {
  it("names the tab a deputy, a unit or a leader is no longer in", () => {
    expect(unlistedFrom("deputy", "周芳", books)).toBe("『代表』表");
    expect(unlistedFrom("unit", "区交通运输局", books)).toBe("『承办单位』表");
    expect(unlistedFrom("leader", "陈建平副主任", books)).toBe("『领导』表和『代表』表");
    expect(unlistedMessage("周芳代表", "『代表』表")).toBe(
      "周芳代表已不在『代表』表中，此链接已停用；如有疑问请联系代表工委。",
    );
  });

  it("lets listed names through, as the tab's own lookup matches them (padding aside)", () => {
    expect(unlistedFrom("deputy", "张 明", books)).toBeNull();
    expect(unlistedFrom("unit", "区教育局", books)).toBeNull();
    expect(unlistedFrom("leader", "赵晓梅副主任", books)).toBeNull();
    // A leader listed as a 代表 only (the standing committee's, before 领导 lists him).
    expect(unlistedFrom("leader", "王书记", books)).toBeNull();
  });

  it("stops no link when the tab cannot say: unread, emptied, or 领导 not kept yet", () => {
    expect(unlistedFrom("deputy", "周芳", { ...books, deputies: book(["张明"], false) })).toBeNull();
    expect(unlistedFrom("unit", "区交通运输局", { ...books, units: book([]) })).toBeNull();
    expect(unlistedFrom("leader", "陈建平副主任", { ...books, leaders: book([]) })).toBeNull();
    expect(
      unlistedFrom("leader", "陈建平副主任", { units: books.units, deputies: books.deputies }),
    ).toBeNull();
    expect(unlistedFrom("leader", "陈建平副主任", { ...books, deputies: book([], false) })).toBeNull();
  });
});
