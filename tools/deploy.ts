/**
 * `npm run build`: dist/index.js as it is uploaded (tools/build-worker.ts).
 * `npm run deploy -- [wrangler deploy's options]`: built, then uploaded as it is
 * (`wrangler deploy dist/index.js --no-bundle …`), e.g. `npm run deploy -- --var BUILD_VERSION:abc1234`;
 * with `--dry-run --outdir <dir>` nothing is uploaded.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildWorker, describeBuild } from "./build-worker";
import { PROJECT_ROOT } from "./local-paths";
import { runCli } from "./run-cli";
import { QUIET_WRANGLER } from "./wrangler-env";

const [command, ...wranglerOptions] = process.argv.slice(2);

runCli(async () => {
  if (command !== "build" && command !== "deploy") {
    console.error("用法：npm run build，或 npm run deploy -- [wrangler deploy 的参数]");
    return 2;
  }
  const built = buildWorker(path.join(PROJECT_ROOT, "dist"));
  console.log(describeBuild(built));
  if (command === "build") return 0;
  const upload = spawnSync(
    "npx",
    ["wrangler", "deploy", path.relative(PROJECT_ROOT, built.file), "--no-bundle", ...wranglerOptions],
    { cwd: PROJECT_ROOT, env: { ...QUIET_WRANGLER, ...process.env }, stdio: "inherit" },
  );
  return upload.status ?? 1;
});
