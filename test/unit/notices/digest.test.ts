import { describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { buildCalendar } from "../../../src/domain/calendar";
import { DIGEST_LIST_MAX, firstWorkingDayOfWeek } from "../../../src/domain/notices/digest";
import { planNotices } from "../../../src/domain/notices/plan";
import type { LedgerCells } from "../helpers/make-row";
import { evaluateAt, type PlanOptions, planAt } from "./helpers";

const calendar = buildCalendar();
const SETTINGS = [["周报接收人", "dbc@example.gov.cn"]] as const;

const row = (n: number, cells: LedgerCells): LedgerCells => ({
  编号: `2026-${String(n).padStart(3, "0")}`,
  标题: `第${n}号建议`,
  领衔代表: "张明",
  主办单位: "区教育局",
  ...cells,
});

/** The Worker's PUBLIC_URL origin, as linkSettingsFrom gives it (no trailing slash). */
const DASHBOARD = "https://jianyi.example.workers.dev";

/** planAt with the dashboard's address the notice job passes when PUBLIC_URL is usable. */
function planWithDashboard(
  rows: readonly LedgerCells[],
  today: string,
  options: PlanOptions & { dashboard?: string | null } = {},
) {
  const evaluation = evaluateAt(rows, today, options.settings, options.templates);
  const plan = planNotices({
    today,
    evaluation,
    existingKeys: [],
    arrivals: [],
    dashboard: options.dashboard,
  });
  return { evaluation, digests: plan.notices.filter((n) => n.type === "督办周报") };
}

describe("督办周报", () => {
  it("falls on Monday, or on the first working day of a week that starts with holidays", () => {
    expect(firstWorkingDayOfWeek("2026-03-05", calendar)).toBe("2026-03-02");
    expect(firstWorkingDayOfWeek("2026-02-26", calendar)).toBe("2026-02-24");
    expect(firstWorkingDayOfWeek("2026-05-07", calendar)).toBe("2026-05-06");
    expect(firstWorkingDayOfWeek("2026-10-07", calendar)).toBe("2026-10-08");
  });

  it("gives the overview figures, then the overdue, due-soon and unrated lists", () => {
    const rows = [
      row(1, { 交办日期: "2026-02-10" }), // due 2026-05-11: overdue on 2026-06-01
      row(2, { 交办日期: "2026-03-05" }), // due 2026-06-05: due soon
      row(3, { 交办日期: "2026-03-05", 答复日期: "2026-05-20", 答复类别: "A" }), // unrated
      row(4, {
        交办日期: "2026-03-05",
        答复日期: "2026-04-20",
        答复类别: "A",
        满意度: "满意",
        测评日期: "2026-04-25",
      }),
    ];
    const digest = planAt(rows, "2026-06-01", { settings: SETTINGS }).notices.find(
      (n) => n.type === "督办周报",
    );
    expect(digest?.title).toBe("代表建议办理督办周报（2026年6月1日）");
    expect(digest?.body).toBe(
      [
        "各位领导：本周代表建议办理情况如下，请阅知。即将到期、已逾期和待测评的建议清单附后。",
        "",
        "截至 2026年6月1日：承办 4 件，已答复 2 件，按期答复率 66.7%，逾期未答复 1 件，满意率 100.0%。",
        "台账状态：即将到期 1 件，已逾期 1 件，待测评 1 件，已办结 1 件。",
        "",
        "已逾期（1 件）：",
        "1. 2026-001《第1号建议》主办：区教育局，办理期限 2026年5月11日，已逾期 21 天",
        "",
        "即将到期（1 件）：",
        "1. 2026-002《第2号建议》主办：区教育局，办理期限 2026年6月5日，还剩 4 天",
        "",
        "待测评（1 件）：",
        "1. 2026-003《第3号建议》主办：区教育局，答复日期 2026年5月20日",
      ].join("\n"),
    );
  });

  it("says that a suggestion left out of the figures for an 错误 is still listed, so 已逾期 and 逾期未答复 agree", () => {
    const rows = [
      row(1, { 交办日期: "2026-02-10" }),
      // An unreadable 答复日期: an 错误 in a counted field, left out of 统计, still overdue on the list.
      row(2, { 交办日期: "2026-02-10", 答复日期: "2026.13.5", 答复类别: "A" }),
    ];
    const digest = planAt(rows, "2026-06-01", { settings: SETTINGS }).notices.find(
      (n) => n.type === "督办周报",
    );

    expect(digest?.body).toContain(
      "逾期未答复 1 件，满意率 —。另有 1 条因填写错误未计入以上统计，下面的台账状态和名单仍计入（见『校验问题』）。",
    );
    expect(digest?.body).toContain("已逾期（2 件）：");
  });

  it("lists a suggestion due that very day as 今天到期", () => {
    // 交办 2026-03-01 + 3 months = Monday 2026-06-01, the digest's day.
    const digest = planAt([row(1, { 交办日期: "2026-03-01" })], "2026-06-01", {
      settings: SETTINGS,
    }).notices.find((n) => n.type === "督办周报");
    expect(digest?.body).toContain("1. 2026-001《第1号建议》主办：区教育局，办理期限 2026年6月1日，今天到期");
    expect(digest?.body).not.toContain("还剩 0 天");
  });

  it("cuts long lists and points to the dashboard", () => {
    const rows = Array.from({ length: DIGEST_LIST_MAX + 5 }, (_, i) =>
      row(i + 1, { 交办日期: "2026-02-10" }),
    );
    const digest = planAt(rows, "2026-06-01", { settings: SETTINGS }).notices.find(
      (n) => n.type === "督办周报",
    );
    expect(digest?.body).toContain(`已逾期（${DIGEST_LIST_MAX + 5} 件）`);
    expect(digest?.body).toContain("另有 5 件未列出，详见督办看板");
  });

  it("fits a 企业微信 robot's 4,096 bytes by listing fewer suggestions and saying how many are left out", () => {
    const wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc";
    const settings = [["周报接收人", `dbc@example.gov.cn，${wecom}`]] as const;
    const rows = [
      ...Array.from({ length: 18 }, (_, i) =>
        row(i + 1, {
          标题: `关于加强第${i + 1}片区老旧小区改造和停车设施建设的建议`,
          交办日期: "2026-02-10",
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        row(i + 40, {
          标题: `关于完善第${i + 1}街道社区养老服务设施的建议`,
          交办日期: "2026-03-05",
          答复日期: "2026-05-20",
          答复类别: "A",
        }),
      ),
    ];
    const digests = planAt(rows, "2026-06-01", { settings }).notices.filter((n) => n.type === "督办周报");
    const robot = digests.find((n) => n.channel === "wecom");
    const email = digests.find((n) => n.channel === "email");
    // What the robot receives: **title**, a line break, the body.
    const bytes = new TextEncoder().encode(`**${robot?.title}**\n${robot?.body}`).byteLength;
    expect(bytes).toBeLessThanOrEqual(4096);
    expect(robot?.body).toContain("已逾期（18 件）：");
    expect(robot?.body).toContain("待测评（10 件）：");
    expect(robot?.body).toMatch(/另有 \d+ 件未列出，详见督办看板/);
    const listed = (body: string | undefined) =>
      (body ?? "").split("\n").filter((l) => /^\d+\. /.test(l)).length;
    const left = [...(robot?.body ?? "").matchAll(/另有 (\d+) 件未列出/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(listed(robot?.body) + left).toBe(28);
    // E-mail has no such limit: every suggestion listed.
    expect(listed(email?.body)).toBe(28);
    expect(new TextEncoder().encode(email?.body ?? "").byteLength).toBeGreaterThan(4096);
    expect(email?.body).not.toContain("未列出");
  });

  it("ends with the 督办看板's address, and a cut list says where it is whole, when PUBLIC_URL is set", () => {
    const rows = Array.from({ length: DIGEST_LIST_MAX + 5 }, (_, i) =>
      row(i + 1, { 交办日期: "2026-02-10" }),
    );
    const [digest] = planWithDashboard(rows, "2026-06-01", {
      settings: SETTINGS,
      dashboard: DASHBOARD,
    }).digests;
    expect(digest?.body).toContain(
      `另有 5 件未列出，详见督办看板：${DASHBOARD}/suggestions?status=%E5%B7%B2%E9%80%BE%E6%9C%9F`,
    );
    expect(digest?.body.endsWith(`\n\n督办看板（工作人员登录后查看）：${DASHBOARD}/`)).toBe(true);
  });

  it("reads as before without PUBLIC_URL: no 督办看板 line, no address after 详见督办看板", () => {
    const rows = Array.from({ length: DIGEST_LIST_MAX + 5 }, (_, i) =>
      row(i + 1, { 交办日期: "2026-02-10" }),
    );
    const before = planAt(rows, "2026-06-01", { settings: SETTINGS }).notices.find(
      (n) => n.type === "督办周报",
    );
    const [digest] = planWithDashboard(rows, "2026-06-01", { settings: SETTINGS, dashboard: null }).digests;
    expect(digest?.body).toBe(before?.body);
    expect(digest?.body).toMatch(/另有 5 件未列出，详见督办看板$/);
    expect(digest?.body).not.toContain("督办看板：");
    expect(digest?.body).not.toContain("\n督办看板");
    expect(digest?.body).not.toContain("{{");
  });

  it("keeps the 督办看板's address inside a 企业微信 robot's 4,096 bytes, the lists shortened instead", () => {
    const wecom = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc";
    const settings = [["周报接收人", wecom]] as const;
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(i + 1, {
        标题: `关于加强第${i + 1}片区老旧小区改造和停车设施建设的建议`,
        交办日期: i < 30 ? "2026-02-10" : "2026-03-05",
        ...(i >= 45 ? { 答复日期: "2026-05-20", 答复类别: "A" } : {}),
      }),
    );
    const [robot] = planWithDashboard(rows, "2026-06-01", { settings, dashboard: DASHBOARD }).digests;
    // What the robot receives: **title**, a line break, the body (wecom.ts cuts past 4,096 bytes).
    const sent = `**${robot?.title}**\n${robot?.body}`;
    expect(new TextEncoder().encode(sent).byteLength).toBeLessThanOrEqual(4096);
    expect(sent.endsWith(`\n\n督办看板（工作人员登录后查看）：${DASHBOARD}/`)).toBe(true);
    expect(sent).toContain(`另有 `);
    expect(sent).toContain(`详见督办看板：${DASHBOARD}/suggestions?status=`);
    const listed = sent.split("\n").filter((l) => /^\d+\. /.test(l)).length;
    const left = [...sent.matchAll(/另有 (\d+) 件未列出/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(listed + left).toBe(60);
  });

  it("puts the dashboard's address where a 通知模板 text asks for {{看板链接}}, with no 提醒", () => {
    const templates = [
      [
        "督办周报",
        "",
        "督办周报",
        "{{接收方}}：本周情况如下。{{#看板链接}}全部清单见督办看板 {{看板链接}}{{/看板链接}}",
        "是",
      ],
    ];
    const withUrl = planWithDashboard([row(1, { 交办日期: "2026-02-10" })], "2026-06-01", {
      settings: SETTINGS,
      templates,
      dashboard: DASHBOARD,
    });
    expect(withUrl.evaluation.problems.filter((p) => p.tab === TAB_NAMES.templates)).toEqual([]);
    expect(withUrl.digests[0]?.body).toMatch(
      new RegExp(`^各位领导：本周情况如下。全部清单见督办看板 ${DASHBOARD}/\n`),
    );
    // Said once: the lists do not end with the address again.
    expect(withUrl.digests[0]?.body.split(`${DASHBOARD}/`)).toHaveLength(2);
    expect(withUrl.digests[0]?.body).not.toContain("\n督办看板");
    // Without PUBLIC_URL the section drops: nothing dangling.
    const without = planWithDashboard([row(1, { 交办日期: "2026-02-10" })], "2026-06-01", {
      settings: SETTINGS,
      templates,
    });
    expect(without.digests[0]?.body).toMatch(/^各位领导：本周情况如下。\n/);
    expect(without.digests[0]?.body).not.toContain("看板");
  });

  it("is not planned without 周报接收人", () => {
    expect(planAt([], "2026-06-01").notices).toEqual([]);
  });
});
