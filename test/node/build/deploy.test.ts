import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../tools/local-paths";

const scratch = mkdtempSync(path.join(tmpdir(), "jianyi-deploy-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `npm run deploy -- …` as an operator runs it (tools/deploy.ts), wrangler's settings kept in `scratch`. */
function deploy(...args: string[]) {
  return spawnSync("npx", ["tsx", "tools/deploy.ts", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(scratch, "xdg") },
    encoding: "utf8",
  });
}

describe("npm run deploy", () => {
  // Two wrangler runs (the bundle, then the upload's dry run) and the rewrite of 1.3 MB.
  it("uploads the rewritten bundle as it is, with wrangler.toml's bindings and the options given", () => {
    const outdir = path.join(scratch, "upload");
    const run = deploy("deploy", "--dry-run", "--outdir", outdir, "--var", "BUILD_VERSION:test123");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/已打包 dist\/index\.js（\d+ KiB）：\d+ 个函数改为启动时编译/);
    // What wrangler would upload is the built file byte for byte: not bundled again.
    const uploaded = readFileSync(path.join(outdir, "index.js"), "utf8");
    expect(uploaded).toBe(readFileSync(path.join(PROJECT_ROOT, "dist/index.js"), "utf8"));
    // No function declaration is left at the module's top level: each compiles at start-up.
    expect(uploaded).not.toMatch(/^(async )?function[ *]/m);
    expect(run.stdout).toContain("env.DB (jianyi)");
    expect(run.stdout).toContain("env.BUILD_VERSION");
  }, 120_000);

  it("says how to use it when the command is neither build nor deploy", () => {
    const run = deploy("upload");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("用法：npm run build，或 npm run deploy -- [wrangler deploy 的参数]");
  }, 30_000);
});
