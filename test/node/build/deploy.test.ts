import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../tools/local-paths";

const scratch = mkdtempSync(path.join(tmpdir(), "jianyi-deploy-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * `npm run deploy -- …` as an operator runs it (tools/deploy.ts), wrangler's settings kept in
 * `scratch`, not logged in to Cloudflare (no token in the environment, no login in `scratch`).
 */
function deploy(...args: string[]) {
  const { CLOUDFLARE_API_TOKEN: _token, CLOUDFLARE_API_KEY: _key, ...env } = process.env;
  return spawnSync("npx", ["tsx", "tools/deploy.ts", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...env, XDG_CONFIG_HOME: path.join(scratch, "xdg") },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
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

  it("uploads nothing, and says how to fill it, while wrangler.toml's D1 database_id is the placeholder", () => {
    // The repository's wrangler.toml is as a fresh clone has it.
    const run = deploy("deploy");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "没有上传：D1 的 database_id 还是占位值：运行 npx wrangler d1 create jianyi，把输出的 database_id 填进 wrangler.toml",
    );
    expect(run.stdout).not.toContain("已打包");
  }, 30_000);

  it("explains in Chinese an upload wrangler refused: not logged in, and npm run doctor for the rest", () => {
    // wrangler.toml with a database_id filled in, as after `wrangler d1 create`.
    const config = path.join(scratch, "wrangler.toml");
    const toml = readFileSync(path.join(PROJECT_ROOT, "wrangler.toml"), "utf8");
    writeFileSync(
      config,
      toml.replace(/database_id = "[^"]*"/, 'database_id = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"'),
    );
    const run = deploy("deploy", "--config", config);
    expect(run.status).toBe(1);
    // wrangler's own error first, then what to do.
    expect(run.stderr).toContain("CLOUDFLARE_API_TOKEN");
    expect(run.stderr).toContain("上传没有成功（原因见上面 wrangler 的英文报错）：");
    expect(run.stderr).toContain("还没有登录 Cloudflare，或者令牌无效、权限不够：运行 npx wrangler login");
    expect(run.stderr).toContain("运行 npm run doctor");
  }, 120_000);

  it("says how to use it when the command is neither build nor deploy", () => {
    const run = deploy("upload");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("用法：npm run build，或 npm run deploy -- [wrangler deploy 的参数]");
  }, 30_000);
});
