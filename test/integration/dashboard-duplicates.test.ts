import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { emulator } from "../support/emulator-admin";
import { buildFixture } from "../support/ledger-fixture";
import { call, pageText, SHEET, seedAndSync } from "./dashboard-helpers";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (h: string) => headers.indexOf(h);

/** The fixture with one typo: sheet row 10 (第9号) carries row 9's 编号 (第8号's), so 2026-008 is typed twice. */
function withTypedDuplicate() {
  const tabs = buildFixture(40);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  (ledger[9] as (string | number)[])[col("编号")] = "2026-008";
  return tabs;
}

const text = pageText;

/** CSV rows (the fixture has no quoted commas). */
async function csvRows(path: string): Promise<string[][]> {
  return (await text(path))
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

beforeAll(() => seedAndSync(withTypedDuplicate()));

describe("a 编号 typed twice", () => {
  it("lists and shows both rows, each with its row number and the problem", async () => {
    const list = await text("/suggestions");
    expect(list.match(/href="\/suggestions\/2026-008"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(list).toContain("关于改进第8号民生事项的建议");
    expect(list).toContain("关于改进第9号民生事项的建议");

    const page = await text("/suggestions/2026-008");
    expect(page).toContain("编号 2026-008 在『建议台账』中出现 2 次（第 9、10 行）");
    expect(page).toContain("第 9 行：关于改进第8号民生事项的建议");
    expect(page).toContain("第 10 行：关于改进第9号民生事项的建议");
    expect(page).not.toContain("已从台账中消失");

    // Stored by a build before the parts' index: the same page, every row searched.
    await env.DB.prepare("UPDATE summary_parts SET row_index = NULL WHERE part = 0").run();
    expect(await text("/suggestions/2026-008")).toBe(page);
  });

  it("counts both rows the same way in the 统计 tab, the scoreboard export, the year report and the ledger export", async () => {
    const tab = await emulator.getValues(SHEET, `'${TAB_NAMES.statistics}'`, "FORMATTED_VALUE");
    const units = await csvRows("/exports/units.csv");
    const byUnit = (rows: unknown[][]) =>
      new Map(rows.slice(1).map((r) => [String(r[0]), r.slice(1).map((v) => String(v ?? ""))]));
    const fromTab = byUnit(tab);
    const fromExport = byUnit(units);
    for (const [unit, figures] of fromTab) expect(fromExport.get(unit), unit).toEqual(figures);

    const report = (await (await call("/exports/report.json?year=2026")).json()) as {
      totals: { submitted: number };
      overall: { assigned: number };
    };
    const tabAssigned = [...fromTab.entries()]
      .filter(([unit]) => unit !== "合计")
      .reduce((n, [, figures]) => n + Number(figures[0]), 0);
    expect(report.overall.assigned).toBe(tabAssigned);
    expect(report.totals.submitted).toBe(40);
    expect(await csvRows("/exports/ledger.csv")).toHaveLength(41);
    const overview = await text("/");
    expect(overview).toContain("40");
  });

  it("shows on /problems exactly as many problems as the 校验问题 tab holds, the duplicate included", async () => {
    const tab = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    const page = await text("/problems");

    expect(page.match(/<td class="num" data-label="行号">/g)).toHaveLength(tab.length - 1);
    expect(tab.some((p) => p[2] === "2026-008" && String(p[5]).includes("重复"))).toBe(true);
    expect(page).toContain("重复");
    expect(page).not.toMatch(/\/api\//);
  });
});
