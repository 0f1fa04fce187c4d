import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { runDailyNotices } from "../../src/jobs/notices/run-daily";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  NOW_MS,
  objectThroughLink,
  syncOffice,
  TODAY,
} from "./links-setup";
import { noticeDeps } from "./notices-setup";

/**
 * A unit's 交办异议 that staff do not agree to (维持交办) is told to the unit by the next daily run
 * (交办异议处理结果), once; one agreed (已改交) is not. 2026-004 (区卫健委) and 2026-005 (区住建局)
 * were assigned yesterday, so both may still object.
 */
const office = `objection-told-${crypto.randomUUID().slice(0, 8)}`;
const ADMIN = { authorization: "Bearer test-admin-token" };
const TYPE = "交办异议处理结果";

/** The unit objects through a link of its own, made now. */
const objectAs = async (unit: string, id: string, reason: string) =>
  objectThroughLink(office, (await makeLink("unit", unit)).path, unit, id, reason);

async function decide(submissionId: string, decision: "upheld" | "reassigned", note = ""): Promise<void> {
  const decided = await browse(`/objections/${encodeURIComponent(submissionId)}/decide`, {
    method: "POST",
    headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision, 说明: note }),
  });
  expect(decided.status).toBe(303);
}

async function told(): Promise<{ recipient: string; title: string; body: string }[]> {
  const { results } = await env.DB.prepare("SELECT recipient, title, body FROM notices WHERE type = ?1")
    .bind(TYPE)
    .all<{ recipient: string; title: string; body: string }>();
  return results;
}

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  const yesterday = serialFromIso(addDaysIso(TODAY, -1));
  await buildLinkOffice(office, {
    more: [
      ["2026-004", "区卫健委", { 交办日期: yesterday }],
      ["2026-005", "区住建局", { 交办日期: yesterday }],
    ],
  });
  await syncOffice(office);
});

describe("交办异议处理结果", () => {
  it("tells the unit whose objection staff did not agree to, once; an agreed objection is not told so", async () => {
    const upheld = await objectAs("区卫健委", "2026-004", "道路建设不属于本单位职责");
    const agreed = await objectAs("区住建局", "2026-005", "医疗机构建设不属于本单位职责");
    await syncOffice(office);
    await decide(upheld, "upheld", "属卫健部门职责");
    await decide(agreed, "reassigned");

    const { deps } = await noticeDeps(office);
    const first = await runDailyNotices(deps, NOW_MS, { force: true });
    expect(first.outcome).toBe("ok");
    const notices = await told();
    expect(notices.map((n) => n.recipient)).toEqual(["区卫健委"]);
    expect(notices[0]?.title).toBe(`${TYPE}：2026-004 建议2026-004：关于改善通学道路的建议`);
    expect(notices[0]?.body).toContain(
      `区卫健委：你单位于 ${Number(TODAY.slice(0, 4))}年${Number(TODAY.slice(5, 7))}月${Number(TODAY.slice(8, 10))}日对张明代表领衔提出的建议`,
    );
    expect(notices[0]?.body).toContain(
      "提出的交办异议，经研究，不予同意，维持原交办，意见是：“属卫健部门职责”。",
    );
    expect(notices[0]?.body).toContain("请你单位继续作为主办单位认真办理");
    expect(notices[0]?.body).toMatch(/本件办理期限为 \d{4}年\d{1,2}月\d{1,2}日(（暂定）)?，请抓紧办理。/);

    const second = await runDailyNotices(deps, NOW_MS + 60_000, { force: true });
    expect(second.outcome).toBe("ok");
    expect(await told()).toHaveLength(1);
  });
});
