/**
 * The Worker as it is deployed: wrangler's own bundle (`wrangler deploy --dry-run --outdir`), its
 * functions then made to compile while the Worker starts (tools/eager-compile.ts).
 *
 * - `npm run build` writes dist/index.js and says what it changed.
 * - `npm run deploy -- [wrangler deploy's options]` builds, then uploads that file as it is
 *   (`wrangler deploy dist/index.js --no-bundle …`): wrangler.toml's bindings, crons and
 *   variables as `npx wrangler deploy` would use them.
 * - The benchmarks (bench/worker.ts) and the end-to-end tests (test/e2e/local-stack.ts) run the
 *   same file, so what they measure and check is what is uploaded.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eagerCompile } from "./eager-compile";
import { PROJECT_ROOT } from "./local-paths";
import { QUIET_WRANGLER } from "./wrangler-env";

export interface BuiltWorker {
  /** The module to upload (outdir/index.js). */
  file: string;
  bytes: number;
  /** Function and arrow expressions put in parentheses. */
  wrapped: number;
  /** Function declarations turned into parenthesized expressions at the top of their scope. */
  hoisted: number;
}

/** wrangler's own bundle of the Worker in `outdir` (what `npx wrangler deploy` would upload); its path. */
export function bundleWorker(outdir: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outdir], {
    cwd: PROJECT_ROOT,
    env: { ...env, ...QUIET_WRANGLER },
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`打包失败（wrangler deploy --dry-run）：\n${result.stdout}\n${result.stderr}`);
  return path.join(outdir, "index.js");
}

/** Bundles the Worker into `outdir` and makes its functions compile at start-up. */
export function buildWorker(outdir: string, env: NodeJS.ProcessEnv = process.env): BuiltWorker {
  const file = bundleWorker(outdir, env);
  const eager = eagerCompile(readFileSync(file, "utf8"));
  // The bundle's source map no longer matches it: removed rather than left to mislead.
  const code = eager.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
  writeFileSync(file, code);
  rmSync(`${file}.map`, { force: true });
  return { file, bytes: Buffer.byteLength(code), wrapped: eager.wrapped, hoisted: eager.hoisted };
}

/** One line on what the build did, for `npm run build` and `npm run deploy`. */
export function describeBuild(built: BuiltWorker): string {
  const kib = (built.bytes / 1024).toFixed(0);
  return `已打包 ${path.relative(PROJECT_ROOT, built.file)}（${kib} KiB）：${built.wrapped + built.hoisted} 个函数改为启动时编译（${built.wrapped} 个函数表达式、${built.hoisted} 个函数声明）`;
}
