import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { buildLinkOffice, makeLink, objectThroughLink, syncOffice, TODAY } from "./links-setup";
import { decideObjection, editLedger, objectionDecision, okPage } from "./objection-setup";

/**
 * Which objections the sync settles as 已改交 (only a unit taken off the part it objected to), what
 * 已改交 clicked after such a sync says, and who sees an objection on a link page. All assigned
 * yesterday, so each unit may still object: 2026-001 (区教育局 lead, 区住建局 co), 2026-004
 * (区卫健委 lead), 2026-005 (区民政局 lead, 区交通运输局 co).
 */
const office = `objection-settle-${crypto.randomUUID().slice(0, 8)}`;
const ADMIN = { authorization: "Bearer test-admin-token" };
const YESTERDAY = addDaysIso(TODAY, -1);

const links: Record<string, string> = {};

/** The unit objects through its link and intake records it, as the queue would seconds later. */
const object = (unit: string, id: string, reason: string, proposal = "") =>
  objectThroughLink(office, links[unit] ?? "", unit, id, reason, proposal);

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  const yesterday = serialFromIso(YESTERDAY);
  await buildLinkOffice(office, {
    changes: { "2026-001": { 交办日期: yesterday } },
    more: [
      ["2026-004", "区卫健委", { 交办日期: yesterday }],
      ["2026-005", "区民政局", { 交办日期: yesterday, 协办单位: "区交通运输局" }],
    ],
  });
  await syncOffice(office);
  for (const unit of ["区教育局", "区住建局", "区卫健委", "区民政局", "区交通运输局"])
    links[unit] = (await makeLink("unit", unit)).path;
});

describe("a unit's link page and objections", () => {
  it("shows a unit its own objection only: the co-unit does not see the lead unit's, which names it as 建议改由", async () => {
    await object("区教育局", "2026-001", "通学道路拓宽属住建部门职责", "区住建局");
    const lead = await okPage(`${links.区教育局}/s/2026-001`);
    expect(lead).toContain("交办异议 · 区教育局（主办）");
    expect(lead).toContain("通学道路拓宽属住建部门职责");
    expect(lead).toContain("建议改由：区住建局");

    const co = await okPage(`${links.区住建局}/s/2026-001`);
    expect(co).not.toContain("通学道路拓宽属住建部门职责");
    expect(co).not.toContain("建议改由：区住建局");
    expect(co).not.toContain("交办异议 · 区教育局");
  });
});

describe("objections the sync settles", () => {
  it("leaves an objection open when staff only correct the 交办日期 (same 主办单位): staff still decide it", async () => {
    const id = (
      await env.DB.prepare("SELECT submission_id FROM objections WHERE suggestion_id = '2026-001'").first<{
        submission_id: string;
      }>()
    )?.submission_id;
    await syncOffice(office);
    // A mistyped day corrected: 主办单位 and 协办单位 as they were.
    await editLedger(office, "2026-001", { 交办日期: serialFromIso(addDaysIso(TODAY, -2)) });
    await syncOffice(office);

    expect(await objectionDecision(id ?? "")).toEqual({ decision: null, decided_by: null, note: null });
    const overview = await okPage("/", { headers: ADMIN });
    expect(overview).not.toContain("没有待决定的交办异议");
    expect(overview).toContain("通学道路拓宽属住建部门职责");
    const unit = await okPage(`${links.区教育局}/s/2026-001`);
    expect(unit).toContain("处理：等待代表工委决定");
    expect(unit).not.toContain("已改交");
    const history = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_trail WHERE suggestion_id = '2026-001' AND new_value LIKE '%随之了结%'",
    ).first<{ n: number }>();
    expect(history?.n).toBe(0);
  });

  it("settles a co-unit's objection once the unit is no longer among 协办单位, and says so in the history", async () => {
    const id = await object("区交通运输局", "2026-005", "本单位不涉及社区养老设施");
    await syncOffice(office);
    await editLedger(office, "2026-005", { 协办单位: "区住建局" });
    await syncOffice(office);
    expect(await objectionDecision(id)).toEqual({
      decision: "reassigned",
      decided_by: "同步（台账已改交）",
      note: null,
    });
    const history = await env.DB.prepare(
      "SELECT new_value FROM audit_trail WHERE suggestion_id = '2026-005' AND new_value LIKE '%随之了结%'",
    ).first<{ new_value: string }>();
    expect(history?.new_value).toBe("台账已改交，区交通运输局不再协办，其异议随之了结");
  });
});

describe("已改交 after the sync settled the objection", () => {
  it("answers that the sync already settled it, keeps the 说明 staff typed, and refuses 维持交办 saying why", async () => {
    const id = await object("区卫健委", "2026-004", "道路建设不属于本单位职责", "区交通运输局");
    await syncOffice(office);
    // Staff do as the card says: change 主办单位 in the ledger; the next sync runs before the click.
    await editLedger(office, "2026-004", { 主办单位: "区交通运输局" });
    await syncOffice(office);
    expect(await objectionDecision(id)).toMatchObject({
      decision: "reassigned",
      decided_by: "同步（台账已改交）",
    });

    const clicked = await decideObjection(id, "reassigned", "改由交通部门统筹道路建设");
    expect(clicked.status, (await clicked.clone().text()).slice(0, 400)).toBe(303);
    const overview = await okPage(clicked.headers.get("location") ?? "", { headers: ADMIN });
    expect(overview).toMatch(
      /该异议已在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 同步时随台账改交了结，无需再点。您填写的说明已记入该异议和建议的变更历史/,
    );
    expect(await objectionDecision(id)).toEqual({
      decision: "reassigned",
      decided_by: "同步（台账已改交）",
      note: "改由交通部门统筹道路建设",
    });
    const noted = await env.DB.prepare(
      "SELECT new_value FROM audit_trail WHERE suggestion_id = '2026-004' AND new_value LIKE '代表工委补记%'",
    ).first<{ new_value: string }>();
    expect(noted?.new_value).toBe("代表工委补记改交说明（区卫健委的异议）：改由交通部门统筹道路建设");

    const upheld = await decideObjection(id, "upheld", "");
    expect(upheld.status).toBe(409);
    expect(await upheld.text()).toMatch(
      /该异议已在 .+ 同步时随台账改交了结（台账已不再由区卫健委主办），不能再维持交办/,
    );
  });

  it("tells staff on the card that changing 主办单位/协办单位 is enough, and that a 交办日期 alone is no reassignment", async () => {
    const overview = await okPage("/", { headers: ADMIN });
    expect(overview).toContain("决定改交的，在台账中改主办单位或协办单位即可");
    expect(overview).toContain("无需再点");
    expect(overview).not.toContain("再点“已改交”。");
  });
});
