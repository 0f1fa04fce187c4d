import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CRON, jobForCron } from "../../src/cron";

describe("cron triggers", () => {
  it("lists in wrangler.toml exactly the crons the code dispatches", () => {
    const toml = readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8");
    const line = toml.split("\n").find((l) => l.trim().startsWith("crons"));
    const declared = [...(line?.matchAll(/"([^"]+)"/g) ?? [])].map((m) => m[1]);

    expect(declared.sort()).toEqual(Object.values(CRON).sort());
  });

  it("maps each trigger to its job and ignores unknown ones", () => {
    expect(jobForCron("*/10 * * * *")).toBe("sync");
    expect(jobForCron("0 * * * *")).toBe("notices");
    expect(jobForCron("5 4 * * *")).toBeUndefined();
  });
});
