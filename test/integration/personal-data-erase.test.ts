import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab } from "../../sheets-schema/tabs";
import { delivered, failed } from "../../src/channels/types";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import type { PlannedNotice } from "../../src/domain/notices/types";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { erasePersonalData } from "../../src/jobs/personal-data/erase";
import { createObjections } from "../../src/store/objections";
import { createNoticeOutbox } from "../../src/store/outbox";
import { createSnapshotStore } from "../../src/store/snapshots";
import { createTabCache } from "../../src/store/tab-cache";
import { emulator } from "../support/emulator-admin";
import { resetDatabase } from "../support/sync-helpers";
import {
  browse,
  buildLinkOffice,
  header,
  makeLink,
  nonceOf,
  PUBLIC_URL,
  postForm,
  row,
  syncOffice,
  TODAY,
} from "./links-setup";
import { officeDeps } from "./notices-setup";

/**
 * 清除个人信息 (docs/deploy.md §15a): 周芳 left office and asked for her information to be deleted.
 * She had notices (her e-mail address), a personal link, a suggestion sent through it (her phone in
 * its text) and one not yet in the sheet. Staff took her row out of 代表 and synced; erasing her then
 * blanks the notices' addresses and bodies, deletes her link, blanks what she sent (voiding the one
 * still waiting) and records who erased whom. Someone still listed with a contact is refused.
 */
const office = `erase-${crypto.randomUUID().slice(0, 8)}`;
const ADDRESS = `zf-${office}@example.cn`;
const PHONE = "13800001111";
const auth = { authorization: "Bearer test-admin-token" };
let linkPath = "";

const api = (path: string, body: unknown) =>
  exports.default.fetch(
    new Request(`${PUBLIC_URL}${path}`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const page = (path: string, init: RequestInit = {}) =>
  browse(path, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });

async function deleteRow(tab: string, name: string): Promise<void> {
  const values = await emulator.getValues(office, `'${tab}'`);
  const index = values.findIndex((r) => r[0] === name);
  expect(index, `${name} not in ${tab}`).toBeGreaterThan(0);
  const sheetId = (await emulator.spreadsheet(office)).sheets.find((s) => s.properties.title === tab)
    ?.properties.sheetId;
  await (await officeDeps(office)).sheets.batchUpdate([
    { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: index, endIndex: index + 1 } } },
  ]);
}

const notice = (n: number, recipient: string, address: string): PlannedNotice => ({
  key: `答复告知|2026-00${n}|r1|-|${recipient}|email`,
  type: "答复告知",
  suggestionId: `2026-00${n}`,
  round: 1,
  occurrence: "-",
  recipient,
  recipientKind: "deputy",
  channel: "email",
  address,
  title: `答复告知：2026-00${n}`,
  body: `${recipient}代表：您领衔的建议已答复。点此测评：${PUBLIC_URL}/l/x`,
  dueOn: TODAY,
});

async function suggest(title: string): Promise<void> {
  const form = await (await browse(`${linkPath}/suggest`)).text();
  const sent = await postForm(`${linkPath}/suggest`, {
    nonce: nonceOf(form, `${linkPath}/suggest`),
    标题: title,
    内容: `小区门口缺少路灯。联系电话 ${PHONE}，住址北关街道幸福路 8 号。`,
  });
  expect(sent.status, (await sent.text()).slice(0, 300)).toBe(303);
}

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office, {
    tabs: {
      [TAB_NAMES.deputies]: [
        header(deputiesTab),
        row(deputiesTab, { 姓名: "张明", 代表团: "北关街道", 邮箱: `zm-${office}@example.cn` }),
        row(deputiesTab, { 姓名: "李华", 代表团: "东关街道", 邮箱: `lh-${office}@example.cn` }),
        row(deputiesTab, { 姓名: "王书记", 代表团: "北关街道", 邮箱: `wsj-${office}@example.cn` }),
        row(deputiesTab, { 姓名: "周芳", 代表团: "北关街道", 邮箱: ADDRESS, 手机: PHONE }),
      ],
    },
  });
  await syncOffice(office);
  linkPath = (await makeLink("deputy", "周芳")).path;
  await suggest("关于增设路灯的建议");
  const { results } = await env.DB.prepare("SELECT form, submission_id FROM inbox").all<{
    form: InboxForm;
    submission_id: string;
  }>();
  const keys = results.map((r) => ({ form: r.form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
  // A second one, still waiting for its write when she is erased.
  await suggest("关于整修人行道的建议");

  const outbox = createNoticeOutbox(env.DB);
  const [sent, waiting, other] = await outbox.insert(
    [notice(1, "周芳", ADDRESS), notice(2, "周芳", ADDRESS), notice(3, "张明", `zm-${office}@example.cn`)],
    new Date().toISOString(),
  );
  await outbox.recordAttempt(sent as number, new Date().toISOString(), delivered(250));
  await outbox.recordAttempt(
    waiting as number,
    new Date().toISOString(),
    failed(true, `邮件服务暂时不可用：${ADDRESS}`),
  );
  await outbox.recordAttempt(other as number, new Date().toISOString(), delivered(250));

  await deleteRow(TAB_NAMES.deputies, "周芳");
  await syncOffice(office);
});

describe("清除个人信息", () => {
  it("refuses a deputy still listed in 代表 with a contact, saying what to do first, and changes nothing", async () => {
    const refused = await api("/api/personal-data/erase", { kind: "deputy", name: "张明" });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { message: string } };
    expect(error.message).toContain("代表“张明”仍在『代表』表第 2 行，填有邮箱");
    expect(error.message).toContain("请先在表格中删除这一行，或清空这一行的手机、邮箱和机器人地址");
    const kept = await env.DB.prepare("SELECT address FROM notices WHERE recipient = '张明'").first<{
      address: string;
    }>();
    expect(kept?.address).toBe(`zm-${office}@example.cn`);
    const asked = await page(`/deputies/${encodeURIComponent("张明")}/erase`);
    expect(asked.status).toBe(409);
    const html = await asked.text();
    expect(html).toContain("仍在『代表』表第 2 行");
    expect(html).not.toContain("确认清除");
  });

  it("asks to confirm on a page reached from the deputy's page", async () => {
    const deputy = await (await page(`/deputies/${encodeURIComponent("周芳")}`)).text();
    expect(deputy).toContain(`href="/deputies/${encodeURIComponent("周芳")}/erase"`);
    const asked = await page(`/deputies/${encodeURIComponent("周芳")}/erase`);
    const html = await asked.text();
    expect(asked.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain("清除个人信息：代表 周芳");
    expect(html).toContain("确认清除");
    expect(html).toContain("不逐字查找手机、地址");
  });

  it("erases her notices' addresses and bodies, her link, what she sent, and records who did it", async () => {
    const erased = await api("/api/personal-data/erase", { kind: "deputy", name: "周芳" });
    expect(erased.status, await erased.clone().text()).toBe(200);
    expect(await erased.json()).toMatchObject({
      ok: true,
      erased: { notices: 2, noticeAttempts: 1, submissions: 2, links: 1 },
    });

    const { results: notices } = await env.DB.prepare(
      "SELECT recipient, address, body, title, status, last_error FROM notices ORDER BY id",
    ).all<Record<string, string | null>>();
    expect(notices).toEqual([
      {
        recipient: "周芳",
        address: "",
        body: "（已清除）",
        title: "答复告知：2026-001",
        status: "已发送",
        last_error: null,
      },
      {
        recipient: "周芳",
        address: "",
        body: "（已清除）",
        title: "答复告知：2026-002",
        status: "失败",
        last_error: "个人信息已清除，未发送",
      },
      expect.objectContaining({ recipient: "张明", address: `zm-${office}@example.cn`, status: "已发送" }),
    ]);
    const attempts = await env.DB.prepare("SELECT error FROM notice_attempts WHERE error IS NOT NULL").all<{
      error: string;
    }>();
    expect(attempts.results.map((a) => a.error)).toEqual(["（已清除）"]);

    const links = await env.DB.prepare(
      "SELECT count(*) AS n FROM personal_links WHERE recipient = '周芳'",
    ).first<{
      n: number;
    }>();
    expect(links?.n).toBe(0);
    expect((await browse(linkPath)).status).not.toBe(200);

    const { results: inbox } = await env.DB.prepare(
      "SELECT suggestion_id, answers, raw, status, actor_name FROM inbox ORDER BY received_at",
    ).all<Record<string, string>>();
    expect(inbox.map((r) => [r.answers, r.raw, r.status, r.actor_name])).toEqual([
      ["{}", "{}", "applied", "周芳"],
      ["{}", "{}", "discarded", "周芳"],
    ]);
    expect(inbox[0]?.suggestion_id).toMatch(/^2026-/);
    const everything = JSON.stringify(inbox) + JSON.stringify(notices);
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain(ADDRESS);

    const audit = await env.DB.prepare(
      "SELECT suggestion_id, column_name, old_value, source, actor, note FROM audit_trail WHERE column_name = '清除个人信息'",
    ).all<Record<string, string>>();
    expect(audit.results).toEqual([
      expect.objectContaining({
        suggestion_id: "",
        old_value: "代表 周芳",
        source: "dashboard",
        actor: "管理令牌",
      }),
    ]);

    // The page lists the erasure; confirming again finds nothing more to erase.
    const again = await page(`/deputies/${encodeURIComponent("周芳")}/erase`, { method: "POST" });
    const html = await again.text();
    expect(again.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain("已清除代表“周芳”的个人信息：通知 2 条，提交 2 条，个人链接 0 个");
    expect(html).toContain("清除记录");
  });

  it("a unit no longer in 承办单位: its objections' 理由 goes, in the history too; the decision stays", async () => {
    const unit = "区旧城改造办";
    await createObjections(env.DB).recordMany([
      {
        submissionId: "link-objection-1",
        suggestionId: "2026-002",
        unit,
        relation: "lead",
        assignedOn: TODAY,
        objectedOn: TODAY,
        deadline: TODAY,
        reason: "不属本单位职责，经办人李强 13900002222",
        proposal: "区住建局",
        actor: `承办单位 ${unit} · 链接 Ab3dE9Kq`,
        receivedAt: new Date().toISOString(),
      },
    ]);
    await createObjections(env.DB).decide(
      "link-objection-1",
      "upheld",
      new Date().toISOString(),
      "管理令牌",
      "维持",
    );
    await createSnapshotStore(env.DB).record(
      [
        {
          suggestionId: "2026-002",
          column: "交办异议",
          oldValue: null,
          newValue: `${unit}（主办）对交办提出异议：不属本单位职责，经办人李强 13900002222；建议改由区住建局承办`,
          source: "link",
          actor: `承办单位 ${unit} · 链接 Ab3dE9Kq`,
        },
      ],
      new Date().toISOString(),
    );
    const done = await erasePersonalData(
      { db: env.DB, tabCache: createTabCache(env.DB) },
      "unit",
      unit,
      "管理令牌",
      Date.now(),
    );
    expect(done).toMatchObject({ ok: true, erased: { objections: 1 } });
    expect(await createObjections(env.DB).get("link-objection-1")).toMatchObject({
      reason: "（已清除）",
      proposal: "",
      decision: "upheld",
      note: "维持",
    });
    const history = await createSnapshotStore(env.DB).history("2026-002");
    expect(history.find((h) => h.column === "交办异议")?.newValue).toBe(`${unit}对交办提出异议：（已清除）`);
    // A unit still in 承办单位 is refused.
    const refused = await erasePersonalData(
      { db: env.DB, tabCache: createTabCache(env.DB) },
      "unit",
      "区教育局",
      "管理令牌",
      Date.now(),
    );
    expect(refused).toMatchObject({ ok: false, code: "still_listed" });
    expect(refused.ok ? "" : refused.message).toContain("承办单位“区教育局”仍在『承办单位』表第");
  });
});
