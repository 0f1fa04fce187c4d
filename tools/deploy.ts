/**
 * `npm run build`: dist/index.js as it is uploaded (tools/build-worker.ts).
 * `npm run deploy -- [wrangler deploy's options]`: built, then uploaded as it is
 * (`wrangler deploy dist/index.js --no-bundle …`), e.g. `npm run deploy -- --var BUILD_VERSION:abc1234`;
 * with `--dry-run --outdir <dir>` nothing is uploaded. An upload refuses to start while
 * wrangler.toml's D1 database_id is the placeholder, and a failed one is explained in Chinese.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { buildWorker, describeBuild } from "./build-worker";
import { uploadFailureHint } from "./deploy-hint";
import { readConfig } from "./doctor/gather";
import { FILL_DATABASE_ID, isPlaceholderDatabaseId } from "./doctor/verdicts";
import { PROJECT_ROOT } from "./local-paths";
import { runCli } from "./run-cli";
import { QUIET_WRANGLER } from "./wrangler-env";

const [command, ...wranglerOptions] = process.argv.slice(2);

/**
 * What stops an upload before the build: the placeholder database_id of the repository's
 * wrangler.toml (wrangler would fail on it only after the build). Not checked for a dry run, nor
 * when the operator names another configuration or environment.
 */
function uploadBlocker(options: readonly string[]): string | null {
  const elsewhere = options.some((o) => /^(--dry-run|--config|-c|--env|-e)(=|$)/.test(o));
  if (elsewhere) return null;
  const config = readConfig(path.join(PROJECT_ROOT, "wrangler.toml"));
  return config.ok && isPlaceholderDatabaseId(config.value.databaseId) ? FILL_DATABASE_ID : null;
}

/**
 * Runs wrangler with its errors shown as they come and kept, for the hint after a failure. Its
 * stdout stays the terminal: wrangler asks its questions only when stdin and stdout both are one.
 */
function runWrangler(args: readonly string[]): Promise<{ code: number; errors: string }> {
  const child = spawn("npx", ["wrangler", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...QUIET_WRANGLER, ...process.env },
    stdio: ["inherit", "inherit", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, errors }));
  });
}

runCli(async () => {
  if (command !== "build" && command !== "deploy") {
    console.error("用法：npm run build，或 npm run deploy -- [wrangler deploy 的参数]");
    return 2;
  }
  const blocker = command === "deploy" ? uploadBlocker(wranglerOptions) : null;
  if (blocker) {
    console.error(`没有上传：${blocker}（见 docs/deploy.md 第 3 节）`);
    return 1;
  }
  const built = buildWorker(path.join(PROJECT_ROOT, "dist"));
  console.log(describeBuild(built));
  if (command === "build") return 0;
  const upload = await runWrangler([
    "deploy",
    path.relative(PROJECT_ROOT, built.file),
    "--no-bundle",
    ...wranglerOptions,
  ]);
  if (upload.code !== 0) for (const line of uploadFailureHint(upload.errors)) console.error(line);
  return upload.code;
});
