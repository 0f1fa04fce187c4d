import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATION_NAMES } from "../../src/store/migrations";
import { PROJECT_ROOT } from "../../tools/local-paths";

describe("the Worker's list of migrations", () => {
  it("is exactly the files of migrations/, in order", () => {
    const files = readdirSync(path.join(PROJECT_ROOT, "migrations"))
      .filter((f) => f.endsWith(".sql"))
      .sort();
    expect([...MIGRATION_NAMES]).toEqual(files);
  });
});
