import { describe, expect, it } from "vitest";
import { computeOverview, type OverviewFigures } from "../../../src/domain/dashboard/overview";
import { mergeOverview, overviewPart } from "../../../src/domain/figures/overview-part";
import { OverviewPage } from "../../../src/http/dashboard/overview-page";
import { PART_SIZES, storedLedger, throughJson } from "../figures/parts";
import { makeRow, makeTabs, serial } from "../helpers/make-row";
import { TODAY } from "./fixture";

const KEY = { 重点建议: "是", 主办单位: "区教育局", 交办日期: serial("2026-03-02") };

// A 重点建议 with both leaders, one with a 督办领导 only, one with neither.
const ledger = storedLedger(
  makeTabs([
    makeRow({ ...KEY, 编号: "2026-201", 督办领导: "刘振华主任", 领办领导: "张卫东副区长" }),
    makeRow({ ...KEY, 编号: "2026-202", 督办领导: "刘振华主任" }),
    makeRow({ ...KEY, 编号: "2026-203" }),
    makeRow({ 编号: "2026-204", 主办单位: "区教育局", 领办领导: "王副区长" }),
  ]),
  TODAY,
);

async function render(figures: OverviewFigures): Promise<string> {
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };
  const page = OverviewPage({ figures, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

/** The 重点建议 table's row of `id`. */
function keyRow(page: string, id: string): string {
  const table = page.slice(page.indexOf("重点建议与督办、领办领导"));
  const row = table.slice(table.indexOf(`>${id}</a>`));
  return row.slice(0, row.indexOf("</tr>"));
}

describe("督办概览's 重点建议 table names the 领办领导 beside the 督办领导", () => {
  it("shows each key suggestion's 督办领导 and 领办领导 in their own columns", async () => {
    const page = await render(computeOverview(ledger.view));
    expect(page).toContain("<th>督办领导</th><th>领办领导</th>");
    expect(keyRow(page, "2026-201")).toContain(
      '<td data-label="督办领导">刘振华主任</td><td data-label="领办领导">张卫东副区长</td>',
    );
    // No 领办领导 is no gap to fill (most suggestions have none); no 督办领导 on a key one is.
    expect(keyRow(page, "2026-202")).toContain(
      '<td data-label="督办领导">刘振华主任</td><td data-label="领办领导"><span class="muted">—</span></td>',
    );
    expect(keyRow(page, "2026-203")).toContain(
      '<td data-label="督办领导"><span class="muted">（未填）</span></td><td data-label="领办领导"><span class="muted">—</span></td>',
    );
    // A suggestion that is not key stays out of the table, whoever leads it.
    expect(page).not.toContain("王副区长");
  });

  it("shows it the same from the overview the sync stores (each part's share, through JSON)", async () => {
    const { rows: _rows, ...small } = ledger.view;
    const whole = await render(computeOverview(ledger.view));
    for (const size of PART_SIZES) {
      const shares = ledger.parts(size).map((rows) => throughJson(overviewPart(rows, TODAY)));
      const page = await render(throughJson(mergeOverview(shares, small)));
      expect(keyRow(page, "2026-201"), `parts of ${size} rows`).toContain(
        '<td data-label="督办领导">刘振华主任</td><td data-label="领办领导">张卫东副区长</td>',
      );
      expect(page).toBe(whole);
    }
  });
});
