import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { contactsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { buildFixture, DEPUTIES, UNITS } from "../support/ledger-fixture";
import { pageText, seededAtFixtureTime } from "./dashboard-helpers";

// DEPUTIES[4] leads 2026-005 (交办 2026-10-20, 主办 UNITS[4]); the fixture already has its 办前 面商
// on 2026-10-27 with 代表参加 是. Added: a later one the deputy joined, one they did not, and one
// on another deputy's suggestion.
const DEPUTY = DEPUTIES[4] as string;
const UNIT = UNITS[4] as string;
const LONG = `现场查看了三处积水点，${"并与代表逐一核对了整改时限和责任科室".repeat(4)}`;
const contactHeaders = contactsTab.columns.map((c) => c.header);
const contact = (cells: Record<string, string | number>) => contactHeaders.map((h) => cells[h] ?? "");

const tabs = buildFixture(20);
tabs[TAB_NAMES.contacts]?.push(
  contact({
    编号: "2026-005",
    日期: serialFromIso("2026-11-10"),
    阶段: "办中",
    方式: "实地察看",
    承办单位: UNIT,
    代表参加: "是",
    内容: LONG,
  }),
  contact({
    编号: "2026-005",
    日期: serialFromIso("2026-11-12"),
    阶段: "办中",
    方式: "电话",
    承办单位: UNIT,
    代表参加: "否",
    内容: "代表未参加的一次电话沟通",
  }),
  contact({
    编号: "2026-006",
    日期: serialFromIso("2026-11-11"),
    阶段: "办中",
    方式: "座谈",
    承办单位: UNITS[5] as string,
    代表参加: "是",
    内容: "另一位代表参加的座谈",
  }),
);
seededAtFixtureTime(tabs);

describe("代表履职档案：参加的沟通", () => {
  it("列出代表本人参加的沟通（日期、编号链接到建议、阶段方式和单位、简短内容），最近的在前", async () => {
    const html = await pageText(`/deputies/${encodeURIComponent(DEPUTY)}`);

    expect(html).toContain("参加的沟通（2 次）");
    const card = html.slice(html.indexOf("参加的沟通（2 次）"), html.indexOf("接待的选民意见"));
    const later = card.indexOf("2026-11-10");
    const earlier = card.indexOf("2026-10-27");
    expect(later).toBeGreaterThan(-1);
    expect(earlier).toBeGreaterThan(later);
    expect(card).toContain('<a href="/suggestions/2026-005">2026-005</a>');
    expect(card).toContain(`办中沟通（实地察看）· ${UNIT}`);
    expect(card).toContain(`办前联系（面商）· ${UNIT}`);
    expect(card).toContain("内容：了解代表的具体诉求");
    // A long 内容 is cut here; the suggestion's page shows it whole.
    expect(card).toContain("内容：现场查看了三处积水点");
    expect(card).not.toContain(`内容：${LONG}<`);
    expect(card).toContain("…");
    expect(card).not.toContain("代表未参加的一次电话沟通");
    expect(card).not.toContain("另一位代表参加的座谈");
  });
});
