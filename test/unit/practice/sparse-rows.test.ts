import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { buildPracticeIndex } from "../../../src/domain/practice/practice-index";
import { BEFORE_CONTACT, practiceTabs } from "./helpers";

describe("practice rows D1 picked from a long tab (a sparse copy)", () => {
  it("reads only the rows the copy holds, at their sheet rows, and nothing between them", () => {
    const [header, contact] = practiceTabs({ contacts: [BEFORE_CONTACT] })[TAB_NAMES.contacts] ?? [];
    // As tabCache.loadRowsOf returns them: the header, then each picked row at its place.
    const sparse: unknown[][] = [header ?? []];
    sparse[5] = contact ?? [];
    sparse[2999] = [...(contact ?? [])];

    const index = buildPracticeIndex({ [TAB_NAMES.contacts]: sparse });

    expect(index.contacts.read.rows.map((r) => r.rowNumber)).toEqual([6, 3000]);
    expect(index.contacts.of("2026-001").map((r) => r.rowNumber)).toEqual([6, 3000]);
    expect(index.contacts.read.problems).toEqual([]);
  });

  it("still reads a blank row of the sheet itself as a blank row", () => {
    const [header, contact] = practiceTabs({ contacts: [BEFORE_CONTACT] })[TAB_NAMES.contacts] ?? [];
    const index = buildPracticeIndex({ [TAB_NAMES.contacts]: [header ?? [], [], contact ?? []] });

    expect(index.contacts.read.rows.map((r) => [r.rowNumber, r.blank])).toEqual([
      [2, true],
      [3, false],
    ]);
  });
});
