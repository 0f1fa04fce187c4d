import { describe, expect, it } from "vitest";
import { checkSheet, sheetSwitchReason, shortSheetId } from "../../../src/domain/sync/switched-sheet";

const OLD = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd";
const NEW = "1ZyXwVuTsRqPoNmLkJiHgFeDcBa9876543210_-wxyz";

describe("the spreadsheet D1's history belongs to", () => {
  it("records the configured one silently when none is recorded (a first sync, the first after the upgrade)", () => {
    expect(checkSheet(undefined, NEW)).toEqual({ kind: "record" });
    expect(checkSheet(null, NEW)).toEqual({ kind: "record" });
    expect(checkSheet("", NEW)).toEqual({ kind: "record" });
  });

  it("reads the same one as always", () => {
    expect(checkSheet(OLD, OLD)).toEqual({ kind: "same" });
  });

  it("holds for another one, from the recorded to the configured", () => {
    expect(checkSheet(OLD, NEW)).toEqual({ kind: "switched", switched: { from: OLD, to: NEW } });
  });

  it("shows a Google ID by its start and end, a short one whole", () => {
    expect(shortSheetId(OLD)).toBe("1AbCdE…-_abcd");
    expect(shortSheetId("test-sheet")).toBe("test-sheet");
  });

  it("says what changed, what the sync did not do, and both ways on", () => {
    const reason = sheetSwitchReason({ from: OLD, to: NEW });
    expect(reason).toMatch(/^表格已从 1AbCdE…-_abcd 换成 1ZyXwV…_-wxyz（SPREADSHEET_ID 改了）：/);
    expect(reason).toContain("同步不读取也不写入新表格（不写『校验问题』，不改台账）");
    expect(reason).toContain("请在看板上点“确认改用新表格”");
    expect(reason).toContain("确认后原表格的建议会全部记为消失");
    expect(reason).toContain("把 SPREADSHEET_ID 改回原表格，或为新台账另建一个 D1 数据库重新部署");
  });
});
