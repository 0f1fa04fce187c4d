import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/domain/civil-date";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, postForm, syncOffice } from "./links-setup";

/**
 * 2026-002 (区住建局 lead, 督办领导 王书记) is due three months after its 交办, in whatever year that
 * is; 2026-004 (区住建局 too, 王书记 too) was assigned in 2031, a year whose 放假安排 nobody entered:
 * its 办理期限 is 暂定 in every notice.
 */
const office = `provisional-${crypto.randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    more: [
      ["2026-004", "区住建局", { 重点建议: "是", 督办领导: "王书记", 交办日期: serialFromIso("2031-03-03") }],
    ],
  });
  await syncOffice(office);
});

/** 办理期限 as the 领导催办 王书记 sends about `id` tells it the unit, as a page writes it (ISO). */
async function urgedDue(id: string): Promise<string> {
  const leader = await makeLink("leader", "王书记");
  const path = `${leader.path}/s/${id}`;
  await postForm(`${path}/urge`, { nonce: nonceOf(await (await browse(path)).text(), `${path}/urge`) });
  const sent = await env.DB.prepare(
    "SELECT body FROM notices WHERE type = '领导催办' AND body LIKE ? ORDER BY rowid DESC",
  )
    .bind(`%（编号 ${id}）%`)
    .first<{ body: string }>();
  const [, y, m, d, mark = ""] =
    /办理期限为 (\d{4})年(\d{1,2})月(\d{1,2})日(（暂定）)?/.exec(sent?.body ?? "") ?? [];
  if (!y) throw new Error(`no 领导催办 about ${id}: ${sent?.body}`);
  return `${y}-${m?.padStart(2, "0")}-${d?.padStart(2, "0")}${mark}`;
}

describe("a personal link's pages give 办理期限 as the notices do, （暂定） included", () => {
  for (const id of ["2026-002", "2026-004"]) {
    it(`${id}: the unit's and the leader's pages and lists`, async () => {
      const due = await urgedDue(id);
      if (id === "2026-004") expect(due).toMatch(/^2031-\d\d-\d\d（暂定）$/);
      const unit = await makeLink("unit", "区住建局");
      const leader = await makeLink("leader", "王书记");
      for (const home of [unit.path, leader.path]) {
        const list = await (await browse(home)).text();
        expect(list).toContain(`<span>办理期限 ${due}</span>`);
        const page = await (await browse(`${home}/s/${id}`)).text();
        expect(page).toMatch(new RegExp(`<dt>办理期限</dt>\\s*<dd>${due}</dd>`));
      }
    });
  }
});
