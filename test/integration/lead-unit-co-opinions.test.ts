import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { buildCalendar } from "../../src/domain/calendar";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { coOpinionDueOn } from "../../src/domain/notices/placeholders";
import { resetDatabase } from "../support/sync-helpers";
import {
  ASSIGNED,
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  postForm,
  syncOffice,
  TODAY,
} from "./links-setup";

/**
 * 区教育局 leads 2026-031, assigned ten days ago, with 区住建局 and 区卫健委 helping: 区卫健委 delivered
 * its 协办意见 three days ago (in the tab), 区住建局 has sent nothing yet. Before it replies, the lead
 * unit's page says whom it still waits for, and an opinion sent through a co-unit's link shows there
 * at once, before the next sync writes it to the 协办意见 tab.
 */
const office = `lead-co-${crypto.randomUUID().slice(0, 8)}`;
const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const DELIVERED = addDaysIso(TODAY, -3);
/** 协办意见期限 as the 交办通知 (and the co-unit's own page) computes it. */
const DEADLINE = coOpinionDueOn(ASSIGNED, { coOpinionDays: 30, calendar: buildCalendar() });

let education = "";
let housing = "";

async function page(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

/** The page's 协办意见 card (the lead unit's). */
function coCard(html: string): string {
  const start = html.indexOf("<h2>协办意见</h2>");
  expect(start, "no 协办意见 card").toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

beforeAll(async () => {
  await resetDatabase();
  const opinion = (cells: Record<string, string | number>) =>
    header(coOpinionsTab).map((h) => cells[h] ?? "");
  await buildLinkOffice(office, {
    more: [["2026-031", "区教育局", { 协办单位: "区住建局、区卫健委" }]],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [
        header(coOpinionsTab),
        opinion({
          编号: "2026-031",
          协办单位: "区卫健委",
          送达日期: serialFromIso(DELIVERED),
          内容摘要: "同意设置接送区",
        }),
      ],
    },
  });
  await syncOffice(office);
  education = (await makeLink("unit", "区教育局")).path;
  housing = (await makeLink("unit", "区住建局")).path;
});

describe("the lead unit's page of a suggestion with co-units", () => {
  it("shows each co-unit's 协办意见: 区卫健委's arrived (送达日期, 内容摘要), 区住建局's not yet, with its 协办意见期限", async () => {
    const card = coCard(await page(`${education}/s/2026-031`));
    expect(card).toContain("尚待 区住建局 送达协办意见。");
    expect(card).toContain("区卫健委");
    expect(card).toContain(`${DELIVERED} 送达：同意设置接送区`);
    expect(card).toContain(`协办意见期限 ${DEADLINE}（已于 ${DELIVERED} 送达）`);
    expect(card).toContain(`协办意见期限 ${DEADLINE}（尚未送达）`);
    // The co-unit's own page names the same 协办意见期限.
    expect(await page(`${housing}/s/2026-031`)).toContain(`协办意见期限 ${DEADLINE}（尚未送达）`);
  });

  it("shows an opinion a co-unit just sent through its link at once, before the sync writes it to the tab", async () => {
    const action = `${housing}/s/2026-031/co-opinion`;
    const sent = await postForm(action, {
      nonce: nonceOf(await page(`${housing}/s/2026-031`), action),
      内容摘要: "同意拓宽道路，由本局负责施工审批",
    });
    expect(sent.status).toBe(303);
    const card = coCard(await page(`${education}/s/2026-031`));
    expect(card).not.toContain("尚待");
    expect(card).toContain(`协办意见期限 ${DEADLINE}（已于 ${TODAY} 送达）`);
    expect(card).toContain(`${TODAY} 送达：同意拓宽道路，由本局负责施工审批`);
  });

  it("has no 协办意见 card on a suggestion without co-units, nor on a co-unit's page", async () => {
    expect(await page(`${housing}/s/2026-002`)).not.toContain("<h2>协办意见</h2>");
    expect(await page(`${housing}/s/2026-031`)).not.toContain("<h2>协办意见</h2>");
  });
});
