import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import type { Env } from "../../src/env";
import { emulator } from "../support/emulator-admin";
import { buildFixture, DEPUTIES } from "../support/ledger-fixture";
import {
  ADMIN,
  anonymous,
  BASE,
  call,
  dashboardDeps,
  FIXTURE_NOW_MS,
  insertNotice,
  postForm,
  SHEET,
  seedAndSync,
  worker,
} from "./dashboard-helpers";

// Pages compute "today" at request time; the fixture's statuses hold on 2026-11-26. The clock is
// only moved after the sync: the emulator checks token times against its own (real) clock.
beforeAll(async () => {
  // Two rows share 2026-002 (sheet rows 3 and 4: D1 keeps neither), and sheet row 30 has a title
  // that is too long, so the rows of the ledger rebuilt from D1 are two short of the sheet's.
  const tabs = buildFixture(40);
  const ledger = tabs[TAB_NAMES.ledger] as (string | number)[][];
  (ledger[3] as (string | number)[])[col("编号")] = "2026-002";
  (ledger[29] as (string | number)[])[col("标题")] = "长".repeat(210);
  await seedAndSync(tabs);
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(FIXTURE_NOW_MS);
});
afterAll(() => vi.useRealTimers());

const col = (header: string) => ledgerTab.columns.findIndex((c) => c.header === header);

async function page(path: string, status = 200): Promise<string> {
  const response = await call(path);
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(status);
  expect(response.headers.get("content-type")).toContain("text/html");
  // Nothing the CSP would block: no inline script (only the Worker's own /assets/*.js, which
  // script-src 'self' allows), no inline style attributes.
  expect(body).not.toMatch(/<script(?! src="\/assets\/[a-z-]+\.js")|\sstyle=/i);
  return body;
}

describe("dashboard pages, signed in", () => {
  it("shows the overview: status counts, rates, overdue by unit, due soon and the last sync", async () => {
    const html = await page("/");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("督办概览");
    // Its figures cover every year of the ledger, where the year report counts one year: said.
    expect(html).toContain("概览和『统计』表算的是台账中全部年度的建议（含往年转入、仍在督办的）");
    // 统计's 承办件数 and the 立案并交办 beside 建议总数 count differently: said too.
    expect(html).toContain("与下面的“立案并交办”（已填交办日期的）可能不同");
    expect(html).toContain("今天 2026-11-26");
    expect(html).toContain("<svg");
    expect(html).toContain('href="/suggestions?status=%E5%B7%B2%E9%80%BE%E6%9C%9F"');
    expect(html).toContain("逾期未答复（按主办单位）");
    expect(html).toContain("2026-007"); // the first 已逾期 scenario
    expect(html).toContain("即将到期（15 天内）");
    // The fixture's 设置 has no 周报接收人: said on the overview, and in 校验问题 by the sync.
    expect(html).toContain("『设置』中的周报接收人为空：督办周报不会发送");
    const tab = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(tab).toContainEqual(["设置", "", "", "", "提醒", expect.stringContaining("周报接收人为空")]);
  });

  it("shows the unit scoreboard and one unit's page", async () => {
    const list = await page("/units");
    expect(list).toContain("按期答复率");
    expect(list).toContain(`href="/units/${encodeURIComponent("区教育局")}"`);
    const unit = await page(`/units/${encodeURIComponent("区教育局")}`);
    expect(unit).toContain("主办的建议");
    expect(unit).toContain("平均答复天数");
  });

  it("counts a unit's days left from the day the page is viewed, not the day of the last sync", async () => {
    // Days left on the page: 剩 n 天 → n, 今天到期 → 0, 逾期 n 天 → -n.
    const daysLeft = (html: string) =>
      [...html.matchAll(/剩 (\d+) 天|今天到期|逾期 (\d+) 天/g)].map((m) =>
        m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? -Number(m[2]) : 0,
      );
    // A unit that leads a suggestion awaiting its reply (the first the list of 办理中 names).
    const awaiting = await page(`/suggestions?status=${encodeURIComponent("办理中")}`);
    const path = /href="(\/units\/[^"]+)"/.exec(awaiting)?.[1] ?? "";
    const onSyncDay = daysLeft(await page(path));
    expect(onSyncDay.length).toBeGreaterThan(0);
    vi.setSystemTime(FIXTURE_NOW_MS + 86_400_000);
    try {
      expect(daysLeft(await page(path))).toEqual(onSyncDay.map((n) => n - 1));
    } finally {
      vi.setSystemTime(FIXTURE_NOW_MS);
    }
  });

  it("shows deputies' records and one deputy's led and co-signed suggestions", async () => {
    const list = await page("/deputies");
    expect(list).toContain(DEPUTIES[0]);
    const one = await page(`/deputies/${encodeURIComponent(DEPUTIES[0] as string)}`);
    expect(one).toContain("领衔的建议");
    expect(one).toContain("附议的建议");
  });

  it("shows a suggestion with every field, how its due date was computed, history and notices", async () => {
    await insertNotice({ id: "2026-007", status: "已发送" });
    const html = await page("/suggestions/2026-007");
    expect(html).toContain("已逾期");
    expect(html).toContain("交办日期 2026-05-10 起算");
    for (const header of ["编号", "标题", "领衔代表", "附议代表", "主办单位", "回访", "备注"]) {
      expect(html).toContain(`<dt>${header}</dt>`);
    }
    expect(html).toContain("逾期催办 → 区教育局");
  });

  it("lists suggestions by status, the problems and the notices outbox with a retry button", async () => {
    const list = await page(`/suggestions?status=${encodeURIComponent("已办结")}`);
    expect(list).toContain("2026-013");
    const problems = await page("/problems");
    // The sheet's row numbers: 2026-029 is on sheet row 30.
    expect(problems).toMatch(
      /<td class="num" data-label="行号">30<\/td><td class="nowrap" data-label="编号"><a href="\/suggestions\/2026-029">/,
    );
    // Every problem of the 校验问题 tab is on the page, none hidden.
    const tab = await emulator.getValues(SHEET, `'${TAB_NAMES.problems}'`);
    expect(problems).toContain(`最近一次同步共 ${tab.length - 1}`);
    expect(problems.match(/<td class="num" data-label="行号">/g)).toHaveLength(tab.length - 1);
    expect(await page("/suggestions/2026-029")).toContain("台账第 30 行");
    const failed = await insertNotice({
      id: "2026-008",
      status: "失败",
      type: "到期提醒",
      error: "SMTP 550",
    });
    const notices = await page("/notices");
    expect(notices).toContain(`action="/notices/${failed}/retry"`);
    expect(notices).toContain("SMTP 550");
  });

  /** Staff fill in 区住建局's 邮箱 and the sync stores 承办单位 again. */
  async function giveZjjEmail(): Promise<void> {
    const { tabCache } = await dashboardDeps();
    const units = (await tabCache.load([TAB_NAMES.units]))[TAB_NAMES.units] ?? [];
    const email = units[0]?.indexOf("邮箱") ?? -1;
    const fixed = units.map((r) =>
      r[0] === "区住建局" ? r.map((v, i) => (i === email ? "zjj@example.gov.cn" : v)) : r,
    );
    await tabCache.save({ [TAB_NAMES.units]: JSON.stringify(fixed) }, new Date().toISOString());
  }

  it("retries a failed notice from its button and says so", async () => {
    const failed = await insertNotice({ id: "2026-009", status: "失败", type: "交办通知", error: "timeout" });
    // 重试 goes to the recipient as 承办单位 says now: the fixture's 区教育局 has no 邮箱 yet.
    const unreachable = await postForm(`/notices/${failed}/retry`, {});
    expect(unreachable.status).toBe(409);
    expect(await unreachable.text()).toContain(
      "区教育局 2026-009 交办通知（邮件）暂不能重试：区教育局在『承办单位』表中没有可用的通知渠道。请先在表格中改正，等下一次同步（约 10 分钟）后再重试",
    );
    await env.DB.prepare("UPDATE notices SET recipient = ?2 WHERE id = ?1").bind(failed, "区住建局").run();
    await giveZjjEmail();
    const response = await postForm(`/notices/${failed}/retry`, {});
    expect(response.status).toBe(303);
    const location = `/notices?retried=${failed}`;
    expect(response.headers.get("location")).toBe(location);
    const row = await env.DB.prepare("SELECT status, address FROM notices WHERE id = ?1")
      .bind(failed)
      .first();
    expect(row).toEqual({ status: "待发送", address: "zjj@example.gov.cn" });
    // Named as the list shows it (recipient, 编号, type, channel): the outbox's row id is shown nowhere.
    const said = await page(location);
    expect(said).toContain("区住建局 2026-009 交办通知（邮件）已按接收方现在的地址重新排队发送。");
    expect(said).not.toContain(`第 ${failed} 条`);
    const again = await postForm(`/notices/${failed}/retry`, {});
    expect(again.status).toBe(409);
    const queued = await again.text();
    expect(queued).toContain("<h1>已在排队发送</h1>");
    expect(queued).toContain("（技术支持用：错误代码 pending · HTTP 409 · 请求编号 ");
    expect(queued).not.toContain("暂时无法完成");
    expect(queued).toContain("<p>区住建局 2026-009 交办通知（邮件）正在等待发送，无需重试</p>");
  });

  it("names a retried notice older than the 200 listed as the list would, and a refused one too", async () => {
    const old = await insertNotice({ id: "2026-011", status: "失败", type: "到期提醒", error: "timeout" });
    const sent = await insertNotice({ id: "2026-012", status: "已发送", type: "到期提醒" });
    await env.DB.prepare("UPDATE notices SET recipient = '区住建局' WHERE id IN (?1, ?2)")
      .bind(old, sent)
      .run();
    // 200 newer notices: the retried one is beyond the list.
    const newer = Array.from({ length: 200 }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO notices (idempotency_key, type, suggestion_id, recipient, channel, address, title, body, due_on,
           planned_at, status, attempts) VALUES (?1, '逾期催办', '2026-001', '区教育局', 'email', 'edu@example.gov.cn',
           '逾期', '正文', '2026-11-20', '2026-11-20T01:00:00.000Z', '已发送', 1)`,
      ).bind(`padding|${i}`),
    );
    await env.DB.batch(newer);
    await giveZjjEmail();
    // Failed, yet no 重试 button of its own on the list: it is not among the 200 listed.
    expect(await page("/notices")).not.toContain(`action="/notices/${old}/retry"`);
    const retried = await postForm(`/notices/${old}/retry`, {});
    expect(retried.status).toBe(303);
    const said = await page(retried.headers.get("location") ?? "");
    expect(said).toContain("区住建局 2026-011 到期提醒（邮件）已按接收方现在的地址重新排队发送。");
    const refused = await postForm(`/notices/${sent}/retry`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("<p>区住建局 2026-012 到期提醒（邮件）已经发送，不能重发</p>");
  });

  it("shows the sampling form and the year report", async () => {
    expect(await page("/sampling")).toContain("目前共有 18 件已答复建议可供抽取");
    const report = await page("/report?year=2026");
    expect(report).toContain("2026 年代表建议办理情况");
    expect(report).toContain('href="/exports/report.csv?year=2026"');
    expect(report).toContain('href="/exports/report.docx?year=2026"');
    expect(report).toContain('<link rel="stylesheet" href="/assets/report.css"/>');
    expect(report).toContain("关于2026年代表建议办理情况的报告");
    expect(report).toContain("附表1　各承办单位办理情况");
    // The fixture's 沟通记录 (45 contacts of 2026's suggestions: 27 办前, 18 办后), counted by D1.
    expect(report).toContain("承办单位与代表沟通联系45次（办前27次、办后18次）");
    const css = await anonymous("/assets/report.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const text = await css.text();
    expect(text).toContain("@page{size:A4 portrait;margin:37mm 26mm 35mm 28mm}");
    expect(text).toContain('"仿宋_GB2312"');
  });
});

describe("bad parameters on pages", () => {
  it("keeps the footer about the ledger's data on a page that shows the data", async () => {
    expect(await page("/suggestions")).toContain("<footer>数据来自共享表格“建议台账”");
  });

  const cases: [string, number, string][] = [
    [`/units/${encodeURIComponent("区财政局")}`, 404, "unknown_unit"],
    [`/deputies/${encodeURIComponent("无名氏")}`, 404, "unknown_deputy"],
    ["/suggestions/2099-999", 404, "unknown_suggestion"],
    [`/suggestions?status=${encodeURIComponent("已完成")}`, 400, "invalid_status"],
    [`/problems?level=${encodeURIComponent("严重")}`, 400, "invalid_level"],
    [`/notices?status=${encodeURIComponent("已读")}`, 400, "invalid_status"],
    ["/report?year=abc", 400, "invalid_year"],
    ["/sampling/abc", 400, "invalid_sample_id"],
    ["/sampling/999", 404, "unknown_sample"],
    ["/report?year=1850", 400, "invalid_year"],
    ["/no-such-page", 404, "not_found"],
  ];
  it("tells staff why no 个人链接 can be issued while its settings are missing, and who sets them", async () => {
    const issue = (overrides: Partial<Env>) =>
      worker(
        new Request(`${BASE}/links/issue`, {
          method: "POST",
          headers: { ...ADMIN, origin: BASE, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ kind: "unit", recipient: "区教育局", scope: "read" }),
        }),
        overrides,
      );
    const noKey = await issue({ LINK_SECRET: undefined });
    expect(noKey.status).toBe(503);
    expect(await noKey.text()).toContain(
      "<p>个人链接尚未启用：链接密钥（LINK_SECRET）未设置或设置有误。请联系技术人员按部署指南（docs/deploy.md）第 6 节“设置密钥”设置，/healthz 写明了改法。</p>",
    );
    const neither = await (await issue({ LINK_SECRET: undefined, PUBLIC_URL: undefined })).text();
    expect(neither).toContain(
      "<p>个人链接尚未启用：链接密钥（LINK_SECRET）和对外网址（PUBLIC_URL）未设置或设置有误。",
    );
  });

  for (const [path, status, code] of cases) {
    it(`answers ${path} with a Chinese error page, ${status} ${code}`, async () => {
      const html = await page(path, status);
      expect(html).toMatch(
        new RegExp(
          `<p class="code">（技术支持用：错误代码 ${code} · HTTP ${status} · 请求编号 [\\w-]+）</p>`,
        ),
      );
      expect(html).toContain('<a href="/">返回概览</a>');
      // The footer about the ledger's data belongs to pages that show it, not to an error.
      expect(html).not.toContain("数据来自共享表格");
    });
  }
});
