import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { columnLetter } from "../../src/sheets/a1";
import { emulator } from "../support/emulator-admin";
import { postForm } from "../support/signed-post";
import { resetDatabase } from "../support/sync-helpers";
import { buildLateReplyOffice, dueOf, ledgerRow } from "./late-reply-office";
import { syncOffice, TODAY } from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * The office of form-late-reply.test.ts: 2026-001 and 2026-004 (区教育局) were assigned 120 days ago
 * and are past their 办理期限. After the sync, staff clear 2026-001's 办理期限 cell (a system column:
 * the next sync writes it again) and type a later day over 2026-004's. A unit's reply dated before
 * 办理期限 but sent after it is late by the 办理期限 the rules computed, whatever the cell holds then.
 */
const office = `late-cell-${crypto.randomUUID().slice(0, 8)}`;
const due: Record<string, string> = {};

/** Puts a value in a ledger cell of the row holding this 编号, as staff would in the sheet. */
async function setCell(id: string, column: string, value: string | number): Promise<void> {
  const values = await emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
  const head = (values[0] ?? []).map(String);
  const rowNumber = values.findIndex((r) => r[head.indexOf("编号")] === id) + 1;
  expect(rowNumber, `no row ${id}`).toBeGreaterThan(1);
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues([
    { range: `'${TAB_NAMES.ledger}'!${columnLetter(head.indexOf(column))}${rowNumber}`, values: [[value]] },
  ]);
}

beforeAll(async () => {
  await resetDatabase();
  await buildLateReplyOffice(office, [
    ["2026-004", "区教育局", { 交办日期: serialFromIso(addDaysIso(TODAY, -120)) }],
  ]);
  await syncOffice(office);
  for (const id of ["2026-001", "2026-004"]) due[id] = await dueOf(office, id);
  await setCell("2026-001", "办理期限", "");
  await setCell("2026-004", "办理期限", serialFromIso(addDaysIso(TODAY, 30)));
});

/** A unit's reply on the office's form, sent today, dated the day before 办理期限, then applied. */
async function replyOnForm(submissionId: string, id: string): Promise<string> {
  const dated = addDaysIso(due[id] as string, -1);
  const posted = await postForm("reply", {
    submissionId,
    // Today's first moment: never later than now, at whatever hour the tests run (10:00 was, before it).
    submittedAt: `${TODAY}T00:00:00+08:00`,
    answers: { 编号: id, 答复类别: "A", 答复内容: "已完成拓宽", 答复日期: dated },
  });
  expect(posted.status, await posted.clone().text()).toBe(202);
  const keys = [{ form: "reply" as const, submissionId }];
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
  const { status } = (await env.DB.prepare("SELECT status FROM inbox WHERE submission_id = ?")
    .bind(submissionId)
    .first<{ status: string }>()) ?? { status: "" };
  expect(status).toBe("applied");
  return dated;
}

describe("a late reply while staff have changed the 办理期限 cell", () => {
  it("still says in 备注 that it came after 办理期限 when the cell was cleared", async () => {
    expect(String(due["2026-001"]) < TODAY).toBe(true);
    expect((await ledgerRow(office, "2026-001")).办理期限).toBe("");

    const dated = await replyOnForm("form-cleared", "2026-001");

    const row = await ledgerRow(office, "2026-001");
    expect(row.答复日期).toBe(serialFromIso(dated));
    expect(String(row.备注).split("\n")).toContain(
      `答复（提交号 form-cleared）：经表单于 ${TODAY} 提交（晚于办理期限 ${due["2026-001"]}），所填答复日期为 ${dated}`,
    );
  });

  it("names the computed 办理期限, not a later day typed over the cell", async () => {
    expect(String(due["2026-004"]) < TODAY).toBe(true);

    const dated = await replyOnForm("form-typed-over", "2026-004");

    expect(String((await ledgerRow(office, "2026-004")).备注).split("\n")).toContain(
      `答复（提交号 form-typed-over）：经表单于 ${TODAY} 提交（晚于办理期限 ${due["2026-004"]}），所填答复日期为 ${dated}`,
    );
  });
});
