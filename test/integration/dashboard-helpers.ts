import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { app } from "../../src/app";
import { createDeps } from "../../src/deps";
import type { Env } from "../../src/env";
import { runSync } from "../../src/jobs/sync/run-sync";
import { emulator, emulatorUrl } from "../support/emulator-admin";
import { buildFixture, FIXTURE_NOW_MS, fixtureSheets } from "../support/ledger-fixture";
import { quietQueue } from "../support/quiet-queue";
import { resetDatabase } from "../support/sync-helpers";

/**
 * This file's own spreadsheet: the emulator is shared by every test file running in parallel, so a
 * dashboard test never recreates the sheet another file is syncing.
 */
export const SHEET = `dashboard-${crypto.randomUUID().slice(0, 8)}`;
export const ADMIN = { authorization: "Bearer test-admin-token" };
export const BASE = "http://jianyi.test";
const FAST_RETRY = { budgetMs: 10_000, baseDelayMs: 5, maxDelayMs: 100, maxAttempts: 10 };

let ownEnv: Env | undefined;

/**
 * The Worker's env with this file's own spreadsheet and service account. The emulator counts
 * Google's 60 reads a minute per account, and every test file shares one emulator: with its own
 * account a dashboard test neither eats the other files' quota nor fails on theirs.
 */
export async function dashboardEnv(): Promise<Env> {
  if (ownEnv) return ownEnv;
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const email = `dashboard-${crypto.randomUUID().slice(0, 8)}@jianyi-test.iam.gserviceaccount.com`;
  const registered = await fetch(`${emulatorUrl()}/__emulator/service-accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_email: email, public_key_pem: await exportSPKI(publicKey) }),
  });
  if (!registered.ok) throw new Error(`could not register a service account: ${registered.status}`);
  const key = { type: "service_account", client_email: email, private_key: await exportPKCS8(privateKey) };
  // Submissions wait for the test's own applyInbox on this file's sheet (quiet-queue.ts says why).
  ownEnv = {
    ...env,
    SPREADSHEET_ID: SHEET,
    GOOGLE_SERVICE_ACCOUNT: JSON.stringify(key),
    INTAKE_QUEUE: quietQueue,
  };
  return ownEnv;
}

/** Deps of the Worker as this file's tests see it (own service account, short backoff). */
export async function dashboardDeps() {
  return createDeps(await dashboardEnv(), { retry: FAST_RETRY });
}

/** Empty tables (the shared reset plus this feature's own), then the fixture sheet synced into D1. */
export async function seedAndSync(tabs = buildFixture(40)): Promise<void> {
  await resetDatabase();
  await env.DB.prepare("DELETE FROM samples").run();
  await emulator.deleteSpreadsheet(SHEET).catch(() => undefined);
  await emulator.createSpreadsheet(SHEET, fixtureSheets(tabs));
  const result = await runSync(await dashboardDeps(), "test", FIXTURE_NOW_MS);
  if (result.outcome !== "ok") throw new Error(`fixture sync failed: ${result.message}`);
}

/**
 * Staff delete ledger rows `fromRow`…`toRow` (sheet rows) by mistake, and the next sync finds their
 * suggestions vanished: what a 恢复 test starts from.
 */
export async function vanishLedgerRows(fromRow: number, toRow: number): Promise<void> {
  const deps = await dashboardDeps();
  const ss = await emulator.spreadsheet(SHEET);
  const sheetId = ss.sheets.find((s) => s.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  await deps.sheets.batchUpdate([
    { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: fromRow - 1, endIndex: toRow } } },
  ]);
  await runSync(deps, "test", FIXTURE_NOW_MS);
}

/**
 * Seeds and syncs `tabs` before the file's tests, which then run with the clock at the fixture's
 * moment (pages work out their day from it).
 */
export function seededAtFixtureTime(tabs = buildFixture(40)): void {
  beforeAll(async () => {
    await seedAndSync(tabs);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(FIXTURE_NOW_MS);
  });
  afterAll(() => vi.useRealTimers());
}

/** A page's body, the page answering 200 (else the start of its body says why). */
export async function pageText(path: string): Promise<string> {
  const response = await call(path);
  const body = await response.text();
  expect(response.status, `${path}: ${body.slice(0, 300)}`).toBe(200);
  return body;
}

/** The suggestion list at `query` (`?year=2026&status=…`), answering `status` (else its body says why). */
export async function listPage(query: string, status = 200): Promise<string> {
  const response = await call(`/suggestions${query}`);
  const body = await response.text();
  expect(response.status, body.slice(0, 300)).toBe(status);
  return body;
}

/** The 编号 a page links to, in order. */
export const listedIds = (html: string): string[] =>
  [...html.matchAll(/<a href="\/suggestions\/(\d{4}-\d+)">/g)].map((m) => m[1] ?? "");

/** The Worker's fetch handler (src/index.ts serves app.fetch) with this file's env. */
export async function worker(request: Request, overrides: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(request, { ...(await dashboardEnv()), ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Calls the Worker as signed-in staff (bearer admin token unless other credentials are given). */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization") && !headers.has("cookie"))
    headers.set("authorization", ADMIN.authorization);
  return worker(new Request(`${BASE}${path}`, { ...init, headers, redirect: "manual" }));
}

/** Calls the Worker with no credentials at all. */
export function anonymous(path: string, init: RequestInit = {}): Promise<Response> {
  return worker(new Request(`${BASE}${path}`, { ...init, redirect: "manual" }));
}

/** Signs in with the admin-token link, as a browser does; returns the `name=value` cookie it got. */
export async function signIn(path = "/"): Promise<string> {
  const sep = path.includes("?") ? "&" : "?";
  const response = await anonymous(`${path}${sep}token=test-admin-token`);
  if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  const cookie = /^(jianyi_session=[^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie;
}

let session: string | undefined;

/** A form POST from one of the dashboard's own pages (same origin, session cookie). */
export async function postForm(
  path: string,
  fields: Record<string, string>,
  headers: HeadersInit = {},
): Promise<Response> {
  session ??= await signIn();
  return worker(
    new Request(`${BASE}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: BASE,
        cookie: session,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

/** Inserts an outbox row the way the notices job does, for the pages that list notices. */
export async function insertNotice(n: {
  id: string;
  status: string;
  type?: string;
  error?: string;
}): Promise<number> {
  const row = await env.DB.prepare(
    `INSERT INTO notices (idempotency_key, type, suggestion_id, recipient, channel, address, title, body, due_on,
       planned_at, status, attempts, sent_at, last_error)
     VALUES (?1, ?2, ?3, '区教育局', 'email', 'edu@example.gov.cn', ?4, '正文', '2026-11-20', '2026-11-20T01:00:00.000Z',
       ?5, 1, ?6, ?7) RETURNING id`,
  )
    .bind(
      `${n.type ?? "逾期催办"}|${n.id}|${n.status}`,
      n.type ?? "逾期催办",
      n.id,
      `建议 ${n.id} 已逾期，请尽快答复`,
      n.status,
      n.status === "已发送" ? "2026-11-20T01:00:05.000Z" : null,
      n.error ?? null,
    )
    .first<{ id: number }>();
  return row?.id ?? 0;
}

export { FIXTURE_NOW_MS };
