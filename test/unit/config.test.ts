import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, warmUpConfigSchema } from "../../src/config";
import type { Env } from "../../src/env";

const KEY = JSON.stringify({
  client_email: "jianyi@example.iam.gserviceaccount.com",
  private_key: "-----BEGIN PRIVATE KEY-----\nMII…\n-----END PRIVATE KEY-----\n",
});
const env = (overrides: Partial<Env> = {}) =>
  ({
    ENVIRONMENT: "production",
    SHEETS_API_BASE: "https://sheets.googleapis.com",
    GOOGLE_TOKEN_URL: "https://oauth2.googleapis.com/token",
    SPREADSHEET_ID: "sheet-a",
    GOOGLE_SERVICE_ACCOUNT: KEY,
    ...overrides,
  }) as Env;

describe("loadConfig", () => {
  it("validates an environment once while it stays the same, and anew when a value changes", () => {
    const first = loadConfig(env());
    expect(loadConfig(env())).toBe(first);
    const other = loadConfig(env({ SPREADSHEET_ID: "sheet-b" }));
    expect(other.spreadsheetId).toBe("sheet-b");
    expect(loadConfig(env({ BUILD_VERSION: "v2" })).version).toBe("v2");
    expect(loadConfig(env()).version).toBe("dev");
  });

  it("still says what to set after a valid environment was read", () => {
    loadConfig(env());
    expect(() => loadConfig(env({ SPREADSHEET_ID: "" }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ SPREADSHEET_ID: "" }))).toThrow(/SPREADSHEET_ID is not set/);
    expect(() => loadConfig(env({ GOOGLE_SERVICE_ACCOUNT: "{" }))).toThrow(/not valid JSON/);
  });
});

describe("warmUpConfigSchema (run while the Worker starts)", () => {
  it("parses a made-up configuration that passes, so it warms the path a real one takes", () => {
    expect(warmUpConfigSchema()).toBe(true);
  });
});
