/**
 * Where a Google access token outlives the isolate that minted it. Minting one signs a JWT with the
 * service account's RSA key and calls Google: in a fresh isolate about 3.5 ms of CPU (profiled in
 * workerd, bench/cold-start.ts quiet), a third of the 10 ms Workers Free allows the cron tick that
 * meets it, and a quiet office's ticks often meet a fresh isolate. Unsealing the token the last
 * isolate kept costs a D1 read (I/O, not CPU, at the edge) and an AES-GCM decryption.
 *
 * The token is kept sealed, under a key derived from the service account's private key (HKDF), so
 * that D1 alone (a backup, someone with the database but not the Worker's secret) does not give
 * write access to the sheet. A new key (rotated secret) cannot open the old seal: the next call
 * mints, as it would have without the vault.
 */
import { fromHex, toHex } from "../hex";

export interface SealedTokenStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, at: string): Promise<void>;
}

export interface KeptToken {
  token: string;
  expiresAtMs: number;
}

export interface TokenVault {
  /** The kept token, or undefined when none is kept, it cannot be read, or it was sealed under another key. */
  load(): Promise<KeptToken | undefined>;
  save(kept: KeptToken): Promise<void>;
  /** Drops the kept token (Google refused it). */
  forget(): Promise<void>;
}

/** The meta key (D1) of the sealed token. */
export const META_SHEETS_TOKEN = "sheets_token";
const SEAL_VERSION = "v1";
const HKDF_SALT = new TextEncoder().encode("jianyi sheets access token");

// Per isolate: derived once from the private key, for the isolate's loads and saves.
const sealingKeys = new Map<string, Promise<CryptoKey>>();

function sealingKey(privateKey: string, bindTo: string): Promise<CryptoKey> {
  const id = `${bindTo}\n${privateKey}`;
  let key = sealingKeys.get(id);
  if (!key) {
    const encoder = new TextEncoder();
    key = crypto.subtle
      .importKey("raw", encoder.encode(privateKey), "HKDF", false, ["deriveKey"])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: HKDF_SALT, info: encoder.encode(bindTo) },
          base,
          { name: "AES-GCM", length: 256 },
          false,
          ["encrypt", "decrypt"],
        ),
      );
    sealingKeys.set(id, key);
  }
  return key;
}

/**
 * A vault in `store` for tokens of one service account and token endpoint (`bindTo`, also the seal's
 * additional data, so a token is only ever opened for what it was minted for). A vault that cannot
 * read or write says nothing: the token is then minted as it would be without it.
 */
export function createTokenVault(store: SealedTokenStore, privateKey: string, bindTo: string): TokenVault {
  const additionalData = new TextEncoder().encode(bindTo);
  return {
    async load() {
      try {
        const sealed = await store.get(META_SHEETS_TOKEN);
        const [version, ivHex = "", dataHex = ""] = sealed?.split(".") ?? [];
        const [iv, data] = [fromHex(ivHex), fromHex(dataHex)];
        if (version !== SEAL_VERSION || !iv || !data) return undefined;
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv, additionalData },
          await sealingKey(privateKey, bindTo),
          data,
        );
        const kept = JSON.parse(new TextDecoder().decode(plain)) as Partial<KeptToken>;
        if (typeof kept.token !== "string" || typeof kept.expiresAtMs !== "number") return undefined;
        return { token: kept.token, expiresAtMs: kept.expiresAtMs };
      } catch {
        return undefined;
      }
    },
    async save(kept) {
      try {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const data = await crypto.subtle.encrypt(
          { name: "AES-GCM", iv, additionalData },
          await sealingKey(privateKey, bindTo),
          new TextEncoder().encode(JSON.stringify(kept)),
        );
        await store.set(
          META_SHEETS_TOKEN,
          [SEAL_VERSION, toHex(iv.buffer), toHex(data)].join("."),
          new Date().toISOString(),
        );
      } catch {}
    },
    async forget() {
      try {
        await store.set(META_SHEETS_TOKEN, "", new Date().toISOString());
      } catch {}
    },
  };
}
