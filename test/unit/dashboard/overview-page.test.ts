import { describe, expect, it } from "vitest";
import {
  computeOverview,
  DUE_SOON_SHOWN,
  OVERDUE_SHOWN_PER_UNIT,
  type OverviewFigures,
  overviewAsShown,
} from "../../../src/domain/dashboard/overview";
import type { SuggestionRef } from "../../../src/domain/dashboard/suggestion-ref";
import { OverviewPage } from "../../../src/http/dashboard/overview-page";
import { fixtureEvaluation, TODAY } from "./fixture";

const base = computeOverview(fixtureEvaluation());
const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };

function ref(n: number, status: SuggestionRef["status"], daysLeft: number): SuggestionRef {
  const id = `2026-${String(n).padStart(3, "0")}`;
  return {
    id,
    title: `建议${n}`,
    leadDeputy: "王建国",
    leadUnit: "区教育局",
    category: "",
    status,
    due: "2026-06-30",
    daysLeft,
    isKey: false,
    supervisor: "",
    problemCount: 0,
  };
}

async function render(figures: OverviewFigures): Promise<string> {
  // A component called as a function gives the same element as <OverviewPage …/> (this file is not TSX).
  const page = OverviewPage({ figures, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

describe("督办概览 shows the most pressing few of each list, the rest one click away", () => {
  it("一个单位逾期 8 件：列出最久的 5 件，另 3 件链接到单位页", async () => {
    const items = Array.from({ length: 8 }, (_, i) => ref(i + 1, "已逾期", -20 + i));
    const figures = { ...base, overdueByUnit: [{ unit: "区教育局", count: items.length, items }] };
    const html = await render(figures);
    // The figures as the sync's finish stores them (cut to what is shown) give the same page.
    expect(overviewAsShown(figures).overdueByUnit[0]?.items).toHaveLength(OVERDUE_SHOWN_PER_UNIT);
    expect(await render(overviewAsShown(figures))).toBe(html);
    for (const shown of items.slice(0, OVERDUE_SHOWN_PER_UNIT)) expect(html).toContain(`>${shown.id}</a>`);
    for (const hidden of items.slice(OVERDUE_SHOWN_PER_UNIT)) expect(html).not.toContain(`>${hidden.id}</a>`);
    expect(html).toContain(`<a href="/units/${encodeURIComponent("区教育局")}">另有 3 件，见单位页</a>`);
  });

  it("即将到期 25 件：表中 20 件，并链接到全部即将到期的建议", async () => {
    const dueSoon = Array.from({ length: 25 }, (_, i) => ref(100 + i, "即将到期", 1 + i));
    const figures = { ...base, dueSoon, dueSoonCount: dueSoon.length };
    const html = await render(figures);
    expect(overviewAsShown(figures).dueSoon).toHaveLength(DUE_SOON_SHOWN);
    expect(await render(overviewAsShown(figures))).toBe(html);
    expect(html.match(/<a href="\/suggestions\/2026-1\d\d">/g)).toHaveLength(DUE_SOON_SHOWN);
    expect(html).toContain(`全部 25 件`);
    expect(html).toContain(`href="/suggestions?status=${encodeURIComponent("即将到期")}"`);
    // The KPI still counts every one of them.
    expect(html).toMatch(/<div class="label">即将到期<\/div><div class="value">25<\/div>/);
  });

  it("不超过上限时不出现“另有”或“全部”链接", async () => {
    const html = await render(base);
    expect(html).not.toContain("见单位页");
    expect(html).not.toContain("最急的");
  });
});
