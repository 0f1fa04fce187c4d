import { describe, expect, it } from "vitest";
import { parseDateValue } from "../../../sheets-schema/cells/date-cells";
import { serialFromIso } from "../../../src/domain/civil-date";
import {
  isVolatileFormula,
  mayHoldVolatile,
  rowKeepingVolatile,
} from "../../../src/domain/sync/volatile-formulas";

const TODAY = serialFromIso("2026-12-07");

describe("formulas whose value changes by itself", () => {
  it("are =TODAY(), =NOW(), RAND in any case and inside a formula; a stable formula or a name like SNOW is not", () => {
    for (const f of [
      "=TODAY()",
      "=today()",
      "= TODAY ( )",
      "=TODAY()+7",
      '=IF(A2,NOW(),"")',
      "=RANDBETWEEN(1,9)",
    ])
      expect(isVolatileFormula(f), f).toBe(true);
    for (const f of [
      "=B2+7",
      "=DATE(2026,3,2)",
      "=SNOW()",
      '=HYPERLINK("https://x","答复函")',
      "TODAY()",
      46083,
    ])
      expect(isVolatileFormula(f), String(f)).toBe(false);
  });

  it("are looked for only in rows with a date that reads as today or a day either side", () => {
    const row = (date: unknown) => ["2026-001", "标题", date];
    expect(mayHoldVolatile(row(TODAY), [2], TODAY)).toBe(true);
    expect(mayHoldVolatile(row(TODAY + 0.75), [2], TODAY)).toBe(true);
    expect(mayHoldVolatile(row(TODAY - 1), [2], TODAY)).toBe(true);
    expect(mayHoldVolatile(row(TODAY - 2), [2], TODAY)).toBe(false);
    expect(mayHoldVolatile(row("2026-12-07"), [2], TODAY)).toBe(false);
    // Only the date columns count: a number elsewhere is no date.
    expect(mayHoldVolatile([TODAY, "标题", ""], [2], TODAY)).toBe(false);
  });

  it("read as their formula text, the rest of the row as values; a row that moved between the reads keeps its values", () => {
    const values = ["2026-001", 7, TODAY, '=IMPORTXML("x")'];
    const formulas = ["2026-001", "=B2+6", "=TODAY()", '=IMPORTXML("x")'];
    expect(rowKeepingVolatile(formulas, values)).toEqual(["2026-001", 7, "=TODAY()", '=IMPORTXML("x")']);
    expect(rowKeepingVolatile(["2026-002", "", "=TODAY()"], values)).toEqual(values);
  });

  it("in a date cell is an 错误 that says to type the date", () => {
    expect(parseDateValue("=TODAY()")).toEqual({
      ok: false,
      message:
        "“=TODAY()”是公式，每天都会变成当天的日期（办理期限和通知随之每天变化）：请改为直接填写日期，如 2026-03-02（按 Ctrl+; 可填入今天的日期）",
    });
  });
});
