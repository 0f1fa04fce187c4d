import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, inject } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import {
  deputiesTab,
  ledgerTab,
  noticeLogTab,
  problemsTab,
  statisticsTab,
  unitsTab,
} from "../../sheets-schema/tabs";
import { createDeps, type Deps } from "../../src/deps";
import { serialFromIso } from "../../src/domain/civil-date";
import type { NoticeMessage } from "../../src/jobs/notices/enqueue";
import { isNoticeLogStep, type NoticeLogStep, runNoticeLogStep } from "../../src/jobs/notices/log-step";
import type { StepOutcome } from "../../src/jobs/notices/plan-steps";
import { continueDailyNotices, type NoticesStep, runDailyNotices } from "../../src/jobs/notices/run-daily";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator, emulatorUrl } from "../support/emulator-admin";
import type { ReceivedMessage, RobotConfig } from "../support/robot-server";

const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };

function pem(label: string, der: ArrayBuffer): string {
  const b64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)?.join("\n")}\n-----END ${label}-----\n`;
}

const accounts = new Map<string, string>();

/**
 * A service account of this office's own, registered with the emulator: Sheets read quota is per
 * user, and every integration test file shares the emulator, so the notice tests spend their own.
 */
async function officeAccount(office: string): Promise<string> {
  const known = accounts.get(office);
  if (known) return known;
  const pair = (await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const clientEmail = `${office}@jianyi-test.iam.gserviceaccount.com`;
  const publicPem = pem("PUBLIC KEY", (await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer);
  const privatePem = pem(
    "PRIVATE KEY",
    (await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer,
  );
  const res = await fetch(`${emulatorUrl()}/__emulator/service-accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_email: clientEmail, public_key_pem: publicPem }),
  });
  if (!res.ok) throw new Error(`emulator refused the service account: ${res.status}`);
  const json = JSON.stringify({
    type: "service_account",
    client_email: clientEmail,
    private_key: privatePem,
  });
  accounts.set(office, json);
  return json;
}

/** Deps for an office's spreadsheet, signed in as the office's own service account. */
export async function officeDeps(office: string): Promise<Deps> {
  const account = await officeAccount(office);
  return createDeps(
    { ...env, SPREADSHEET_ID: office, GOOGLE_SERVICE_ACCOUNT: account },
    { retry: FAST_RETRY },
  );
}

/** 10:00 in Asia/Shanghai on Monday 2026-03-02, the 交办会 day of these tests. */
export const MONDAY_10_MS = Date.parse("2026-03-02T02:00:00Z");

export const robotUrl = () => inject("robotUrl");

export async function registerRobot(config: RobotConfig): Promise<void> {
  const res = await fetch(`${robotUrl()}/__robots`, { method: "POST", body: JSON.stringify(config) });
  if (!res.ok) throw new Error(`robot server: ${res.status}`);
}

export async function robotMessages(token: string): Promise<ReceivedMessage[]> {
  return (await (
    await fetch(`${robotUrl()}/__messages?token=${encodeURIComponent(token)}`)
  ).json()) as ReceivedMessage[];
}

/** One unit per channel kind, with tokens unique to this office so parallel test files never mix. */
export function officeUnits(office: string) {
  const robot = robotUrl();
  return {
    区教育局: {
      channel: "wecom",
      address: `${robot}/cgi-bin/webhook/send?key=${office}-jyj`,
      token: `${office}-jyj`,
      secret: undefined,
    },
    区住建局: {
      channel: "dingtalk",
      address: `${robot}/robot/send?access_token=${office}-zjj#SEC${office}`,
      token: `${office}-zjj`,
      secret: `SEC${office}`,
    },
    区卫健委: {
      channel: "feishu",
      address: `${robot}/open-apis/bot/v2/hook/${office}-wjw#fs-${office}`,
      token: `${office}-wjw`,
      secret: `fs-${office}`,
    },
    区民政局: {
      channel: "webhook",
      address: `${robot}/webhook/${office}-mzj#wh-${office}`,
      token: `${office}-mzj`,
      secret: `wh-${office}`,
    },
    区交通运输局: {
      channel: "email",
      address: `jtj-${office}@example.gov.cn`,
      token: `jtj-${office}@example.gov.cn`,
      secret: undefined,
    },
  } as const;
}

export type UnitName = keyof ReturnType<typeof officeUnits>;

/** The 承办单位 tab of an office's units (header row first), each reachable by its channel. */
export function unitsTabRows(units: ReturnType<typeof officeUnits>): unknown[][] {
  return [
    header(unitsTab),
    ...UNIT_NAMES.map((name) => {
      const unit = units[name];
      return row(unitsTab, {
        单位名称: name,
        通知渠道: unit.channel,
        邮箱: unit.channel === "email" ? unit.address : "",
        机器人地址: unit.channel === "email" ? "" : unit.address,
      });
    }),
  ];
}
export const UNIT_NAMES = [
  "区教育局",
  "区住建局",
  "区卫健委",
  "区民政局",
  "区交通运输局",
] as const satisfies UnitName[];

/** A tab's header row, as the contract names its columns. */
export const header = (tab: { columns: readonly { header: string }[] }) => tab.columns.map((c) => c.header);

/** A row of `tab` with `cells` under their headers, the other cells blank. */
export function row(tab: { columns: readonly { header: string }[] }, cells: Record<string, string | number>) {
  return header(tab).map((h) => cells[h] ?? "");
}

/**
 * Every unit of the office registered afresh with the robot server (its channel, token and secret);
 * `failTimes`: how many posts a unit's robot refuses first. Returns the units.
 */
export async function registerOfficeRobots(
  office: string,
  failTimes: Partial<Record<UnitName, number>> = {},
): Promise<ReturnType<typeof officeUnits>> {
  const units = officeUnits(office);
  for (const name of UNIT_NAMES) {
    const unit = units[name];
    const refused = failTimes[name];
    await registerRobot({
      kind: unit.channel === "email" ? "email" : unit.channel,
      token: unit.token,
      secret: unit.secret,
      ...(refused ? { failTimes: refused } : {}),
    });
  }
  return units;
}

/**
 * Before each test of a file whose office synced once: no notices, attempts, leases or robot slots,
 * and no daily run marked done (the sync's own meta kept).
 */
export async function clearNotices(): Promise<void> {
  await env.DB.batch(
    [
      "DELETE FROM notices",
      "DELETE FROM notice_attempts",
      "DELETE FROM leases",
      "DELETE FROM robot_pacing",
      "DELETE FROM meta WHERE key LIKE 'notices_%'",
    ].map((sql) => env.DB.prepare(sql)),
  );
}

/**
 * A spreadsheet with one suggestion per unit, all assigned on 2026-03-02, every unit reached by
 * a different channel through the robot server; robots registered afresh with their secrets.
 * Uses only the emulator's admin API, which costs no Sheets quota.
 */
export async function buildOfficeSheet(office: string) {
  const units = await registerOfficeRobots(office);
  const ledger = UNIT_NAMES.map((unit, i) => assignedRow(i + 1, unit));
  const tabs: Record<string, unknown[][]> = {
    [TAB_NAMES.ledger]: [header(ledgerTab), ...ledger],
    [TAB_NAMES.units]: [...unitsTabRows(units)],
    [TAB_NAMES.deputies]: [
      header(deputiesTab),
      row(deputiesTab, { 姓名: "张明", 邮箱: `zm-${office}@example.cn` }),
    ],
    ...EMPTY_SMALL_TABS,
    [TAB_NAMES.noticeLog]: [header(noticeLogTab)],
    [TAB_NAMES.problems]: [header(problemsTab)],
    [TAB_NAMES.statistics]: [header(statisticsTab)],
  };
  await createSheet(office, tabs);
  return units;
}

/** 设置, 通知模板 and 节假日 with their headers alone: the defaults, no templates of the office's own. */
export const EMPTY_SMALL_TABS: Record<string, unknown[][]> = {
  [TAB_NAMES.settings]: [["项目", "值", "说明"]],
  [TAB_NAMES.templates]: [["模板", "渠道", "标题", "正文", "启用"]],
  [TAB_NAMES.holidays]: [["日期", "类型", "说明"]],
};

/** The emulated spreadsheet `office` made anew with `tabs` (title → rows). */
export async function createSheet(office: string, tabs: Record<string, unknown[][]>): Promise<void> {
  await emulator.deleteSpreadsheet(office).catch(() => undefined);
  await emulator.createSpreadsheet(
    office,
    Object.entries(tabs).map(([title, rows]) => ({ title, rows })),
  );
}

/**
 * The office sheet, synced into D1 once per test file: the emulator's read quota is shared by
 * every test file, so the tests of a file reuse one sync (the sheet they recreate is identical).
 */
export async function seedOffice(office: string) {
  const units = await buildOfficeSheet(office);
  const synced = await runSync(await officeDeps(office), "test", MONDAY_10_MS);
  if (synced.outcome !== "ok") throw new Error(`sync failed: ${synced.message}`);
  return units;
}

/** 建议台账's row of 2026-<n> (张明's, 立案), assigned on 2026-03-02 to `unit` alone, with `more` cells. */
export function assignedRow(n: number, unit: string, more: Record<string, string | number> = {}) {
  return row(ledgerTab, {
    编号: `2026-${String(n).padStart(3, "0")}`,
    标题: `关于第${n}件民生实事的建议`,
    领衔代表: "张明",
    类别: "社会事业",
    提出日期: serialFromIso("2026-01-13"),
    审查结果: "立案",
    主办单位: unit,
    交办日期: serialFromIso("2026-03-02"),
    ...more,
  });
}

/** Before each test: no notices, no leases, no last-run mark, a fresh sheet and fresh robots (no slots taken). */
export async function freshOffice(office: string) {
  await env.DB.batch(
    [
      "DELETE FROM notices",
      "DELETE FROM notice_attempts",
      "DELETE FROM leases",
      "DELETE FROM meta",
      // The robots are fresh too: no slot an earlier test took holds their next notice back.
      "DELETE FROM robot_pacing",
    ].map((sql) => env.DB.prepare(sql)),
  );
  return buildOfficeSheet(office);
}

/** Deps for an office whose notice queue only records what is sent to it, so tests drive delivery. */
export async function noticeDeps(
  office: string,
): Promise<{ deps: Deps; queued: NoticeMessage[]; jobs: QueuedJob[] }> {
  const queued: NoticeMessage[] = [];
  const jobs: QueuedJob[] = [];
  const jobsQueue = {
    send: async (body: QueuedJob) => void jobs.push(body),
  } as unknown as Deps["jobsQueue"];
  const metadata = { metrics: { backlogCount: 0, backlogBytes: 0 } };
  const queue: Queue<unknown> = {
    metrics: async () => ({ backlogCount: 0, backlogBytes: 0 }),
    send: async (body) => {
      queued.push(body as NoticeMessage);
      return { metadata };
    },
    sendBatch: async (messages) => {
      for (const m of messages) queued.push(m.body as NoticeMessage);
      return { metadata };
    },
  };
  return { deps: { ...(await officeDeps(office)), noticesQueue: queue, jobsQueue }, queued, jobs };
}

/** What the notice jobs put on the job queue: a daily run's steps, the notices log after a batch. */
export type QueuedJob = NoticesStep | NoticeLogStep;

/**
 * Runs the queued steps of daily notices runs (and any notices log), in order, as the job queue
 * would; returns the daily steps' outcomes.
 */
export async function drainJobs(deps: Deps, jobs: QueuedJob[]): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    if (isNoticeLogStep(job)) await runNoticeLogStep(deps, Date.now(), job);
    else outcomes.push(await continueDailyNotices(deps, job));
  }
  return outcomes;
}

/**
 * Runs the notices log steps the consumers queued (通知记录, 最近通知), as the job queue would, and
 * those they queue in turn (a flush writes FLUSH_LIMIT outcomes); returns how many ran.
 */
export async function writeQueuedNoticeLog(deps: Deps, jobs: QueuedJob[]): Promise<number> {
  let ran = 0;
  for (let steps = jobs.filter(isNoticeLogStep); steps.length > 0; steps = jobs.filter(isNoticeLogStep)) {
    jobs.splice(0, jobs.length, ...jobs.filter((j) => !isNoticeLogStep(j)));
    for (const step of steps) await runNoticeLogStep(deps, Date.now(), step);
    ran += steps.length;
  }
  return ran;
}

/** What the queue made of a batch, and the consumer's own summary. */
export interface BatchOutcome<T> {
  ackAll: boolean;
  explicitAcks: string[];
  retryMessages: { msgId: string }[];
  summary: T;
}

/** Hands messages to a consumer as the queue would (with their attempt count) and reports acks and retries. */
export async function deliverBatch<T>(
  queue: "jianyi-notices" | "jianyi-notices-dlq",
  messages: { id: string; body: NoticeMessage; attempts?: number }[],
  consume: (batch: MessageBatch<unknown>) => Promise<T>,
): Promise<BatchOutcome<T>> {
  const batch = createMessageBatch<unknown>(
    queue,
    messages.map((m) => ({ id: m.id, timestamp: new Date(), attempts: m.attempts ?? 1, body: m.body })),
  );
  const summary = await consume(batch);
  return { ...(await getQueueResult(batch, createExecutionContext())), summary };
}

export const noticeLog = (office: string) => emulator.getValues(office, `'${TAB_NAMES.noticeLog}'`);
export const ledgerValues = (office: string) => emulator.getValues(office, `'${TAB_NAMES.ledger}'`);
export const ledgerCol = (h: string) => header(ledgerTab).indexOf(h);
export const logCol = (h: string) => header(noticeLogTab).indexOf(h);

/** 10:00 in Asia/Shanghai on `day`: when the tests of a clearing or a shift sync. */
export const at10 = (day: string) => Date.parse(`${day}T02:00:00Z`);

/** Staff typing `cells` into sheet row 2 of 建议台账 (2026-001), by header. */
export async function setLedgerRow2(office: string, cells: Readonly<Record<string, string | number>>) {
  const deps = await officeDeps(office);
  const ledger = `'${TAB_NAMES.ledger}'`;
  await deps.sheets.batchUpdateValues(
    Object.entries(cells).map(([h, v]) => ({
      range: `${ledger}!${String.fromCharCode(65 + ledgerCol(h))}2`,
      values: [[v]],
    })),
    "RAW",
  );
}

/** The office's sync at 10:00 on `day`, which ends ok. */
export async function syncAt10(office: string, day: string): Promise<void> {
  const synced = await runSync(await officeDeps(office), "test", at10(day));
  expect(synced.outcome).toBe("ok");
}

/** The day's notices run an hour after that sync (forced), its queued steps run in turn. */
export async function noticesRunAt11(office: string, day: string): Promise<void> {
  const run = await noticeDeps(office);
  await runDailyNotices(run.deps, at10(day) + 3600_000, { force: true });
  await drainJobs(run.deps, run.jobs);
}

/** The 校验问题 tab's messages about the ledger's row 2, as `级别|列|问题`. */
export async function rowTwoProblems(office: string): Promise<string[]> {
  const rows = await emulator.getValues(office, `'${TAB_NAMES.problems}'`);
  const header = (rows[0] ?? []).map(String);
  const at = (h: string) => header.indexOf(h);
  return rows
    .slice(1)
    .filter((r) => r[at("工作表")] === TAB_NAMES.ledger && Number(r[at("行号")]) === 2)
    .map((r) => `${r[at("级别")]}|${r[at("列")]}|${r[at("问题")]}`);
}

/**
 * Staff edit cells of 承办单位 (by unit, row as UNIT_NAMES orders them; cells by header), then the
 * sync at `atMs` takes the tab into D1.
 */
export async function editUnitRows(
  office: string,
  edits: Partial<Record<(typeof UNIT_NAMES)[number], Record<string, string>>>,
  atMs: number,
): Promise<void> {
  const column = (h: string) => String.fromCharCode(65 + unitsTab.columns.findIndex((c) => c.header === h));
  const deps = await officeDeps(office);
  await deps.sheets.batchUpdateValues(
    Object.entries(edits).flatMap(([unit, cells]) =>
      Object.entries(cells ?? {}).map(([h, value]) => ({
        range: `'${TAB_NAMES.units}'!${column(h)}${UNIT_NAMES.indexOf(unit as (typeof UNIT_NAMES)[number]) + 2}`,
        values: [[value]],
      })),
    ),
  );
  expect(await runSync(deps, "test", atMs)).toMatchObject({ outcome: "ok" });
}
