import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { columnLetter } from "../../src/domain/a1";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  makeLink,
  nonceOf,
  postForm,
  postMultipart,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * A supervising leader's link (王书记 supervises 2026-001 and 2026-002, both awaiting their reply;
 * 2026-004, replied to four days ago, awaits its rating). 区住建局 replies to 2026-002 through its
 * link; a sync runs before intake writes the reply into the sheet. 2026-003 (区卫健委) was supervised
 * by 刘振华主任 until staff gave it to 张卫东副区长. 设置 has the office's number.
 */
const office = `leader-replied-${crypto.randomUUID().slice(0, 8)}`;
const PHONE = "0371-12345678";
const REPLIED = addDaysIso(TODAY, -4);
let leader = "";

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

async function urgeNotices(): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM notices WHERE type = '领导催办'").first<{
    n: number;
  }>();
  return row?.n ?? 0;
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: { "2026-003": { 督办领导: "刘振华主任" } },
    more: [
      [
        "2026-004",
        "区教育局",
        {
          督办领导: "王书记",
          答复日期: serialFromIso(REPLIED),
          答复类别: "B",
          答复内容: "已纳入明年计划",
          落实情况: "推进中",
        },
      ],
    ],
    tabs: {
      [TAB_NAMES.settings]: [
        ["项目", "值", "说明"],
        ["仅工作日发送", "否", ""],
        ["代表工委联系电话", PHONE, ""],
      ],
    },
  });
  await syncOffice(office);
  leader = (await makeLink("leader", "王书记")).path;
});

describe("a leader's page once the unit has replied, before the ledger holds the reply", () => {
  it("says the unit has answered, offers no 催办, and a 催办 posted from the old page sends nothing", async () => {
    const page = `${leader}/s/2026-002`;
    const before = await (await browse(page)).text();
    const urgeNonce = nonceOf(before, `${page}/urge`);

    const unit = `${(await makeLink("unit", "区住建局")).path}/s/2026-002`;
    const form = new FormData();
    form.set("nonce", nonceOf(await (await browse(unit)).text(), `${unit}/reply`));
    form.set("答复类别", "A");
    form.set("答复内容", "已协调资金，年内完成拓宽");
    form.set("答复日期", TODAY);
    expect((await postMultipart(`${unit}/reply`, form)).status).toBe(303);
    // A sync runs; intake has not written the reply into the sheet yet.
    await syncOffice(office);

    const after = await (await browse(page)).text();
    expect(after).toContain(`区住建局已于 ${TODAY} 提交答复，正在写入台账`);
    expect(after).toContain("已提交答复");
    expect(after).not.toContain(`action="${page}/urge"`);
    expect(after).toContain("无需催办");

    const urged = await postForm(`${page}/urge`, { nonce: urgeNonce });
    expect(urged.status).toBe(409);
    expect(await urged.text()).toContain(`区住建局已于 ${TODAY} 提交答复，正在写入台账，无需催办`);
    expect(await urgeNotices()).toBe(0);

    // The list says so too (one query for the whole list), and 2026-001, not answered, is as before.
    const home = await (await browse(leader)).text();
    expect(home).toContain(`区住建局已于 ${TODAY} 提交答复，正在写入台账`);
    const first = await (await browse(`${leader}/s/2026-001`)).text();
    expect(first).toContain(`action="${leader}/s/2026-001/urge"`);
  });

  it("a suggestion whose reply the ledger holds: the refusal names the unit and the reply's date", async () => {
    const page = await (await browse(`${leader}/s/2026-004`)).text();
    expect(page).toContain(`区教育局已于 ${REPLIED} 答复代表，无需催办`);
    expect(page).not.toContain("不在等待答复");
  });
});

describe("a read-only leader link", () => {
  it("does not offer 催办 in its intro", async () => {
    const read = (await makeLink("leader", "王书记", { scope: "read" })).path;
    const home = await (await browse(read)).text();
    expect(home).toContain("本链接只能查看");
    expect(home).not.toContain("催办（本链接只能查看）");
    expect(home).toMatch(/可查看督办建议的办理情况（本链接只能查看）/);
  });
});

describe("a leader moved off a suggestion", () => {
  it("is told who supervises it now and whom to ask, under a heading that blames no one", async () => {
    const before = (await makeLink("leader", "刘振华主任")).path;
    expect((await browse(`${before}/s/2026-003`)).status).toBe(200);
    await setCell("2026-003", "督办领导", "张卫东副区长");
    await syncOffice(office);

    const response = await browse(`${before}/s/2026-003`);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toMatch(/<h1>该建议已调整督办领导<\/h1>/);
    expect(html).not.toContain("无权进行此操作");
    expect(html).toContain("现由张卫东副区长督办");
    expect(html).toContain(`联系代表工委（电话 ${PHONE}）`);
    expect(html).not.toContain("返回该建议");
  });
});
