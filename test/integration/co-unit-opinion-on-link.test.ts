import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { buildCalendar } from "../../src/domain/calendar";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { coOpinionDueOn } from "../../src/domain/notices/placeholders";
import { resetDatabase } from "../support/sync-helpers";
import { ASSIGNED, browse, buildLinkOffice, makeLink, postForm, syncOffice, TODAY } from "./links-setup";

/**
 * 区住建局 co-handles four suggestions: 2026-001 (区教育局, assigned ten days ago) and 2026-011
 * (区卫健委, twenty days ago) wait for its opinion; 2026-012's lead unit replied two days ago before
 * it sent one; to 2026-013 it delivered its opinion three days ago.
 */
const office = `co-opinion-${crypto.randomUUID().slice(0, 8)}`;
const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const REPLIED = addDaysIso(TODAY, -2);
const DELIVERED = addDaysIso(TODAY, -3);
const EARLY = addDaysIso(TODAY, -20);
/** 协办意见期限 as the 交办通知 computes it: 30 days (设置 default) on, past rest days. */
const deadlineFrom = (start: string) =>
  coOpinionDueOn(start, { coOpinionDays: 30, calendar: buildCalendar() });

let housing = "";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

beforeAll(async () => {
  await resetDatabase();
  const co = { 协办单位: "区住建局" };
  await buildLinkOffice(office, {
    more: [
      ["2026-011", "区卫健委", { ...co, 交办日期: serialFromIso(EARLY) }],
      [
        "2026-012",
        "区卫健委",
        {
          ...co,
          交办日期: serialFromIso(addDaysIso(TODAY, -25)),
          答复日期: serialFromIso(REPLIED),
          答复类别: "A",
          答复内容: "已拓宽道路。",
        },
      ],
      ["2026-013", "区教育局", { ...co, 交办日期: serialFromIso(addDaysIso(TODAY, -5)) }],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [
        header(coOpinionsTab),
        header(coOpinionsTab).map((h) =>
          h === "编号"
            ? "2026-013"
            : h === "协办单位"
              ? "区住建局"
              : h === "送达日期"
                ? serialFromIso(DELIVERED)
                : h === "内容摘要"
                  ? "同意拓宽方案"
                  : "",
        ),
      ],
    },
  });
  await syncOffice(office);
  housing = (await makeLink("unit", "区住建局")).path;
});

describe("a co-unit's 协办意见 on its personal link", () => {
  it("shows the co-unit its own 协办意见期限 on its suggestion page, the day its 交办通知 names", async () => {
    const html = await page(`${housing}/s/2026-001`);
    expect(html).toContain(`协办意见期限 ${deadlineFrom(ASSIGNED)}（尚未送达）`);
    expect(html).toContain(`action="${housing}/s/2026-001/co-opinion"`);
  });

  it("lists what the co-unit still owes first, the nearest 协办意见期限 first, and says what it sent", async () => {
    const html = await page(housing);
    const list = html.slice(html.indexOf("协办的建议"));
    const at = (id: string) => list.indexOf(`>${id}<`);
    expect(at("2026-011")).toBeGreaterThan(-1);
    expect(at("2026-011")).toBeLessThan(at("2026-001"));
    expect(at("2026-001")).toBeLessThan(at("2026-012"));
    expect(list).toContain(`协办意见期限 ${deadlineFrom(EARLY)}（尚未送达）`);
    expect(list).toContain(`已于 ${DELIVERED} 送达`);
    expect(list).toContain("主办单位已答复，无需再送达");
  });

  it("no longer offers the opinion once the lead unit replied, says why, and refuses the post (409)", async () => {
    const html = await page(`${housing}/s/2026-012`);
    const why = `主办单位已于 ${REPLIED} 答复代表，协办意见不再需要送达；如有补充，请直接与主办单位联系。`;
    expect(html).not.toContain(`action="${housing}/s/2026-012/co-opinion"`);
    expect(html).toContain(why);
    const response = await postForm(`${housing}/s/2026-012/co-opinion`, {
      nonce: crypto.randomUUID(),
      内容摘要: "补充意见",
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(why);
    const { results } = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM inbox WHERE form = 'co-opinion' AND suggestion_id = '2026-012'",
    ).all<{ n: number }>();
    expect(results[0]?.n).toBe(0);
  });
});
