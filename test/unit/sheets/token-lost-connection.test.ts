import { exportPKCS8, generateKeyPair } from "jose";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ServiceAccount } from "../../../src/config";
import { SheetsError, SheetsNetworkError } from "../../../src/sheets/client";
import { clearTokenCache, createTokenSource } from "../../../src/sheets/token";

const TOKEN_URL = "https://oauth2.googleapis.com/token";
/** What staff read in a sync run and /healthz when the token exchange loses its connection (the token address named). */
const LOST_CONNECTION =
  "连不上 Google 表格（网络出错），稍后自动重试；一直如此时请检查网络与 GOOGLE_TOKEN_URL";

let serviceAccount: ServiceAccount;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  serviceAccount = {
    client_email: "jianyi-sync@county-office.iam.gserviceaccount.com",
    private_key: await exportPKCS8(privateKey),
  };
});

beforeEach(() => clearTokenCache());

/** A token source whose token endpoint answers with `answer` (or throws what it throws). */
const sourceAnswering = (answer: () => Promise<Response>) =>
  createTokenSource({ serviceAccount, tokenUrl: TOKEN_URL, fetch: answer });

describe("the token exchange when Google's answer does not come", () => {
  it("reports a lost connection as a data call does, naming the token address to check, as a retryable SheetsNetworkError", async () => {
    const auth = sourceAnswering(async () => {
      throw new TypeError("fetch failed");
    });

    const error = await auth.getToken().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SheetsNetworkError);
    expect(error).toMatchObject({ retryable: true, hint: LOST_CONNECTION });
    expect((error as Error).message).toBe(`${LOST_CONNECTION}（token exchange: fetch failed）`);
    // A data call's lost connection names the Sheets address instead.
    expect(new SheetsNetworkError("values.get", new TypeError("x")).hint).toBe(
      LOST_CONNECTION.replace("GOOGLE_TOKEN_URL", "SHEETS_API_BASE"),
    );
  });

  it("mints on the next call once the connection is back", async () => {
    let calls = 0;
    const auth = sourceAnswering(async () => {
      if (++calls === 1) throw new TypeError("fetch failed");
      return Response.json({ access_token: "ya29.after-the-drop", expires_in: 3600 });
    });

    await expect(auth.getToken()).rejects.toBeInstanceOf(SheetsNetworkError);
    expect(await auth.getToken()).toBe("ya29.after-the-drop");
  });

  it("says what came instead of a token when a proxy answers 200 with an HTML page", async () => {
    const page = "<html><body>Bad gateway</body></html>";
    const auth = sourceAnswering(
      async () => new Response(page, { status: 200, headers: { "content-type": "text/html" } }),
    );

    const error = await auth.getToken().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SheetsNetworkError);
    expect((error as Error).message).toBe(
      `${LOST_CONNECTION}（token exchange: HTTP 200 (text/html) without an access_token: ${page}）`,
    );
    expect((error as Error).message).not.toContain("JSON");
  });

  it("reports a proxy's HTML 502 page as Google being unavailable, retried", async () => {
    const auth = sourceAnswering(async () => new Response("<html>502 Bad Gateway</html>", { status: 502 }));

    const error = await auth.getToken().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SheetsError);
    expect(error).toMatchObject({
      httpStatus: 502,
      retryable: true,
      hint: "Google 服务暂时不可用，稍后自动重试",
    });
  });
});
