import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { emulator } from "../support/emulator-admin";

const health = async () => {
  const response = await exports.default.fetch(new Request("http://jianyi.test/healthz"));
  return {
    status: response.status,
    body: (await response.json()) as { version: string; sheet: { reachable: boolean; error?: string } },
  };
};

describe("GET /healthz", () => {
  it("answers 200 without sign-in and says the sheet is reachable", async () => {
    await emulator.deleteSpreadsheet("test-sheet").catch(() => undefined);
    await emulator.createSpreadsheet("test-sheet", [{ title: "建议台账" }]);

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body.sheet).toMatchObject({ reachable: true });
    expect(typeof body.version).toBe("string");
  });

  it("still answers 200 and says why when the sheet is not shared with the service account", async () => {
    await emulator.deleteSpreadsheet("test-sheet").catch(() => undefined);
    await emulator.createSpreadsheet("test-sheet", [{ title: "建议台账" }]);
    await emulator.setPrivate("test-sheet", true);

    const { status, body } = await health();

    expect(status).toBe(200);
    expect(body.sheet.reachable).toBe(false);
    expect(body.sheet.error).toContain("403");
  });
});
