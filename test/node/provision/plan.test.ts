import { describe, expect, it } from "vitest";
import { ALL_TABS, TAB_NAMES } from "../../../sheets-schema";
import { batchRequests } from "../../../tools/provision/apply";
import { resolveConnection } from "../../../tools/provision/connection";
import { planProvisioning } from "../../../tools/provision/plan";
import { BLANK_CELL, type TabSnapshot } from "../../../tools/provision/snapshot";

function tab(title: string, headers: string[], extra: Partial<TabSnapshot> = {}): TabSnapshot {
  return {
    sheetId: 7,
    title,
    rowCount: 1000,
    columnCount: 26,
    frozenRowCount: 1,
    header: headers.map((text) => ({ ...BLANK_CELL, text, bold: true })),
    firstRow: [],
    values: null,
    protectedRanges: [],
    conditionalFormats: [],
    ...extra,
  };
}

const ledgerHeaders = ALL_TABS.find((t) => t.name === TAB_NAMES.ledger)?.columns.map((c) => c.header) ?? [];

describe("planProvisioning (pure)", () => {
  it("adds every tab of an empty spreadsheet, and sends the new tabs before anything that uses them", () => {
    const plan = planProvisioning({ tabs: [] });
    const added = plan.changes.filter((c) => c.zh === "新建工作表").map((c) => c.tab);
    expect(added).toEqual(ALL_TABS.map((t) => t.name));
    const requests = batchRequests(plan.changes);
    const lastAdd = requests.map((r) => Boolean(r.addSheet)).lastIndexOf(true);
    expect(requests.slice(0, lastAdd + 1).every((r) => r.addSheet)).toBe(true);
  });

  it("is the same plan every time for the same sheet (so --check and a run agree)", () => {
    expect(planProvisioning({ tabs: [] })).toEqual(planProvisioning({ tabs: [] }));
  });

  it("removes its own system-column protection left on a column that is no longer a system column", () => {
    const staleId = 42;
    const ledger = tab(TAB_NAMES.ledger, ledgerHeaders, {
      protectedRanges: [
        {
          id: staleId,
          range: { sheetId: 7, startColumnIndex: 3, endColumnIndex: 4 },
          warningOnly: true,
          description: "系统列“办理期限”：每次同步时由系统重新计算",
        },
        {
          id: 43,
          range: { sheetId: 7, startColumnIndex: 2, endColumnIndex: 3 },
          warningOnly: true,
          description: "主任要求保护标题",
        },
      ],
    });
    const plan = planProvisioning({ tabs: [ledger] });
    const removals = batchRequests(plan.changes).filter((r) => r.deleteProtectedRange);
    expect(removals).toEqual([{ deleteProtectedRange: { protectedRangeId: staleId } }]);
  });

  it("reports a header written twice instead of changing it, and uses the first one", () => {
    const ledger = tab(TAB_NAMES.ledger, [...ledgerHeaders, "标题"]);
    const plan = planProvisioning({ tabs: [ledger] });
    expect(plan.notes.join("\n")).toContain("表头“标题”在第 C 列和第 AI 列各有一个");
    expect(plan.changes.filter((c) => c.tab === TAB_NAMES.ledger && c.zh.startsWith("缺少表头"))).toEqual([]);
  });

  it("asks for a bold header only where the known headers are not bold", () => {
    const ledger = tab(TAB_NAMES.ledger, ledgerHeaders);
    const plain = { ...ledger, header: ledger.header.map((c, i) => (i === 0 ? { ...c, bold: false } : c)) };
    const style = (t: TabSnapshot) =>
      planProvisioning({ tabs: [t] }).changes.filter(
        (c) => c.tab === TAB_NAMES.ledger && c.zh.startsWith("表头加粗"),
      );
    expect(style(ledger)).toEqual([]);
    expect(style(plain).map((c) => c.zh)).toEqual(["表头加粗：编号"]);
  });
});

describe("resolveConnection", () => {
  it("uses the local emulator and its key when no key is named", () => {
    const c = resolveConnection({});
    expect(c).toMatchObject({
      apiBase: "http://127.0.0.1:8790/",
      tokenUrl: "http://127.0.0.1:8790/token",
      local: true,
    });
    expect(c.keyFile).toMatch(/\.local\/service-account\.json$/);
    expect(c.spreadsheetId).toBe("demo");
  });

  it("uses Google with a named key, and the emulator's token URL when SHEETS_API_BASE points elsewhere", () => {
    expect(resolveConnection({ GOOGLE_APPLICATION_CREDENTIALS: "k.json" })).toMatchObject({
      apiBase: "https://sheets.googleapis.com/",
      tokenUrl: "https://oauth2.googleapis.com/token",
      spreadsheetId: undefined,
    });
    const emulator = resolveConnection({
      GOOGLE_APPLICATION_CREDENTIALS: "k.json",
      SHEETS_API_BASE: "http://127.0.0.1:9",
    });
    expect(emulator.tokenUrl).toBe("http://127.0.0.1:9/token");
    const explicit = resolveConnection({
      SHEETS_API_BASE: "http://h/",
      GOOGLE_TOKEN_URL: "http://t/token",
      GOOGLE_TOKEN_URL_X: "",
    });
    expect(explicit.tokenUrl).toBe("http://t/token");
  });
});
