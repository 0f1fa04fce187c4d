import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnyCellType } from "../../sheets-schema/cells/cell-type";
import { settingDefs } from "../../sheets-schema/settings";
import { ALL_TABS } from "../../sheets-schema/tabs";
import { serial } from "./helpers/make-row";

const cells: [string, AnyCellType][] = [
  ...ALL_TABS.flatMap((tab) =>
    tab.columns.map((col): [string, AnyCellType] => [`${tab.name}.${col.header}`, col.cell]),
  ),
  ...settingDefs.map((def): [string, AnyCellType] => [`设置.${def.item}`, def.cell as AnyCellType]),
].filter(([, cell]) => cell.fast !== undefined);

const raw = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom("立", "案", "是", "否", "、", ",", " ", "A", "满意", "\n") }),
  fc.constantFrom(
    "立案",
    "并案",
    "三个月",
    "A",
    "B",
    "满意",
    "不满意",
    "是",
    "否",
    "√",
    "Y",
    "不是",
    "休",
    "班",
    "email",
    "x".repeat(300),
    // A list cell's bounds: 200 items, 5,000 characters.
    "李、".repeat(200),
    "李、".repeat(201),
    `${"长".repeat(99)}、`.repeat(50),
    `${"长".repeat(99)}、`.repeat(50).slice(0, 5000),
  ),
  fc.integer({ min: -10, max: 100_000 }),
  fc.double(),
  fc.integer({ min: serial("1999-12-25"), max: serial("2101-01-05") }).map((n) => n + 0.25),
  fc.boolean(),
);

describe("cell fast paths", () => {
  it.each(cells)("%s: the shortcut gives exactly what the zod schema gives", (_name, cell) => {
    fc.assert(
      fc.property(raw, (value) => {
        const fast = cell.fast?.(value);
        if (fast === undefined) return;
        const parsed = cell.schema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(fast);
        // The shortcut skips warnTyped: it must take no value that 提醒 would be asked of.
        expect(cell.warnTyped?.(value, fast) ?? null).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
