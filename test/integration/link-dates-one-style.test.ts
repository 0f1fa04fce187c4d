import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab, coOpinionsTab, extensionsTab } from "../../sheets-schema/tabs";
import { buildCalendar } from "../../src/domain/calendar";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { coOpinionDueOn } from "../../src/domain/notices/placeholders";
import { resetDatabase } from "../support/sync-helpers";
import { ASSIGNED, browse, buildLinkOffice, makeLink, syncOffice, TODAY } from "./links-setup";

/**
 * Link pages write dates one way (2026-03-30), as their 交办日期, 办理期限 and 已于 … 送达 do: not
 * `协办意见期限 2026年3月30日（已于 2026-03-17 送达）` on one line. 区住建局 co-handles 2026-001 and
 * delivered its 协办意见 three days ago (in the tab); it co-handles 2026-005 too, assigned yesterday,
 * whose 异议期限 is still open.
 */
const office = `dates-${crypto.randomUUID().slice(0, 8)}`;
const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
const DELIVERED = addDaysIso(TODAY, -3);
const CHINESE_DATE = /\d{4}年\d{1,2}月\d{1,2}日/;

let housing = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      ["2026-005", "区教育局", { 协办单位: "区住建局", 交办日期: serialFromIso(addDaysIso(TODAY, -1)) }],
    ],
    tabs: {
      [TAB_NAMES.contacts]: [header(contactsTab)],
      [TAB_NAMES.extensions]: [header(extensionsTab)],
      [TAB_NAMES.coOpinions]: [
        header(coOpinionsTab),
        header(coOpinionsTab).map((h) =>
          h === "编号"
            ? "2026-001"
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

describe("dates on a co-unit's link pages", () => {
  it("writes the 协办意见期限 as the 送达 day beside it is written, on its page and in its list", async () => {
    const due = coOpinionDueOn(ASSIGNED, { coOpinionDays: 30, calendar: buildCalendar() });
    const line = `协办意见期限 ${due}（已于 ${DELIVERED} 送达）`;
    const page = await (await browse(`${housing}/s/2026-001`)).text();
    expect(page).toContain(line);
    expect(page).not.toMatch(CHINESE_DATE);
    const home = await (await browse(housing)).text();
    expect(home).toContain(line);
    expect(home).not.toMatch(CHINESE_DATE);
  });

  it("writes the 异议期限 and the link's 有效期至 the same way", async () => {
    const page = await (await browse(`${housing}/s/2026-005`)).text();
    expect(page).toContain('name="建议承办单位"');
    expect(page).toMatch(/请于 \d{4}-\d{2}-\d{2} 前提出/);
    expect(page).toMatch(/链接有效期至 \d{4}-\d{2}-\d{2}。/);
    expect(page).not.toMatch(CHINESE_DATE);
  });
});
