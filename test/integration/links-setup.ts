import { env, exports } from "cloudflare:workers";
import { expect, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { deputiesTab, ledgerTab, noticeLogTab, problemsTab, statisticsTab } from "../../sheets-schema/tabs";
import { addDaysIso, serialFromIso } from "../../src/domain/civil-date";
import type { InboxForm } from "../../src/domain/intake/inbox-forms";
import type { LinkKind, LinkScope } from "../../src/domain/links/capability";
import { applyInbox } from "../../src/jobs/intake/apply-inbox";
import { issueLink } from "../../src/jobs/links/issue-link";
import { localDate } from "../../src/jobs/local-time";
import { runSync } from "../../src/jobs/sync/run-sync";
import { linkSettingsFrom } from "../../src/links/link-settings";
import { createPersonalLinks } from "../../src/store/personal-links";
import { emulator } from "../support/emulator-admin";
import { officeDeps, registerOfficeRobots, unitsTabRows } from "./notices-setup";

/**
 * An office for the personal-link tests, dated from the real today (links expire by the real
 * clock): 2026-001 led by 区教育局 with 区住建局 helping, deputy 张明 leading with 李华 co-signing,
 * supervised by 王书记 (a deputy, as leaders of the standing committee are); 2026-002 led by
 * 区住建局; 2026-003 led by 区卫健委. Notices go out every day (仅工作日发送 = 否).
 */
export const PUBLIC_URL = "https://jianyi.test";
export const NOW_MS = Date.now();
export const TODAY = localDate(NOW_MS, "Asia/Shanghai");
export const ASSIGNED = addDaysIso(TODAY, -10);

/** A tab's header row, and a row of it from cells by header (blank where none is given). */
export const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);
export const row = (
  tab: { columns: readonly { header: string }[] },
  cells: Record<string, string | number>,
) => header(tab).map((h) => cells[h] ?? "");

/** 2026-004, led by 区教育局 for 张明, replied three days ago (B, 推进中) and awaiting his rating. */
export const REPLIED_AWAITING_RATING = [
  "2026-004",
  "区教育局",
  {
    答复日期: serialFromIso(addDaysIso(TODAY, -3)),
    答复类别: "B",
    答复内容: "已纳入明年计划",
    落实情况: "推进中",
  },
] as const;

/** Changes to the standard office for a test file: cells of its suggestions, more of them, more tabs. */
export interface OfficeOptions {
  /** Cells changed on a suggestion, by 编号 (2026-001 … 2026-003). */
  readonly changes?: Readonly<Record<string, Record<string, string | number>>>;
  /** More suggestions: [编号, 主办单位, cells]. */
  readonly more?: readonly (readonly [string, string, Record<string, string | number>])[];
  /** More deputies: [姓名, 代表团, 邮箱?], e.g. namesakes written apart (王伟(北关), 王伟(文峰)). */
  readonly moreDeputies?: readonly (readonly [string, string, string?])[];
  /** Tabs added as given (header row first), e.g. 领导, 沟通记录, 延期申请, 协办意见. */
  readonly tabs?: Readonly<Record<string, unknown[][]>>;
}

export async function buildLinkOffice(office: string, options: OfficeOptions = {}) {
  const units = await registerOfficeRobots(office);
  const suggestion = (id: string, lead: string, extra: Record<string, string | number> = {}) =>
    row(ledgerTab, {
      编号: id,
      标题: `建议${id}：关于改善通学道路的建议`,
      内容摘要: "学校门口道路狭窄，上下学时段拥堵。建议拓宽道路并设置接送区。",
      领衔代表: "张明",
      类别: "社会事业",
      提出日期: serialFromIso(addDaysIso(TODAY, -40)),
      审查结果: "立案",
      主办单位: lead,
      交办日期: serialFromIso(ASSIGNED),
      ...extra,
      ...options.changes?.[id],
    });
  const tabs: Record<string, unknown[][]> = {
    [TAB_NAMES.ledger]: [
      header(ledgerTab),
      suggestion("2026-001", "区教育局", {
        协办单位: "区住建局",
        附议代表: "李华",
        重点建议: "是",
        督办领导: "王书记",
      }),
      suggestion("2026-002", "区住建局", { 重点建议: "是", 督办领导: "王书记" }),
      suggestion("2026-003", "区卫健委", { 领衔代表: "李华" }),
      ...(options.more ?? []).map(([id, lead, cells]) => suggestion(id, lead, cells)),
    ],
    [TAB_NAMES.units]: [...unitsTabRows(units)],
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 代表团: "北关街道", 邮箱: `zm-${office}@example.cn` }),
      row(deputiesTab, { 姓名: "李华", 代表团: "东关街道", 邮箱: `lh-${office}@example.cn` }),
      row(deputiesTab, { 姓名: "王书记", 代表团: "北关街道", 邮箱: `wsj-${office}@example.cn` }),
      ...(options.moreDeputies ?? []).map(([name, group, email]) =>
        row(deputiesTab, { 姓名: name, 代表团: group, ...(email ? { 邮箱: email } : {}) }),
      ),
    ],
    [TAB_NAMES.settings]: [
      ["项目", "值", "说明"],
      ["仅工作日发送", "否", ""],
    ],
    [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
    [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
    [TAB_NAMES.noticeLog]: [header(noticeLogTab)],
    [TAB_NAMES.problems]: [header(problemsTab)],
    [TAB_NAMES.statistics]: [header(statisticsTab)],
    ...options.tabs,
  };
  await emulator.deleteSpreadsheet(office).catch(() => undefined);
  await emulator.createSpreadsheet(
    office,
    Object.entries(tabs).map(([title, rows]) => ({ title, rows })),
  );
}

export async function syncOffice(office: string, nowMs = NOW_MS): Promise<void> {
  const synced = await runSync(await officeDeps(office), "test", nowMs);
  if (synced.outcome !== "ok") throw new Error(`sync failed: ${synced.message}`);
}

/** A link issued the way a notice issues one (or staff on the dashboard), at `nowMs`. */
export async function makeLink(
  kind: LinkKind,
  name: string,
  options: { scope?: LinkScope; nowMs?: number } = {},
): Promise<{ id: string; path: string }> {
  const settings = linkSettingsFrom(env);
  if (!settings) throw new Error("LINK_SECRET / PUBLIC_URL missing from the test bindings");
  const issued = await issueLink(
    settings,
    { kind, name },
    options.scope ?? "act",
    {},
    options.nowMs ?? NOW_MS,
  );
  await createPersonalLinks(env.DB).issue([issued.record]);
  return { id: issued.link.id, path: `/l/${issued.token}` };
}

/** The path of a personal link in a notice body (its origin is PUBLIC_URL). */
export function linkPathIn(body: string): string {
  const match = new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}(/l/[A-Za-z0-9_.-]+(?:/s/[^\\s）]+)?)`).exec(
    body,
  );
  if (!match?.[1]) throw new Error(`no personal link in:\n${body}`);
  return match[1];
}

/** A browser's request to the Worker: same origin as PUBLIC_URL, as a form on its pages would send. */
export function browse(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.method === "POST" && !headers.has("origin")) headers.set("origin", PUBLIC_URL);
  return exports.default.fetch(new Request(`${PUBLIC_URL}${path}`, { ...init, headers, redirect: "manual" }));
}

/**
 * A link page as it opens at 10:00 (Beijing) on `day`, the clock moved for the page only: the
 * caller's afterEach puts it back (vi.useRealTimers), since syncs and notices run on the real clock
 * (the emulator checks token times against its own).
 */
/** A page that must open (200), its HTML; the start of the page says why when it does not. */
export async function openPage(path: string): Promise<string> {
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

/** A page's text without tags, as its reader reads it. */
export const pageText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

export async function pageOnDay(path: string, day: string): Promise<string> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.parse(`${day}T02:00:00Z`));
  const response = await browse(path);
  const html = await response.text();
  expect(response.status, html.slice(0, 400)).toBe(200);
  return html;
}

export function postForm(path: string, fields: Record<string, string | string[]>, origin?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return browse(path, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) },
  });
}

/** A multipart post as a browser sends it (Content-Length included). */
export async function postMultipart(path: string, form: FormData): Promise<Response> {
  const encoded = new Response(form);
  const bytes = await encoded.arrayBuffer();
  return browse(path, {
    method: "POST",
    body: bytes,
    headers: {
      "content-type": encoded.headers.get("content-type") ?? "",
      "content-length": String(bytes.byteLength),
    },
  });
}

export const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The nonce of the form posting to `action` on a page (each form carries its own). */
export function nonceOf(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at < 0) throw new Error(`no form ${action}`);
  const match = /name="nonce" value="([0-9a-f-]{36})"/.exec(html.slice(at));
  if (!match?.[1]) throw new Error(`no nonce in form ${action}`);
  return match[1];
}

/** The fingerprint of the reply a deputy's rating form was shown (its hidden 答复版本), as a browser sends it. */
export function replyVersionOf(html: string): string {
  const match = /name="答复版本" value="([^"]*)"/.exec(html);
  if (!match?.[1]) throw new Error("no 答复版本 in the rating form");
  return match[1];
}

/**
 * A unit objects to an assignment (交办异议) through its link page `link`, and intake records it as
 * the queue would seconds later. The objection's submission id (staff decide it by that).
 */
export async function objectThroughLink(
  office: string,
  link: string,
  unit: string,
  id: string,
  reason: string,
  proposal = "",
): Promise<string> {
  const opened = await browse(`${link}/s/${id}`);
  const html = await opened.text();
  expect(opened.status, html.slice(0, 400)).toBe(200);
  const sent = await postForm(`${link}/s/${id}/objection`, {
    nonce: nonceOf(html, `${link}/s/${id}/objection`),
    理由: reason,
    ...(proposal ? { 建议承办单位: proposal } : {}),
  });
  expect(sent.status, (await sent.text()).slice(0, 400)).toBe(303);
  const { results } = await env.DB.prepare(
    "SELECT form, submission_id FROM inbox WHERE form = 'objection'",
  ).all<{
    form: InboxForm;
    submission_id: string;
  }>();
  const keys = results.map((r) => ({ form: r.form, submissionId: r.submission_id }));
  expect(await applyInbox(await officeDeps(office), keys, Date.now())).toMatchObject({ outcome: "ok" });
  const row = await env.DB.prepare(
    "SELECT submission_id FROM objections WHERE suggestion_id = ?1 AND unit = ?2",
  )
    .bind(id, unit)
    .first<{ submission_id: string }>();
  return row?.submission_id ?? "";
}
