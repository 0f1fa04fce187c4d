import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, objectThroughLink, syncOffice, TODAY } from "./links-setup";

/**
 * A unit's 交办异议 and staff's decision on it change nothing in the Google Sheet, yet 校验问题 lists
 * the objection until staff decide: the sync after each must write 校验问题 anew even though its
 * chunks find the ledger as the last run left it. 2026-001 (区教育局 lead) assigned yesterday, so the
 * unit may still object.
 */
const office = `objection-quiet-${crypto.randomUUID().slice(0, 8)}`;
const ADMIN = { authorization: "Bearer test-admin-token" };
const REASON = "通学道路拓宽属住建部门职责";

/** The rows of 校验问题 that name 2026-001's objection, as staff read them in the sheet. */
async function objectionRows(): Promise<string[]> {
  const tab = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
  return tab.map((row) => row.map(String).join(" | ")).filter((line) => line.includes(REASON));
}

let link = "";

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  await buildLinkOffice(office, {
    changes: { "2026-001": { 交办日期: serialFromIso(addDaysIso(TODAY, -1)) } },
  });
  // The first sync writes the system tabs; the second finds the office quiet, as most syncs of a day.
  await syncOffice(office);
  await syncOffice(office);
  link = (await makeLink("unit", "区教育局")).path;
});

describe("an objection and its decision while nobody edits the sheet", () => {
  it("lists a new objection in 校验问题 after the next sync, and takes it out after staff decide on the dashboard", async () => {
    expect(await objectionRows()).toEqual([]);

    const id = await objectThroughLink(office, link, "区教育局", "2026-001", REASON, "区住建局");
    await syncOffice(office);
    const listed = await objectionRows();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain("2026-001");
    expect(listed[0]).toContain("区教育局（主办）");
    expect(listed[0]).toContain("请在督办看板“待代表工委决定”中决定维持交办或改交");

    // Another sync with nothing new keeps it listed (the finish does not drop it once stored).
    await syncOffice(office);
    expect(await objectionRows()).toHaveLength(1);

    const decided = await browse(`/objections/${encodeURIComponent(id)}/decide`, {
      method: "POST",
      headers: { ...ADMIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ decision: "upheld", 说明: "道路拓宽由教育部门牵头" }),
    });
    expect(decided.status, (await decided.clone().text()).slice(0, 400)).toBe(303);
    await syncOffice(office);
    expect(await objectionRows()).toEqual([]);
  });
});
