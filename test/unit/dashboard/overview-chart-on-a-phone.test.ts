import { describe, expect, it } from "vitest";
import { computeOverview, type OverviewFigures } from "../../../src/domain/dashboard/overview";
import { OverviewPage } from "../../../src/http/dashboard/overview-page";
import { APP_CSS } from "../../../src/http/dashboard/styles";
import { fixtureEvaluation, TODAY } from "./fixture";

const figures = computeOverview(fixtureEvaluation());
const frame = { lastSync: null, timeZone: "Asia/Shanghai", today: TODAY };
const SLOW_UNITS = "按期答复率最低的承办单位";

/** What a chart's card leaves for the chart on a 375 px phone: less the page's and the card's padding. */
const PHONE_CHART_PX = 375 - 2 * 12 - 2 * 12 - 2;

async function render(f: OverviewFigures): Promise<string> {
  // A component called as a function gives the same element as <OverviewPage …/> (this file is not TSX).
  const page = OverviewPage({ figures: f, frame }) as { toString(): string | Promise<string> };
  return String(await page.toString());
}

/** The opening tags of the svg drawings titled `title`, as the page has them. */
function charts(page: string, title: string): string[] {
  return [...page.matchAll(/<svg [^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`aria-label="${title}"`));
}

/** The font size the stylesheet gives a chart's labels, in the chart's own units. */
function labelFontSize(classes: string): number {
  const narrow = /svg\.chart\.narrow text\{font-size:(\d+)px/.exec(APP_CSS);
  const base = /svg\.chart text\{font-size:(\d+)px/.exec(APP_CSS);
  return Number((classes.includes("narrow") && narrow ? narrow : base)?.[1]);
}

describe("按期答复率较低的单位 on the overview", () => {
  it("says under the bars what red and blue mean", async () => {
    expect(figures.slowUnits.length).toBeGreaterThan(0);
    const page = await render(figures);
    const from = page.indexOf(`aria-label="${SLOW_UNITS}"`);
    const after = page.slice(from, page.indexOf("全部单位", from));
    expect(after).toMatch(/class="legend"[\s\S]*fill-danger[\s\S]*红色：有逾期未答复的建议/);
    expect(after).toMatch(/fill-info[\s\S]*蓝色：没有逾期未答复的建议/);
  });

  it("draws its unit names at 12 px or more on a 375 px phone", async () => {
    const page = await render(figures);
    // The drawing a phone shows: every one the stylesheet does not hide below 600 px.
    const shown = charts(page, SLOW_UNITS).filter((tag) => !/class="chart wide"/.test(tag));
    expect(shown).toHaveLength(1);
    const tag = shown[0] as string;
    const viewBoxWidth = Number(/viewBox="0 0 (\d+) /.exec(tag)?.[1]);
    const scale = Math.min(1, PHONE_CHART_PX / viewBoxWidth);
    const px = labelFontSize(/class="([^"]*)"/.exec(tag)?.[1] ?? "") * scale;
    expect(px).toBeGreaterThanOrEqual(12);
  });
});
