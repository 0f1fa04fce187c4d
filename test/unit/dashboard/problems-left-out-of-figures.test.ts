import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Problem } from "../../../src/domain/problems";
import { ProblemsPage } from "../../../src/http/dashboard/problems-page";

const problem = (row: number, column: string, level: Problem["level"], message: string): Problem => ({
  tab: TAB_NAMES.ledger,
  row,
  column,
  level,
  id: `2026-0${row}`,
  message,
});

/** The demo's kinds: an unreadable reply date (counted column), an unknown deputy (not counted). */
const problems: Problem[] = [
  problem(40, "答复日期", "错误", "答复日期“2026.13.5”不是日期：请写成 2026-03-02"),
  problem(41, "领衔代表", "错误", "领衔代表“王小二”不在『代表』表中"),
  problem(42, "答复日期", "提醒", "答复前未记录办前联系"),
];

async function render(): Promise<string> {
  const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: "2026-12-06" };
  const page = ProblemsPage({ problems, total: problems.length, level: null, restored: null, frame }) as {
    toString(): string | Promise<string>;
  };
  return String(await page.toString());
}

describe("/problems marks the 错误 that keep a row out of the figures", () => {
  it("says it beside an 错误 in a counted column only, where the figures' footnote sends a leader", async () => {
    const html = await render();
    const rowOf = (id: string) => html.split("<tr>").find((tr) => tr.includes(`>${id}</a>`)) ?? "";
    expect(rowOf("2026-040")).toContain("（改正前此行不计入统计）");
    expect(rowOf("2026-041")).not.toContain("不计入统计");
    expect(rowOf("2026-042")).not.toContain("不计入统计");
  });
});
