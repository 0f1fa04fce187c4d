import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import type { Env } from "../../src/env";
import { clearSheetChecks } from "../../src/http/health";
import { emulator } from "../support/emulator-admin";

interface Health {
  ok: boolean;
  version: string;
  message: string;
  missing: { what: string; name: string; fix: string }[];
  sheet: { reachable: boolean | null; error?: string; hint?: string };
}

const health = async (overrides?: Partial<Env>) => {
  const request = new Request("http://jianyi.test/healthz");
  let response: Response;
  if (overrides) {
    const ctx = createExecutionContext();
    response = await app.fetch(request, { ...env, ...overrides }, ctx);
    await waitOnExecutionContext(ctx);
  } else {
    response = await exports.default.fetch(request);
  }
  return { status: response.status, body: (await response.json()) as Health };
};

async function freshSheet(): Promise<void> {
  clearSheetChecks();
  await emulator.deleteSpreadsheet("test-sheet").catch(() => undefined);
  await emulator.createSpreadsheet("test-sheet", [{ title: "建议台账" }]);
}

describe("GET /healthz", () => {
  it("answers 200 without sign-in once migrations, secrets and the sheet are all there", async () => {
    await freshSheet();

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, missing: [], message: "就绪" });
    expect(body.sheet).toMatchObject({ reachable: true });
    expect(typeof body.version).toBe("string");
  });

  it("answers 503 with Google's error and the Chinese hint when the sheet is not shared with the service account", async () => {
    await freshSheet();
    await emulator.setPrivate("test-sheet", true);

    const { status, body } = await health();

    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.sheet.reachable).toBe(false);
    expect(body.sheet.error).toContain("403");
    const share =
      "服务账号 jianyi-test@jianyi-test.iam.gserviceaccount.com 无权访问该表格：请在 Google 表格中点“共享”，把它添加为编辑者";
    expect(body.missing).toEqual([{ what: "sheet", name: "test-sheet", fix: share }]);
    expect(body.message).toContain(share);
  });

  it("never shows outsiders a spreadsheet's whole ID: a sheet shared by link would be open to them", async () => {
    // A real ID's length (44): /healthz needs no sign-in, and an office may have shared its sheet
    // with 知道链接的任何人 (anyone with the link), so the ID is shown as the sheet-switch banner shows it.
    const id = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd";
    clearSheetChecks();
    await emulator.deleteSpreadsheet(id).catch(() => undefined);
    await emulator.createSpreadsheet(id, [{ title: "建议台账" }]);
    await emulator.setPrivate(id, true);

    const request = new Request("http://jianyi.test/healthz");
    const ctx = createExecutionContext();
    const response = await app.fetch(request, { ...env, SPREADSHEET_ID: id }, ctx);
    await waitOnExecutionContext(ctx);
    const text = await response.text();

    expect(response.status).toBe(503);
    expect(text).not.toContain(id);
    expect((JSON.parse(text) as Health).missing[0]?.name).toBe("1AbCdE…-_abcd");
    await emulator.deleteSpreadsheet(id);
    clearSheetChecks();
  });

  it("answers 503 naming each required secret that is missing, and a service account that is not a key", async () => {
    await freshSheet();

    const { status, body } = await health({
      ADMIN_TOKEN: "",
      FORM_SECRET_RATING: undefined,
      GOOGLE_SERVICE_ACCOUNT: "not json",
    });

    expect(status).toBe(503);
    expect(body.missing.map((m) => [m.what, m.name])).toEqual([
      ["secret", "GOOGLE_SERVICE_ACCOUNT"],
      ["secret", "ADMIN_TOKEN"],
      ["secret", "FORM_SECRET_RATING"],
    ]);
    expect(body.missing[1]?.fix).toBe("运行 npx wrangler secret put ADMIN_TOKEN");
    expect(body.sheet.reachable).toBeNull();
  });

  it("answers 503 until personal links have their key (32+ characters) and the Worker's address", async () => {
    await freshSheet();

    const { status, body } = await health({ LINK_SECRET: "too-short", PUBLIC_URL: undefined });

    expect(status).toBe(503);
    expect(body.missing.map((m) => [m.what, m.name])).toEqual([
      ["secret", "LINK_SECRET"],
      ["secret", "PUBLIC_URL"],
    ]);
    expect(body.missing[0]?.fix).toContain("LINK_SECRET 太短（9 个字符）");
    expect(body.missing[1]?.fix).toContain("npx wrangler secret put PUBLIC_URL");
  });

  it("asks Google at most once every 10 s however often it is polled, leaving the quota to the jobs", async () => {
    await freshSheet();
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    for (let i = 0; i < 30; i++) expect((await health()).status).toBe(200);

    const reads = (await emulator.requests(since)).filter((r) => r.kind === "read");
    expect(reads).toHaveLength(1);
  });
});

describe("the benchmarks' D1 meter", () => {
  it("is no route of a deployed Worker: without D1_METER it is the sign-in page like any unknown path", async () => {
    const response = await exports.default.fetch(new Request("http://jianyi.test/__d1-meter"));
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("需要登录");
  });
});
