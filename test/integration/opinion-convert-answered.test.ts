import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { opinionsTab } from "../../sheets-schema/tabs";
import { serialFromIso } from "../../src/domain/civil-date";
import { opinionKey } from "../../src/domain/evaluation/opinions";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import { call, postForm, SHEET, seededAtFixtureTime } from "./dashboard-helpers";

const DEPUTY = DEPUTIES[0] as string;
const OPINIONS = `'${TAB_NAMES.opinions}'`;
const opinionHeaders = opinionsTab.columns.map((c) => c.header);
const opinion = (date: string, content: string, handling: string) => ({
  cells: [serialFromIso(date), "城关镇联络站", "李大爷", content, DEPUTY, handling, "", ""],
  key: opinionKey({ date, station: "城关镇联络站", deputy: DEPUTY, content }),
});

// 民意 rows 2–3: one the deputy answered on the spot, one forwarded to a department.
const ANSWERED = opinion("2026-10-12", "社保卡补办要带什么材料", "当场答复");
const FORWARDED = opinion("2026-10-13", "小区门口路灯坏了三个月", "转交部门");
const tabs = buildFixture(20);
tabs[TAB_NAMES.opinions] = [opinionHeaders, ANSWERED.cells, FORWARDED.cells];
seededAtFixtureTime(tabs);

const ANSWERED_REASON =
  "这条民意（第 2 行）已当场答复（处理方式为 当场答复），不是待交办的建议：如确需作为建议交办，请先在『民意』中把处理方式改为 转化为建议，再转化";

const suggestionsInInbox = async () =>
  (await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE form = 'suggestion'").first<{ n: number }>())
    ?.n;

describe("转化为建议：已当场答复的民意不转化", () => {
  it("『民意』页对当场答复的民意不给按钮，写明原因和怎么改", async () => {
    const html = await (await call("/opinions")).text();
    expect(html.match(/>转化为建议<\/button>/g)).toHaveLength(1);
    expect(html).not.toContain(`value="${ANSWERED.key}"`);
    expect(html).toContain(`name="key" value="${FORWARDED.key}"`);
    expect(html).toContain(ANSWERED_REASON);
  });

  it("当场答复的民意：拒绝转化（409），不新增建议，民意行不被改动", async () => {
    const before = await suggestionsInInbox();
    const refused = await postForm("/opinions/convert", { key: ANSWERED.key, row: "2" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain(ANSWERED_REASON);
    expect(await suggestionsInInbox()).toBe(before);
    const row = (await emulator.getValues(SHEET, OPINIONS))[1] ?? [];
    expect(row[opinionHeaders.indexOf("处理方式")]).toBe("当场答复");
    expect(row[opinionHeaders.indexOf("建议编号")] ?? "").toBe("");
  });
});
