import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { exchangeAssertion, signAssertion, startTestEmulator, type TestEmulator } from "./helpers";

const EMAIL = "sync@jianyi-test.iam.gserviceaccount.com";
const UNAUTHENTICATED = {
  error: {
    code: 401,
    message:
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    status: "UNAUTHENTICATED",
  },
};

describe("auth like oauth2.googleapis.com and sheets.googleapis.com", () => {
  const account = generateServiceAccount(EMAIL);
  const stranger = generateServiceAccount(EMAIL);
  let emu: TestEmulator;
  let clockMs = Date.UTC(2026, 4, 1, 8, 0, 0);
  const nowSeconds = () => Math.floor(clockMs / 1000);

  beforeAll(async () => {
    emu = await startTestEmulator({
      serviceAccounts: [{ client_email: EMAIL, public_key_pem: account.public_key_pem }],
      tokenLifetimeSeconds: 60,
      now: () => clockMs,
    });
    emu.emulator.createSpreadsheet({ spreadsheetId: "ss" });
  });
  afterAll(async () => {
    await emu.close();
  });

  it("exchanges a valid JWT for a bearer token that the API accepts", async () => {
    const res = await exchangeAssertion(emu.url, await signAssertion(account, {}, nowSeconds()));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ access_token: expect.any(String), expires_in: 60, token_type: "Bearer" });
    const api = await emu.call("GET", "/v4/spreadsheets/ss", undefined, res.body.access_token as string);
    expect(api.status).toBe(200);
  });

  it("accepts the emulator's own token URL as audience and serves /oauth2/token too", async () => {
    const assertion = await signAssertion(account, { aud: `${emu.url}/token` }, nowSeconds());
    expect((await exchangeAssertion(emu.url, assertion, "/oauth2/token")).status).toBe(200);
  });

  it.each([
    [
      "a signature from another key",
      () => signAssertion(stranger, {}, nowSeconds()),
      "Invalid JWT Signature.",
    ],
    [
      "an expired assertion",
      () => signAssertion(account, { iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }, nowSeconds()),
      "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
    ],
    [
      "a lifetime over an hour",
      () => signAssertion(account, { exp: nowSeconds() + 3601 }, nowSeconds()),
      "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.",
    ],
    [
      "a wrong audience",
      () => signAssertion(account, { aud: "https://example.com/token" }, nowSeconds()),
      "Invalid JWT: Failed audience check.",
    ],
    [
      "an unknown account",
      () => signAssertion(generateServiceAccount("nobody@x.iam.gserviceaccount.com"), {}, nowSeconds()),
      "Invalid grant: account not found",
    ],
  ])("refuses %s with invalid_grant", async (_name, makeAssertion, description) => {
    const res = await exchangeAssertion(emu.url, await makeAssertion());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "invalid_grant", error_description: description });
  });

  it("refuses an assertion without scope and an unsupported grant type", async () => {
    const noScope = await exchangeAssertion(
      emu.url,
      await signAssertion(account, { scope: undefined }, nowSeconds()),
    );
    expect(noScope.body).toEqual({
      error: "invalid_scope",
      error_description: "Invalid OAuth scope or ID token audience provided.",
    });
    const res = await fetch(`${emu.url}/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "password" }),
    });
    expect(await res.json()).toEqual({
      error: "unsupported_grant_type",
      error_description: "Invalid grant_type: password",
    });
  });

  it("answers 401 UNAUTHENTICATED without a token, with an unknown one, and once a token expired", async () => {
    expect((await emu.call("GET", "/v4/spreadsheets/ss", undefined, "")).body).toEqual(UNAUTHENTICATED);
    expect((await emu.call("GET", "/v4/spreadsheets/ss", undefined, "ya29.nope")).status).toBe(401);
    const res = await exchangeAssertion(emu.url, await signAssertion(account, {}, nowSeconds()));
    const token = res.body.access_token as string;
    expect((await emu.call("GET", "/v4/spreadsheets/ss", undefined, token)).status).toBe(200);
    clockMs += 61_000;
    const expired = await emu.call("GET", "/v4/spreadsheets/ss", undefined, token);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(UNAUTHENTICATED);
  });

  it("accepts ?access_token= and lets a read-only scope read but not write", async () => {
    const res = await exchangeAssertion(
      emu.url,
      await signAssertion(
        account,
        { scope: "https://www.googleapis.com/auth/spreadsheets.readonly" },
        nowSeconds(),
      ),
    );
    const token = res.body.access_token as string;
    const read = await fetch(`${emu.url}/v4/spreadsheets/ss?access_token=${token}`);
    expect(read.status).toBe(200);
    const write = await emu.call("POST", "/v4/spreadsheets/ss/values/A1:clear", {}, token);
    expect(write.body).toEqual({
      error: {
        code: 403,
        message: "Request had insufficient authentication scopes.",
        status: "PERMISSION_DENIED",
      },
    });
  });

  it("logs token requests with kind auth", async () => {
    const auth = emu.emulator.requests().filter((r) => r.kind === "auth");
    expect(auth.length).toBeGreaterThan(5);
    expect(auth.every((r) => r.path === "/token" || r.path === "/oauth2/token")).toBe(true);
  });
});
