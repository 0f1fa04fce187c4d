import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { pageText, seededAtFixtureTime } from "./dashboard-helpers";

// A city office's outbox and links: more than one page of each (the page lists 200 at a time).
seededAtFixtureTime();

const EDU = "区教育局";
const CIVIL = "区民政局";

/** 250 notices: 150 to 区教育局 (编号 2026-1xx), then 100 to 区民政局 (编号 2026-2xx), oldest first. */
async function seedNotices(): Promise<void> {
  await env.DB.prepare("DELETE FROM notices").run();
  const rows = Array.from({ length: 250 }, (_, i) => {
    const unit = i < 150 ? EDU : CIVIL;
    const id = `2026-${i < 150 ? 100 + (i % 50) : 200 + (i % 50)}`;
    return [`k${i}`, "交办通知", id, unit, `测试通知 #${i + 1}#`, i % 10 === 0 ? "失败" : "已发送"];
  });
  await env.DB.prepare(
    `INSERT INTO notices (idempotency_key, type, suggestion_id, recipient, channel, address, title, body, due_on, planned_at, status)
     SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
       json_extract(value, '$[3]'), 'email', 'a@b.test', json_extract(value, '$[4]'), '正文', '2026-03-01',
       '2026-03-01T02:00:00.000Z', json_extract(value, '$[5]')
     FROM json_each(?1) ORDER BY key`,
  )
    .bind(JSON.stringify(rows))
    .run();
}

/** 250 links: 150 to 区教育局, then 100 to 区民政局, one a minute. */
async function seedLinks(): Promise<void> {
  await env.DB.prepare("DELETE FROM personal_links").run();
  const rows = Array.from({ length: 250 }, (_, i) => [
    `link${String(i).padStart(18, "0")}`,
    i < 150 ? EDU : CIVIL,
    new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
  ]);
  await env.DB.prepare(
    `INSERT INTO personal_links (id, kind, recipient, scope, issued_at, expires_at, notice_type, suggestion_id)
     SELECT json_extract(value, '$[0]'), 'unit', json_extract(value, '$[1]'), 'act', json_extract(value, '$[2]'),
       '2099-01-01T00:00:00.000Z', '交办通知', NULL
     FROM json_each(?1) ORDER BY key`,
  )
    .bind(JSON.stringify(rows))
    .run();
}

const noticeNumbers = (html: string) => [...html.matchAll(/测试通知 #(\d+)#/g)].map((m) => Number(m[1]));
const linkRows = (html: string) => [...html.matchAll(/aria-label="撤销 (区[^ ]+) 的链接/g)].map((m) => m[1]);

beforeAll(async () => {
  await seedNotices();
  await seedLinks();
});

describe("/notices pages through the outbox, with a total", () => {
  it("page 1 says 共 250 条 and shows the newest 200, with a link to page 2", async () => {
    const html = await pageText("/notices");
    expect(html).toContain("共 250 条，显示第 1–200 条");
    const shown = noticeNumbers(html);
    expect(shown).toHaveLength(200);
    expect(shown[0]).toBe(250);
    expect(html).toContain('<a href="/notices?page=2">下一页</a>');
  });

  it("page 2 shows the other 50 and links back to page 1", async () => {
    const html = await pageText("/notices?page=2");
    expect(html).toContain("共 250 条，显示第 201–250 条");
    const shown = noticeNumbers(html);
    expect(shown).toHaveLength(50);
    expect(Math.max(...shown)).toBe(50);
    expect(html).toContain('<a href="/notices">上一页</a>');
  });

  it("a search by a unit name lists only that unit's notices, the filters kept on its pager", async () => {
    const html = await pageText(`/notices?q=${encodeURIComponent(EDU)}`);
    expect(html).toContain("共 150 条，显示第 1–150 条");
    const shown = noticeNumbers(html);
    expect(shown).toHaveLength(150);
    expect(shown.every((n) => n <= 150)).toBe(true);
    expect(html).not.toContain(`<td data-label="接收方">${CIVIL}`);

    const failed = await pageText(
      `/notices?status=${encodeURIComponent("失败")}&q=${encodeURIComponent(CIVIL)}`,
    );
    expect(failed).toContain("共 10 条，显示第 1–10 条");
    expect(noticeNumbers(failed).every((n) => n > 150 && (n - 1) % 10 === 0)).toBe(true);
  });

  it("a search by 编号 lists that suggestion's notices; one that matches nothing says so in Chinese", async () => {
    const html = await pageText("/notices?q=2026-105");
    expect(html).toContain("共 3 条，显示第 1–3 条");
    expect(noticeNumbers(html).sort((a, b) => a - b)).toEqual([6, 56, 106]);

    const none = await pageText(`/notices?q=${encodeURIComponent("教育局")}`);
    expect(none).toContain("共 0 条");
    expect(none).toContain("没有编号或接收方以“教育局”开头的通知");
  });

  it("the pager keeps the search and the status", async () => {
    const html = await pageText(`/notices?status=${encodeURIComponent("已发送")}`);
    expect(html).toContain("共 225 条，显示第 1–200 条");
    expect(html).toContain(`<a href="/notices?status=${encodeURIComponent("已发送")}&amp;page=2">下一页</a>`);
  });
});

describe("/links pages through the links, with a total", () => {
  it("page 1 says 共 250 条 and shows 200; page 2 the other 50", async () => {
    const first = await pageText("/links");
    expect(first).toContain("共 250 条，显示第 1–200 条");
    expect(linkRows(first)).toHaveLength(200);
    expect(first).toContain('<a href="/links?page=2">下一页</a>');

    const second = await pageText("/links?page=2");
    expect(second).toContain("共 250 条，显示第 201–250 条");
    expect(linkRows(second)).toHaveLength(50);
    expect(linkRows(second).every((r) => r === EDU)).toBe(true);
  });

  it("a text search by name lists only that recipient's links", async () => {
    const html = await pageText(`/links?q=${encodeURIComponent(CIVIL)}`);
    expect(html).toContain("共 100 条，显示第 1–100 条");
    expect(linkRows(html)).toHaveLength(100);
    expect(linkRows(html).every((r) => r === CIVIL)).toBe(true);
  });

  it("a recipient's links page too, the pager keeping the recipient", async () => {
    const html = await pageText(`/links?kind=unit&recipient=${encodeURIComponent(EDU)}`);
    expect(html).toContain("共 150 条，显示第 1–150 条");
    expect(linkRows(html)).toHaveLength(150);
  });
});
