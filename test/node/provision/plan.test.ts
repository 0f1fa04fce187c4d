import { describe, expect, it } from "vitest";
import { ALL_TABS, columnLetter, TAB_NAMES } from "../../../sheets-schema";
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
    const twice = columnLetter(ledgerHeaders.length);
    expect(plan.notes.join("\n")).toContain(`表头“标题”在第 C 列和第 ${twice} 列各有一个`);
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

const headerOf = (ledger: TabSnapshot) => ledger.header.map((c) => c.text);
const ledgerWith = (from: string, to: string | null) =>
  tab(
    TAB_NAMES.ledger,
    ledgerHeaders.flatMap((h) => (h !== from ? [h] : to === null ? [] : [to])),
  );
/** Every tab of the schema with its full header row, but the tabs given instead and none of `omit`. */
function sheetWith(replaced: TabSnapshot[], omit: string[] = []): { tabs: TabSnapshot[] } {
  const titles = new Set([...replaced.map((t) => t.title), ...omit]);
  const others = ALL_TABS.filter((t) => !titles.has(t.name)).map((t, i) =>
    tab(
      t.name,
      t.columns.map((c) => c.header),
      { sheetId: 100 + i },
    ),
  );
  return { tabs: [...replaced.map((t, i) => ({ ...t, sheetId: 10 + i })), ...others] };
}
const missingHeaderChanges = (plan: ReturnType<typeof planProvisioning>) =>
  plan.changes.filter((c) => c.zh.startsWith("缺少表头")).map((c) => `${c.tab}: ${c.zh}`);

describe("sheet:init and a header or tab staff renamed or deleted", () => {
  it("names a renamed header and adds no empty column in its place", () => {
    const plan = planProvisioning(sheetWith([ledgerWith("主办单位", "主办单位（牵头）")]));
    expect(missingHeaderChanges(plan)).toEqual([]);
    expect(plan.notes).toEqual([
      "建议台账: 缺少表头“主办单位”：第 P 列的表头是“主办单位（牵头）”，如果就是这一列，请把表头改回“主办单位”（不要新增一列）；如果不是这一列，请加上 --add-missing-columns 再运行 sheet:init",
    ]);
    // Nothing is planned on the renamed column as if it were 主办单位 (no dropdown moved onto it).
    const ledgerChanges = plan.changes.filter((c) => c.tab === TAB_NAMES.ledger).map((c) => c.zh);
    expect(ledgerChanges.filter((zh) => zh.includes("主办单位"))).toEqual([]);
  });

  it("does not add a deleted staff column to the ledger without --add-missing-columns, and says how to restore it", () => {
    const deleted = ledgerWith("答复日期", null);
    const plan = planProvisioning(sheetWith([deleted]));
    expect(missingHeaderChanges(plan)).toEqual([]);
    expect(plan.notes).toEqual([
      "建议台账: 缺少表头“答复日期”：如果这一列是被误删的，请先用“撤销”或“文件 → 版本记录”恢复；新建一个空列会让系统把这一列都当作空白（例如已答复的建议会变成未答复并发出催办）。确认要新建空列时，请加上 --add-missing-columns 再运行 sheet:init",
    ]);
    const confirmed = planProvisioning(sheetWith([deleted]), undefined, undefined, {
      addMissingColumns: true,
    });
    expect(confirmed.notes).toEqual([]);
    expect(missingHeaderChanges(confirmed)).toEqual([
      `建议台账: 缺少表头“答复日期”：补在第 ${columnLetter(headerOf(deleted).length)} 列`,
    ]);
  });

  it("writes nothing over a ledger whose row 1 is a suggestion (the header row sorted away) and says to undo", () => {
    const sorted = tab(TAB_NAMES.ledger, [
      "2026-056",
      "区人大",
      "关于增设公交站点的建议",
      "46100",
      "区交通局",
    ]);
    const plan = planProvisioning(sheetWith([sorted]));
    expect(plan.changes.filter((c) => c.tab === TAB_NAMES.ledger)).toEqual([]);
    expect(plan.notes).toEqual([
      "建议台账: 第 1 行不是表头，而像是一行数据（“2026-056”“区人大”“关于增设公交站点的建议”……）：表头行可能在排序时被移走或被删除了。请用“撤销”（Ctrl+Z）或“文件 → 版本记录”恢复，并冻结第 1 行（视图 → 冻结 → 1 行），以免排序时再被移走；不要在第 1 行补写表头，那会盖住这一行的内容。恢复之前『建议台账』不会同步",
    ]);
  });

  it("still adds system columns and the columns an older sheet lacks, without asking", () => {
    const older = tab(
      TAB_NAMES.ledger,
      ledgerHeaders.filter((h) => !["办理期限", "优秀建议", "来源"].includes(h)),
    );
    const plan = planProvisioning(sheetWith([older]));
    expect(plan.notes).toEqual([]);
    expect(missingHeaderChanges(plan).map((line) => line.replace(/：补在.*/, ""))).toEqual([
      "建议台账: 缺少表头“来源”",
      "建议台账: 缺少表头“优秀建议”",
      "建议台账: 缺少表头“办理期限”",
    ]);
  });

  it("names a renamed tab and does not create an empty one in its place", () => {
    const renamed = tab("承办单位（2026）", ["单位名称", "联系人"]);
    const plan = planProvisioning(sheetWith([renamed], [TAB_NAMES.units]));
    expect(plan.changes.filter((c) => c.tab === TAB_NAMES.units)).toEqual([]);
    expect(plan.notes).toEqual([
      "承办单位: 找不到工作表『承办单位』：表格中有『承办单位（2026）』，如果就是它，请把表名改回『承办单位』（不要新建一张空表）；如果不是它，请加上 --add-missing-tabs 再运行 sheet:init",
    ]);
    const confirmed = planProvisioning(sheetWith([renamed], [TAB_NAMES.units]), undefined, undefined, {
      addMissingTabs: true,
    });
    expect(confirmed.changes.filter((c) => c.zh === "新建工作表").map((c) => c.tab)).toEqual([
      TAB_NAMES.units,
    ]);
  });

  it("ignores a backup tab beside the real one", () => {
    const backup = tab("建议台账（备份）", ledgerHeaders);
    const plan = planProvisioning(sheetWith([backup]));
    expect(plan.notes).toEqual([]);
    expect(plan.changes.filter((c) => c.zh === "新建工作表")).toEqual([]);
  });
});
