import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { call, dashboardDeps, SHEET, seedAndSync } from "./dashboard-helpers";

/** 沟通记录 rows added to the fixture's own, each with a long 沟通内容. */
const ADDED = 7_000;
const content = (n: number) => `第${n}次沟通：${"沟".repeat(200)}`;

/**
 * The fixture with 7,000 more contacts on its suggestions (copies of its own, each with 200
 * characters of 沟通内容): 沟通记录 as JSON is over 4 MB, past the 2,000,000 bytes of a D1 value.
 */
function withManyContacts() {
  const tabs = buildFixture(40);
  const contacts = tabs[TAB_NAMES.contacts] as (string | number)[][];
  const own = contacts.slice(1);
  for (let n = 1; n <= ADDED; n++) {
    const row = [...(own[n % own.length] as (string | number)[])];
    row[7] = content(n);
    contacts.push(row);
  }
  return { tabs, total: contacts.length - 1, lastId: String(contacts[contacts.length - 1]?.[0]) };
}

const page = async (path: string) => {
  const response = await call(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 300)).toBe(200);
  return html;
};

describe("a 沟通记录 tab larger than one D1 value", () => {
  it("syncs, and the year report and the suggestion's page count every contact", async () => {
    const { tabs, total, lastId } = withManyContacts();
    let failed = "";
    await seedAndSync(tabs).catch((error: unknown) => {
      failed = String(error);
    });
    expect(failed).toBe("");
    expect(await page("/report?year=2026")).toContain(`沟通联系 ${total} 次`);
    expect(await page(`/suggestions/${lastId}`)).toContain(content(ADDED));
    // The next sync of the same tab completes too.
    expect((await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS + 600_000)).outcome).toBe("ok");
  });

  it("counts the tab's own contacts again once it is short", async () => {
    const tabs = buildFixture(40);
    const total = (tabs[TAB_NAMES.contacts]?.length ?? 1) - 1;
    await emulator.deleteSpreadsheet(SHEET);
    await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
    const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS + 1_200_000);
    expect(result.outcome).toBe("ok");
    expect(await page("/report?year=2026")).toContain(`沟通联系 ${total} 次`);
  });
});
