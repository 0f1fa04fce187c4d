import { importPKCS8, SignJWT } from "jose";
import {
  type RunningEmulator,
  type StartOptions,
  startEmulator,
} from "../../../tools/sheets-emulator/server";
import type { GeneratedServiceAccount } from "../../../tools/sheets-emulator/service-account";

export const STATIC_TOKEN = "test-static-token";
export const SPREADSHEETS_SCOPE = "https://www.googleapis.com/auth/spreadsheets";

export interface ApiAnswer {
  status: number;
  contentType: string | null;
  body: unknown;
}

/** A running emulator plus a small fetch helper that authenticates with the static token. */
export interface TestEmulator extends RunningEmulator {
  call(method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer>;
}

export async function startTestEmulator(options: StartOptions = {}): Promise<TestEmulator> {
  const running = await startEmulator({ staticToken: STATIC_TOKEN, ...options });
  return {
    ...running,
    call: async (method, path, body, token = STATIC_TOKEN) => {
      const headers: Record<string, string> = {};
      if (token) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers["Content-Type"] = "application/json";
      const res = await fetch(`${running.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return {
        status: res.status,
        contentType: res.headers.get("content-type"),
        body: text === "" ? undefined : JSON.parse(text),
      };
    },
  };
}

/** Signs the JWT-bearer assertion a Google client sends to the token endpoint. */
export async function signAssertion(
  account: GeneratedServiceAccount,
  claims: Record<string, unknown> = {},
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  const key = await importPKCS8(account.keyFile.private_key, "RS256");
  return new SignJWT({
    iss: account.keyFile.client_email,
    scope: SPREADSHEETS_SCOPE,
    aud: "https://oauth2.googleapis.com/token",
    iat: nowSeconds,
    exp: nowSeconds + 3600,
    ...claims,
  })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .sign(key);
}

/** Posts the assertion to /token as google-auth-library does (form-encoded). */
export async function exchangeAssertion(url: string, assertion: string, path = "/token") {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Encodes a range for a URL path the way gspread and googleapis do. */
export const enc = encodeURIComponent;
