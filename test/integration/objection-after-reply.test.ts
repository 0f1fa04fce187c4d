import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { buildLinkOffice, makeLink, objectThroughLink, syncOffice, TODAY } from "./links-setup";
import { decideObjection, editLedger, objectionDecision, okPage } from "./objection-setup";

/**
 * A unit objected to its assignment, then replied before staff decided: staff type 答复日期 and
 * 答复类别 into the ledger and the next sync runs. The unit evidently took the suggestion, so the
 * objection no longer waits under 待代表工委决定 nor in 校验问题, and the history and the unit's page
 * say why. All assigned yesterday: 2026-001 (区教育局 lead, 区住建局 co), 2026-004 (区卫健委 lead),
 * 2026-005 (区民政局 lead).
 */
const office = `objection-reply-${crypto.randomUUID().slice(0, 8)}`;
const ADMIN = { authorization: "Bearer test-admin-token" };
const YESTERDAY = addDaysIso(TODAY, -1);
const ASKS_STAFF = "请在督办看板“待代表工委决定”中决定";

const links: Record<string, string> = {};
const ids: Record<string, string> = {};

/** The overview's 待代表工委决定 card as staff read it; "" when the overview has none (nothing to decide). */
async function decisionsCard(): Promise<string> {
  const html = await okPage("/", { headers: ADMIN });
  const from = html.indexOf("待代表工委决定（");
  return from < 0 ? "" : html.slice(from, html.indexOf("</section>", from));
}

/** 校验问题 as the sync wrote it, one line a row. */
async function problemLines(): Promise<string[]> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
  return values.map((r) => r.map(String).join(" | "));
}

async function history(id: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT new_value FROM audit_trail WHERE suggestion_id = ?1 AND column_name = '交办异议' ORDER BY seq",
  )
    .bind(id)
    .all<{ new_value: string }>();
  return results.map((r) => r.new_value);
}

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  const yesterday = serialFromIso(YESTERDAY);
  await buildLinkOffice(office, {
    changes: { "2026-001": { 交办日期: yesterday } },
    more: [
      ["2026-004", "区卫健委", { 交办日期: yesterday }],
      ["2026-005", "区民政局", { 交办日期: yesterday }],
    ],
  });
  await syncOffice(office);
  for (const unit of ["区住建局", "区卫健委", "区民政局"]) links[unit] = (await makeLink("unit", unit)).path;
  ids.lead = await objectThroughLink(
    office,
    links.区卫健委 ?? "",
    "区卫健委",
    "2026-004",
    "道路建设不属于本单位职责",
  );
  ids.co = await objectThroughLink(
    office,
    links.区住建局 ?? "",
    "区住建局",
    "2026-001",
    "本单位不涉及通学道路",
  );
  ids.upheld = await objectThroughLink(
    office,
    links.区民政局 ?? "",
    "区民政局",
    "2026-005",
    "不属于民政职责",
  );
  // No edit of the sheet: the sync writes 校验问题 anew for the objections alone.
  await syncOffice(office);
});

describe("an objection the unit answered before staff decided", () => {
  it("waits under 待代表工委决定 and in 校验问题 before the reply (the state staff start from)", async () => {
    const card = await decisionsCard();
    expect(card).toContain("待代表工委决定（3）");
    expect(card).toContain("道路建设不属于本单位职责");
    expect(card).toContain("本单位不涉及通学道路");
    expect((await problemLines()).filter((l) => l.includes(ASKS_STAFF))).toHaveLength(3);
    // Staff decide one before any reply: that decision must outlive the reply.
    expect((await decideObjection(ids.upheld ?? "", "upheld", "属民政职责")).status).toBe(303);
  });

  it("leaves 待代表工委决定 on the overview once 答复日期 and 答复类别 are in the ledger and the sync ran", async () => {
    for (const id of ["2026-004", "2026-001", "2026-005"])
      await editLedger(office, id, { 答复日期: serialFromIso(TODAY), 答复类别: "A" });
    await syncOffice(office);

    // Nothing else waits for staff here, so the overview has no 待代表工委决定 card at all.
    expect(await decisionsCard()).toBe("");
    const overview = await okPage("/", { headers: ADMIN });
    expect(overview).not.toContain("道路建设不属于本单位职责");
    expect(overview).not.toContain("本单位不涉及通学道路");
  });

  it("takes its 提醒 out of 校验问题 with the same sync", async () => {
    const lines = await problemLines();
    expect(lines.filter((l) => l.includes(ASKS_STAFF))).toEqual([]);
    expect(lines.some((l) => l.includes("对交办提出异议"))).toBe(false);
  });

  it("keeps the objection in the suggestion's history with why no decision is needed, the co-unit's too", async () => {
    expect(await objectionDecision(ids.lead ?? "")).toEqual({
      decision: "replied",
      decided_by: "同步（单位已答复）",
      note: null,
    });
    expect(await history("2026-004")).toContain(`区卫健委已于 ${TODAY} 答复，其异议不再需要决定`);
    expect(await history("2026-001")).toContain(
      `主办单位区教育局已于 ${TODAY} 答复，区住建局（协办）的异议不再需要决定`,
    );
    const dashboard = await okPage("/suggestions/2026-004", { headers: ADMIN });
    expect(dashboard).toContain(`区卫健委已于 ${TODAY} 答复，其异议不再需要决定`);
  });

  it("shows the unit its objection with the reply that closed it, not 等待代表工委决定", async () => {
    const lead = await okPage(`${links.区卫健委}/s/2026-004`);
    expect(lead).toContain("道路建设不属于本单位职责");
    expect(lead).toContain(`处理：本单位已于 ${TODAY} 答复，此异议不再需要决定`);
    expect(lead).not.toContain("等待代表工委决定");
    const co = await okPage(`${links.区住建局}/s/2026-001`);
    expect(co).toContain(`处理：主办单位已于 ${TODAY} 答复，此异议不再需要决定`);
  });

  it("leaves an objection staff had decided as they decided it", async () => {
    expect(await objectionDecision(ids.upheld ?? "")).toMatchObject({
      decision: "upheld",
      note: "属民政职责",
    });
    const lines = await history("2026-005");
    expect(lines.some((l) => l.includes("不再需要决定"))).toBe(false);
    expect(await okPage(`${links.区民政局}/s/2026-005`)).toContain("代表工委决定维持交办");
  });

  it("refuses 维持交办 clicked on a page opened before the sync, saying the reply settled it", async () => {
    const late = await decideObjection(ids.lead ?? "", "upheld");
    expect(late.status).toBe(409);
    expect(await late.text()).toMatch(
      /该异议已在 .+ 同步时了结：台账已录入首轮答复，不再需要决定维持交办或改交/,
    );
    expect(await objectionDecision(ids.lead ?? "")).toMatchObject({ decision: "replied" });
  });
});
