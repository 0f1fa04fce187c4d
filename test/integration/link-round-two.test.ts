import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
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

/**
 * 2026-001 (区教育局 lead) was replied to, rated 不满意 and assigned a second time five days ago:
 * the unit's reply now is its round-2 reply. 2026-003 (区卫健委 lead) has 督办领导 刘振华主任 and
 * 领办领导 张卫东副区长, and awaits its reply. 刘振华主任 supervises 2026-001 too.
 */
const office = `round2-${crypto.randomUUID().slice(0, 8)}`;
const REASSIGNED = addDaysIso(TODAY, -5);

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    changes: {
      "2026-001": {
        答复日期: serialFromIso(addDaysIso(TODAY, -8)),
        答复类别: "B",
        答复内容: "已纳入明年计划",
        满意度: "不满意",
        测评日期: serialFromIso(addDaysIso(TODAY, -7)),
        二次交办日期: serialFromIso(REASSIGNED),
        备注: "代表约见时提出\n测评意见（张明）：补贴标准没有提高，只是列入计划",
        督办领导: "刘振华主任",
      },
      "2026-003": { 督办领导: "刘振华主任", 领办领导: "张卫东副区长" },
    },
  });
  await syncOffice(office);
});

describe("a unit's round-2 reply on its link", () => {
  it("shows the unit what the deputy found wanting, the comment with the rating", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const page = await (await browse(unit)).text();

    expect(page).toMatch(/<dt>测评意见<\/dt>\s*<dd>补贴标准没有提高，只是列入计划<\/dd>/);
    expect(page).not.toContain("代表约见时提出");
  });

  it("refuses a 答复日期 before 二次交办日期, saying so, with the form as typed", async () => {
    const unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
    const page = await (await browse(unit)).text();
    const before = addDaysIso(REASSIGNED, -1);
    const form = new FormData();
    const fields = {
      nonce: nonceOf(page, `${unit}/reply`),
      答复类别: "A",
      答复内容: "已协调资金，年内完成拓宽",
      答复日期: before,
    };
    for (const [name, value] of Object.entries(fields)) form.set(name, value);

    const refused = await postMultipart(`${unit}/reply`, form);

    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain(`这是二次交办后的答复，答复日期不能早于二次交办日期 ${REASSIGNED}`);
    expect(html).toContain("已协调资金，年内完成拓宽");
    expect(html).toContain(`value="${before}"`);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM inbox WHERE form = 'reply'").first<{
      n: number;
    }>();
    expect(stored?.n).toBe(0);
  });
});

describe("a 领办领导's 催办", () => {
  it("names the leader who pressed it in the unit's notice, not the 督办领导", async () => {
    const leader = await makeLink("leader", "张卫东副区长");
    const page = await (await browse(`${leader.path}/s/2026-003`)).text();

    const urged = await postForm(`${leader.path}/s/2026-003/urge`, {
      nonce: nonceOf(page, `${leader.path}/s/2026-003/urge`),
    });

    expect(urged.status).toBe(303);
    const notice = await env.DB.prepare(
      "SELECT recipient, body FROM notices WHERE type = '领导催办' AND suggestion_id = '2026-003'",
    ).first<{ recipient: string; body: string }>();
    expect(notice?.recipient).toBe("区卫健委");
    expect(notice?.body).toMatch(
      /^区卫健委：张卫东副区长（领办领导）催办李华代表领衔提出的建议《建议2026-003/,
    );
    expect(notice?.body).not.toContain("刘振华主任");
  });
});

describe("a 催办 in round 2", () => {
  it("tells the unit it is about the second assignment, as the scheduled notices do", async () => {
    const leader = await makeLink("leader", "刘振华主任");
    const path = `${leader.path}/s/2026-001`;
    const urged = await postForm(`${path}/urge`, {
      nonce: nonceOf(await (await browse(path)).text(), `${path}/urge`),
    });

    expect(urged.status).toBe(303);
    const notice = await env.DB.prepare(
      "SELECT recipient, title FROM notices WHERE type = '领导催办' AND suggestion_id = '2026-001'",
    ).first<{ recipient: string; title: string }>();
    expect(notice?.recipient).toBe("区教育局");
    expect(notice?.title).toMatch(/^【二次交办】领导催办：2026-001 /);
  });
});
