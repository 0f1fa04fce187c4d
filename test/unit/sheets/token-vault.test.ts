import { describe, expect, it } from "vitest";
import { createTokenVault, META_SHEETS_TOKEN, type SealedTokenStore } from "../../../src/sheets/token-vault";

const KEY =
  "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC...one\n-----END PRIVATE KEY-----\n";
const OTHER_KEY = KEY.replace("one", "two");
const BOUND = "jianyi@office.iam.gserviceaccount.com|https://oauth2.googleapis.com/token";
const TOKEN = { token: "ya29.a0AfB_byC-example-access-token", expiresAtMs: 1_800_000_000_000 };

/** D1's meta table as a map. */
function memoryStore(): SealedTokenStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (key) => values.get(key) ?? null,
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}

describe("the sealed token vault (a token outliving its isolate)", () => {
  it("gives a fresh isolate the token another kept, without the token readable in D1", async () => {
    const store = memoryStore();
    await createTokenVault(store, KEY, BOUND).save(TOKEN);

    expect(await createTokenVault(store, KEY, BOUND).load()).toEqual(TOKEN);
    const sealed = store.values.get(META_SHEETS_TOKEN) ?? "";
    expect(sealed).toMatch(/^v1\.[0-9a-f]{24}\.[0-9a-f]+$/);
    expect(sealed).not.toContain("ya29");
    expect(sealed).not.toContain(Buffer.from(TOKEN.token).toString("hex"));
  });

  it("opens nothing sealed under another key (a rotated secret) or for another account", async () => {
    const store = memoryStore();
    await createTokenVault(store, KEY, BOUND).save(TOKEN);

    expect(await createTokenVault(store, OTHER_KEY, BOUND).load()).toBeUndefined();
    expect(await createTokenVault(store, KEY, BOUND.replace("jianyi@", "other@")).load()).toBeUndefined();
  });

  it("opens nothing altered, half written or forgotten", async () => {
    const store = memoryStore();
    const vault = createTokenVault(store, KEY, BOUND);
    await vault.save(TOKEN);
    const sealed = store.values.get(META_SHEETS_TOKEN) ?? "";
    const flipped = `${sealed.slice(0, -1)}${sealed.endsWith("0") ? "1" : "0"}`;

    for (const value of [flipped, sealed.slice(0, 40), "v1..", "v1.zz.zz", "not a seal"]) {
      store.values.set(META_SHEETS_TOKEN, value);
      expect(await vault.load()).toBeUndefined();
    }
    store.values.set(META_SHEETS_TOKEN, sealed);
    await vault.forget();
    expect(await vault.load()).toBeUndefined();
  });

  it("a store that fails leaves the token to be minted: nothing is thrown", async () => {
    const broken: SealedTokenStore = {
      get: () => Promise.reject(new Error("D1_ERROR: no such table: meta")),
      set: () => Promise.reject(new Error("D1_ERROR: no such table: meta")),
    };
    const vault = createTokenVault(broken, KEY, BOUND);

    await expect(vault.load()).resolves.toBeUndefined();
    await expect(vault.save(TOKEN)).resolves.toBeUndefined();
    await expect(vault.forget()).resolves.toBeUndefined();
  });
});
