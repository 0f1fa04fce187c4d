import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { columnLetter } from "../../src/domain/a1";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * A unit's link to a suggestion that left its hands: deleted from the sheet or renumbered, taken off
 * its 协办单位, or given to another unit after its 交办异议. The page says what happened; a 编号 the
 * unit never held is refused as before, whether it exists or not. 2026-001: 区教育局 leads, 区住建局
 * helps; 2026-002: 区住建局 leads; 2026-003: 区卫健委 leads; 2026-004: 区住建局, assigned yesterday
 * (its 异议期限 runs).
 */
const office = `gone-${crypto.randomUUID().slice(0, 8)}`;
let housing = "";
let health = "";

/** Puts a value in a ledger cell of the row holding this 编号, as staff would in the sheet. */
async function setCell(id: string, column: string, value: string): Promise<void> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const head = (values[0] ?? []).map(String);
  const rowNumber = values.findIndex((r) => r[head.indexOf("编号")] === id) + 1;
  expect(rowNumber, `no row ${id}`).toBeGreaterThan(1);
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues([
    { range: `'${TAB_NAMES.ledger}'!${columnLetter(head.indexOf(column))}${rowNumber}`, values: [[value]] },
  ]);
}

async function applyAll(): Promise<void> {
  const { results } = await env.DB.prepare("SELECT form, submission_id FROM inbox").all<{
    form: InboxForm;
    submission_id: string;
  }>();
  const keys = results.map((r) => ({ form: r.form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
}

/** The status and text of a link page. */
async function open(path: string): Promise<{ status: number; html: string }> {
  const response = await browse(path);
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM objections").run();
  await buildLinkOffice(office, {
    more: [["2026-004", "区住建局", { 交办日期: serialFromIso(addDaysIso(TODAY, -1)) }]],
  });
  await syncOffice(office);
  housing = (await makeLink("unit", "区住建局")).path;
  health = (await makeLink("unit", "区卫健委")).path;
  for (const id of ["2026-001", "2026-002", "2026-004"])
    expect((await open(`${housing}/s/${id}`)).status).toBe(200);

  // 区住建局 objects to 2026-004; staff agree and give it to 区卫健委.
  const page = (await open(`${housing}/s/2026-004`)).html;
  const objected = await postForm(`${housing}/s/2026-004/objection`, {
    nonce: nonceOf(page, `${housing}/s/2026-004/objection`),
    理由: "医疗机构建设不属于本单位职责",
    建议承办单位: "区卫健委",
  });
  expect(objected.status).toBe(303);
  await applyAll();
  await syncOffice(office);
  await setCell("2026-004", "主办单位", "区卫健委");
  // Staff take 区住建局 off 2026-001's 协办单位, and renumber 2026-002 (its old 编号 leaves the ledger).
  await setCell("2026-001", "协办单位", "");
  await setCell("2026-002", "编号", "2026-090");
  await syncOffice(office);
});

describe("a unit's link to a suggestion that left its hands", () => {
  it("one given to another unit after its 交办异议: says so, still refused (403)", async () => {
    const { status, html } = await open(`${housing}/s/2026-004`);
    expect(status).toBe(403);
    expect(html).toContain("编号 2026-004 的建议已改由其他单位办理（交办异议已同意），本单位无需再办理。");
    expect(html).not.toContain("不在区住建局的办理范围内");
    // A form posted from the old page is refused with the same words.
    const posted = await postForm(`${housing}/s/2026-004/contact`, { nonce: crypto.randomUUID() });
    expect(posted.status).toBe(403);
    expect(await posted.text()).toContain("已改由其他单位办理（交办异议已同意）");
  });

  it("one taken off its 协办单位 without an objection: says it is handled by other units", async () => {
    const { status, html } = await open(`${housing}/s/2026-001`);
    expect(status).toBe(403);
    expect(html).toContain(
      "编号 2026-001 的建议已改由其他单位办理，本单位无需再办理；如有疑问请联系代表工委。",
    );
  });

  it("one gone from the ledger (renumbered): 410, saying it is no longer in the ledger", async () => {
    const { status, html } = await open(`${housing}/s/2026-002`);
    expect(status).toBe(410);
    expect(html).toContain(
      "编号 2026-002 的建议已不在台账中（可能已被删除或改了编号），如有疑问请联系代表工委。",
    );
    // Its new 编号 is the unit's suggestion as before.
    expect((await open(`${housing}/s/2026-090`)).status).toBe(200);
  });

  it("tells nothing of a suggestion the unit never held: the same 403 for another unit's, a vanished one and one that never existed", async () => {
    for (const id of ["2026-003", "2026-999"]) {
      const { status, html } = await open(`${housing}/s/${id}`);
      expect(status).toBe(403);
      expect(html).toContain(`编号 ${id} 的建议不在区住建局的办理范围内，无法查看或办理`);
    }
    // 2026-002 vanished, but 区卫健委 never held it; 2026-004 is its own now.
    const vanished = await open(`${health}/s/2026-002`);
    expect(vanished.status).toBe(403);
    expect(vanished.html).toContain("编号 2026-002 的建议不在区卫健委的办理范围内，无法查看或办理");
    expect((await open(`${health}/s/2026-004`)).status).toBe(200);
  });
});
