import { exportPKCS8, generateKeyPair } from "jose";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ServiceAccount } from "../../../src/config";
import {
  runTokenStep,
  type SyncStartStep,
  syncTick,
  type TokenStep,
} from "../../../src/jobs/sync/token-step";
import { clearTokenCache, createTokenSource, RENEW_AHEAD_MS } from "../../../src/sheets/token";
import type { SealedTokenStore } from "../../../src/sheets/token-vault";

const TOKEN_URL = "https://oauth2.googleapis.com/token";
const HOUR_MS = 3_600_000;
const T0 = Date.UTC(2026, 11, 7, 1, 0);

let serviceAccount: ServiceAccount;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  serviceAccount = {
    client_email: "jianyi-sync@county-office.iam.gserviceaccount.com",
    private_key: await exportPKCS8(privateKey),
  };
});

beforeEach(() => clearTokenCache());

/** D1's meta table as a map (where a token outlives its isolate). */
function memoryStore(): SealedTokenStore {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

/** A token source on a clock the test moves, counting the tokens Google handed out. */
function office(store = memoryStore()) {
  const clock = { now: T0 };
  const minted: string[] = [];
  const source = () =>
    createTokenSource({
      serviceAccount,
      tokenUrl: TOKEN_URL,
      store,
      now: () => clock.now,
      fetch: async () => {
        minted.push(`ya29.token-${minted.length + 1}`);
        return Response.json({ access_token: minted.at(-1), expires_in: 3600 });
      },
    });
  return { clock, minted, source };
}

describe("Google's access token renewed ahead, in a step of its own", () => {
  it("is 'none' before any token, 'fresh' after one is minted, 'renew' within RENEW_AHEAD_MS of its expiry", async () => {
    const { clock, source } = office();
    const auth = source();
    expect(await auth.outlook()).toBe("none");

    await auth.getToken();
    expect(await auth.outlook()).toBe("fresh");
    clock.now = T0 + HOUR_MS - RENEW_AHEAD_MS + 1;
    expect(await auth.outlook()).toBe("renew");
    clock.now = T0 + HOUR_MS;
    expect(await auth.outlook()).toBe("none");
  });

  it("a fresh isolate reads the kept token's outlook from D1 without minting", async () => {
    const store = memoryStore();
    const { minted, source } = office(store);
    await source().getToken();
    clearTokenCache();

    expect(await source().outlook()).toBe("fresh");
    expect(minted).toEqual(["ya29.token-1"]);
  });

  it("renew mints only when the kept token is due (a second delivery mints nothing), and the next call uses it", async () => {
    const { clock, minted, source } = office();
    const auth = source();
    await auth.getToken();

    expect(await auth.renew()).toBe(false);
    clock.now = T0 + HOUR_MS - RENEW_AHEAD_MS + 60_000;
    expect(await auth.renew()).toBe(true);
    expect(await auth.renew()).toBe(false);
    clearTokenCache();
    expect(await source().getToken()).toBe("ya29.token-2");
    expect(minted).toEqual(["ya29.token-1", "ya29.token-2"]);
  });

  it("with the cron every 10 minutes, every step after the first finds a token kept: only the token steps mint", async () => {
    const { clock, minted, source } = office();
    const sent: (TokenStep | SyncStartStep)[] = [];
    const queue = {
      send: async (body: unknown) => {
        sent.push(body as TokenStep | SyncStartStep);
      },
    } as unknown as Queue<TokenStep | SyncStartStep>;
    const mintedByOthers: string[] = [];
    const mintedBySteps: string[] = [];
    // Three hours of ticks, each in a fresh isolate, its token step delivered before the next tick.
    for (let tick = 0; tick < 18; tick++) {
      clock.now = T0 + tick * 10 * 60_000;
      clearTokenCache();
      const outlook = await source().outlook();
      if (outlook === "none") sent.push({ job: "token", sync: "cron" });
      if (outlook === "renew") sent.push({ job: "token" });
      for (const step of sent.splice(0))
        if (
          step.job === "token" &&
          (await runTokenStep({ sheetsAuth: source(), jobsQueue: queue }, step)).minted
        )
          mintedBySteps.push(`${tick * 10} min`);
      sent.splice(0);
      // A chunk of the sync this tick started, in another fresh isolate: it finds a token kept.
      const before = minted.length;
      clearTokenCache();
      await source().getToken();
      if (minted.length > before) mintedByOthers.push(`${tick * 10} min`);
    }
    expect(mintedByOthers).toEqual([]);
    // The first tick within RENEW_AHEAD_MS of a token's hour renews it: one every 40 minutes.
    expect(mintedBySteps).toEqual(["0 min", "40 min", "80 min", "120 min", "160 min"]);
    expect(minted).toHaveLength(5);
  });
});

describe("the sync's cron tick", () => {
  const fakeDeps = (outlook: "fresh" | "renew" | "none") => {
    const sent: unknown[] = [];
    const started: string[] = [];
    return {
      sent,
      started,
      deps: {
        sheetsAuth: { outlook: async () => outlook },
        jobsQueue: {
          send: async (body: unknown) => {
            sent.push(body);
          },
        },
      },
    };
  };

  it("with no token kept, leaves the run to the token step and says so", async () => {
    const { deps, sent } = fakeDeps("none");
    const result = await syncTick(deps as never, "cron", T0);

    expect(result).toMatchObject({
      outcome: "started",
      message: "正在取得 Google 表格的访问授权，同步随后开始",
    });
    expect(sent).toEqual([{ job: "token", sync: "cron" }]);
  });

  it("the token step queues the sync it was left even when minting failed (the sync then reports the failure)", async () => {
    const sent: unknown[] = [];
    const deps = {
      sheetsAuth: {
        renew: async () => {
          throw new Error("Google 拒绝了服务账号的密钥");
        },
      },
      jobsQueue: {
        send: async (body: unknown) => {
          sent.push(body);
        },
      },
    };
    const outcome = await runTokenStep(deps as never, { job: "token", sync: "cron" });

    expect(outcome).toEqual({ minted: false, error: "Google 拒绝了服务账号的密钥" });
    expect(sent).toEqual([{ job: "start-sync", trigger: "cron" }]);
  });
});
