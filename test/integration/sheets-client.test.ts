import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { createDeps } from "../../src/deps";
import { createSheetsClient, SheetsError } from "../../src/sheets/client";
import { clearTokenCache, createTokenSource } from "../../src/sheets/token";
import { createMetaStore, type MetaStore } from "../../src/store/meta";
import { emulator, emulatorUrl } from "../support/emulator-admin";

const FAST_RETRY = { budgetMs: 5_000, baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 8 };

function clientFor(spreadsheetId: string, now?: () => number, store?: MetaStore, doFetch?: typeof fetch) {
  const config = loadConfig(env);
  const auth = createTokenSource({
    serviceAccount: config.serviceAccount,
    tokenUrl: config.tokenUrl,
    now,
    store,
  });
  return createSheetsClient({
    baseUrl: config.sheetsApiBase,
    spreadsheetId,
    auth,
    retry: FAST_RETRY,
    fetch: doFetch,
  });
}

/**
 * A fetch whose next `times` calls to the Sheets API (the token endpoint spared; with `method`, only
 * those) throw, as on a reset connection.
 */
function droppingFetch(times: number, method?: string): typeof fetch {
  let left = times;
  return async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const other = !url.includes("/v4/spreadsheets/") || (method !== undefined && init?.method !== method);
    if (left === 0 || other) return fetch(input, init);
    left--;
    throw new TypeError("Network connection lost.");
  };
}

beforeEach(async () => {
  clearTokenCache();
  await emulator.resetQuota();
});

describe("Worker Sheets client against the emulator", () => {
  it("mints a token from the service-account key and refreshes it shortly before expiry", async () => {
    await emulator.createSpreadsheet("token-sheet", [{ title: "建议台账", rows: [["编号"]] }]);
    // The first token is minted "56 minutes ago" (still valid for 4 more), so moving the clock to
    // the real now puts it inside the five-minute refresh margin of its one-hour life.
    let nowMs = Date.now() - 56 * 60_000;
    const client = clientFor("token-sheet", () => nowMs);
    const before = await emulator.requests();
    const since = before.at(-1)?.seq ?? 0;

    await client.get("'建议台账'!A1:A1");
    await client.get("'建议台账'!A1:A1");
    nowMs = Date.now();
    const values = await client.get("'建议台账'!A1:A1");

    expect(values.values).toEqual([["编号"]]);
    const tokenCalls = (await emulator.requests(since)).filter((r) => r.kind === "auth");
    expect(tokenCalls.map((r) => r.status)).toEqual([200, 200]);
  });

  it("a fresh isolate uses the token the last one kept in D1, and mints again once Google refused it", async () => {
    await emulator.createSpreadsheet("vault-sheet", [{ title: "建议台账", rows: [["编号"]] }]);
    const store = createMetaStore(env.DB);
    const tokenCalls = async (since: number) =>
      (await emulator.requests(since)).filter((r) => r.kind === "auth").length;
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    await clientFor("vault-sheet", undefined, store).get("'建议台账'!A1:A1");
    expect(await tokenCalls(since)).toBe(1);

    // Each clearTokenCache() is a fresh isolate: nothing in memory, D1 as the last one left it.
    clearTokenCache();
    const fresh = clientFor("vault-sheet", undefined, store);
    expect((await fresh.get("'建议台账'!A1:A1")).values).toEqual([["编号"]]);
    expect(await tokenCalls(since)).toBe(1);

    await emulator.addFault({ pathIncludes: "vault-sheet/values", status: 401, times: 1 });
    const refused = await fresh.get("'建议台账'!A1:A1").catch((e: unknown) => e);
    expect(refused).toMatchObject({ httpStatus: 401, retryable: false });
    clearTokenCache();
    const after = clientFor("vault-sheet", undefined, store);
    expect((await after.get("'建议台账'!A1:A1")).values).toEqual([["编号"]]);
    expect(await tokenCalls(since)).toBe(2);
  });

  it("batchGetIfChanged: one read each time, the values only when Google's answer changed", async () => {
    await emulator.createSpreadsheet("digest-sheet", [
      {
        title: "沟通记录",
        rows: [
          ["编号", "承办单位"],
          ["2026-001", "区教育局"],
        ],
      },
    ]);
    const client = clientFor("digest-sheet");
    const ranges = ["'沟通记录'"];
    const first = await client.batchGetIfChanged(ranges, undefined);
    expect(first.valueRanges?.[0]?.values).toEqual([
      ["编号", "承办单位"],
      ["2026-001", "区教育局"],
    ]);
    expect(first.valueRanges).toEqual(await client.batchGet(ranges));
    const calls = client.callCount;
    const same = await client.batchGetIfChanged(ranges, first.digest);
    expect(same).toEqual({ digest: first.digest, valueRanges: null });
    await client.batchUpdateValues([{ range: "'沟通记录'!B2", values: [["区住建局"]] }]);
    const changed = await client.batchGetIfChanged(ranges, first.digest);
    expect(changed.digest).not.toBe(first.digest);
    expect(changed.valueRanges?.[0]?.values?.[1]).toEqual(["2026-001", "区住建局"]);
    // Two reads and the write between them: no call is spent on comparing.
    expect(client.callCount - calls).toBe(3);
  });

  it("backs off through a burst of 429s and lands the write exactly once", async () => {
    await emulator.createSpreadsheet("quota-sheet", [{ title: "建议台账", rows: [["编号", "标题"]] }]);
    const client = clientFor("quota-sheet");
    await client.get("'建议台账'!A1:B1"); // token minted before the faults start
    await emulator.addFault({
      method: "POST",
      pathIncludes: "quota-sheet/values:batchUpdate",
      status: 429,
      times: 4,
    });
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    await client.batchUpdateValues([
      { range: "'建议台账'!A2:B2", values: [["2026-001", '=IMPORTXML("x")']] },
    ]);

    const writes = (await emulator.requests(since)).filter((r) => r.path.includes("values:batchUpdate"));
    expect(writes.map((r) => r.status)).toEqual([429, 429, 429, 429, 200]);
    const read = await client.get("'建议台账'!A1:B3", { valueRenderOption: "FORMULA" });
    expect(read.values).toEqual([
      ["编号", "标题"],
      ["2026-001", '=IMPORTXML("x")'],
    ]);
  });

  it("reads again after a dropped connection, and says a dropped write in Chinese without sending it twice", async () => {
    await emulator.createSpreadsheet("network-sheet", [
      { title: "建议台账", rows: [["编号"], ["2026-001"]] },
    ]);

    const read = await clientFor("network-sheet", undefined, undefined, droppingFetch(2)).get(
      "'建议台账'!A1:A2",
    );

    expect(read.values).toEqual([["编号"], ["2026-001"]]);

    const writer = clientFor("network-sheet", undefined, undefined, droppingFetch(1, "POST"));
    await writer.get("'建议台账'!A1"); // the token, minted before the connection drops
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;
    const error = await writer
      .batchUpdate([{ addSheet: { properties: { title: "新表" } } }], { notIdempotent: true })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SheetsError);
    expect(error).toMatchObject({ httpStatus: 0, retryable: true });
    expect((error as SheetsError).message).toContain("连不上 Google 表格（网络出错）");
    expect((error as SheetsError).message).toContain("Network connection lost.");
    // The write may have reached Google before the connection dropped: its caller checks, it is not resent.
    expect((await emulator.requests(since)).filter((r) => r.path.includes(":batchUpdate"))).toEqual([]);
  });

  it("fails at once, with a clear permanent error, when the sheet is not shared (403)", async () => {
    await emulator.createSpreadsheet("private-sheet", [{ title: "Sheet1" }]);
    await emulator.setPrivate("private-sheet", true);
    // Built the way every job builds it, so the hint knows the service account's e-mail.
    const { sheets: client, config } = createDeps(
      { ...env, SPREADSHEET_ID: "private-sheet" },
      { retry: FAST_RETRY },
    );
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    const error = await client.get("Sheet1!A1").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SheetsError);
    expect(error).toMatchObject({ httpStatus: 403, status: "PERMISSION_DENIED", retryable: false });
    const email = config.serviceAccount.client_email;
    expect((error as SheetsError).hint).toBe(
      `服务账号 ${email} 无权访问该表格：请在 Google 表格中点“共享”，把它添加为编辑者`,
    );
    // What /healthz and the sync's run log show: the hint first, Google's words kept in brackets.
    expect((error as SheetsError).message).toMatch(
      /^服务账号 .+添加为编辑者（values\.get: 403 PERMISSION_DENIED /,
    );
    const calls = (await emulator.requests(since)).filter((r) => r.kind === "read");
    expect(calls).toHaveLength(1);
  });

  it("fails at once on a spreadsheet id that does not exist (404)", async () => {
    const client = clientFor("no-such-sheet");
    const since = (await emulator.requests()).at(-1)?.seq ?? 0;

    const error = await client.get("Sheet1!A1").catch((e: unknown) => e);

    expect(error).toMatchObject({ httpStatus: 404, status: "NOT_FOUND", retryable: false });
    expect((await emulator.requests(since)).filter((r) => r.kind === "read")).toHaveLength(1);
  });

  it("reports a bad token-endpoint answer as an authentication error, not a retry loop", async () => {
    const config = loadConfig(env);
    const wrongKey = { ...config.serviceAccount, client_email: "unknown@example.iam.gserviceaccount.com" };
    const auth = createTokenSource({ serviceAccount: wrongKey, tokenUrl: `${emulatorUrl()}/token` });
    const client = createSheetsClient({
      baseUrl: emulatorUrl(),
      spreadsheetId: "x",
      auth,
      retry: FAST_RETRY,
    });

    const error = await client.get("Sheet1!A1").catch((e: unknown) => e);

    expect(error).toMatchObject({ httpStatus: 400, status: "invalid_grant", retryable: false });
  });
});
