import { applyD1Migrations, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../src/app";
import type { Env } from "../../src/env";
import { emulator } from "../support/emulator-admin";
import { buildFixture, fixtureSheets } from "../support/ledger-fixture";
import { signedFormRequest, suggestion } from "../support/signed-post";

// This file's Worker runs on BARE_DB, a database no setup file migrates: the tests apply the
// migrations themselves, as `wrangler d1 migrations apply` would while the Worker already serves.
const bareEnv: Env = { ...env, DB: env.BARE_DB };
const LAST = env.TEST_MIGRATIONS.at(-1)?.name ?? "";

async function send(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(request, bareEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

interface Health {
  ok: boolean;
  message: string;
  missing: { what: string; name: string; fix: string }[];
  sheet: { reachable: boolean | null };
}

async function health(): Promise<{ status: number; body: Health }> {
  const response = await send(new Request("http://jianyi.test/healthz"));
  return { status: response.status, body: (await response.json()) as Health };
}

const page = () =>
  send(new Request("http://jianyi.test/", { headers: { authorization: "Bearer test-admin-token" } }));
const api = () =>
  send(
    new Request("http://jianyi.test/api/sync/last", {
      headers: { authorization: "Bearer test-admin-token" },
    }),
  );
let submissions = 0;
const submit = async () =>
  send(
    await signedFormRequest(
      "suggestion",
      suggestion(`ready-${++submissions}`, { 标题: "t", 领衔代表: "王建国0" }),
    ),
  );

beforeAll(async () => {
  await emulator.deleteSpreadsheet("test-sheet").catch(() => undefined);
  await emulator.createSpreadsheet("test-sheet", fixtureSheets(buildFixture(3)));
});

describe("ready means ready", () => {
  it("answers 503 on /healthz naming every migration of an empty database, and 503 (not 500) elsewhere", async () => {
    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.missing.filter((m) => m.what === "migration").map((m) => m.name)).toEqual(
      env.TEST_MIGRATIONS.map((m) => m.name),
    );
    expect((await submit()).status).toBe(503);
  });

  it("names the one migration a database lacks, and every route answers 503 in the one error shape", async () => {
    await applyD1Migrations(env.BARE_DB, env.TEST_MIGRATIONS.slice(0, -1));

    const { status, body } = await health();
    const form = await submit();
    const json = await api();
    const html = await page();

    expect(status).toBe(503);
    expect(body.missing).toEqual([
      { what: "migration", name: LAST, fix: "运行 npx wrangler d1 migrations apply DB --local" },
    ]);
    expect(body.message).toContain(LAST);
    expect(body.sheet.reachable).toBe(true);
    expect(form.status).toBe(503);
    const error = ((await form.json()) as { error: { code: string; message: string; requestId: string } })
      .error;
    expect(error.code).toBe("not_ready");
    expect(error.message).toContain(LAST);
    expect(error.requestId).toBeTruthy();
    expect(form.headers.get("retry-after")).toBe("10");
    expect(json.status).toBe(503);
    expect(html.status).toBe(503);
    expect(await html.text()).toContain("系统尚未就绪");
    const stored = await env.BARE_DB.prepare("SELECT count(*) AS n FROM inbox").first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });

  it("tells a database that does not answer from one not set up: its page is titled so, not 系统尚未就绪", async () => {
    const down = {
      prepare: () => {
        throw new Error("D1_ERROR: Network connection lost.");
      },
    } as unknown as D1Database;
    const ctx = createExecutionContext();
    const response = await app.fetch(
      new Request("http://jianyi.test/", { headers: { authorization: "Bearer test-admin-token" } }),
      { ...env, DB: down },
      ctx,
    );
    await waitOnExecutionContext(ctx);

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("10");
    const text = await response.text();
    expect(text).toContain("<title>数据库暂时无法访问");
    expect(text).toContain("数据库暂时无法访问：请稍后重试");
    expect(text).not.toContain("系统尚未就绪");
  });

  it("takes a signed submission (202) the moment /healthz first answers 200; nothing on the way gets a 500", async () => {
    const statuses: number[] = [];
    let polls = 0;
    let migrating: Promise<void> | undefined;
    for (;;) {
      const { status } = await health();
      statuses.push(status);
      if (status === 200) break;
      // Requests keep coming while the last migration is applied, as they do under `npm start`.
      statuses.push((await submit()).status, (await page()).status);
      if (++polls === 3) migrating = applyD1Migrations(env.BARE_DB, env.TEST_MIGRATIONS);
      if (polls > 200) throw new Error("/healthz never answered 200");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await migrating;

    const response = await submit();

    expect(response.status).toBe(202);
    expect(statuses).not.toContain(500);
    expect(statuses.slice(0, 3)).toEqual([503, 503, 503]);
    expect(statuses.every((s) => s === 503 || s === 200 || s === 202)).toBe(true);
    const { body } = await health();
    expect(body).toMatchObject({ ok: true, missing: [], message: "就绪" });
  });
});
