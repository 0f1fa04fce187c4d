/**
 * `npm run doctor [-- --local]`: a preflight of a deployment's configuration. Prints in Chinese what
 * is fine (✔), what must be fixed (✘, exit code 1) and what is advised (!). Checks wrangler.toml's
 * ids, the secrets' names, D1 migrations, the sheet (shared with the service account and laid out,
 * as `sheet:init --check`), the robots' hosts and, when given, the Worker's /healthz.
 */
import { parseArgs } from "node:util";
import { gatherFacts } from "./doctor/gather";
import { report, verdicts } from "./doctor/verdicts";
import { PROJECT_ROOT, startCommand } from "./local-paths";
import { runCli } from "./run-cli";

const HELP = `用法: npm run doctor [-- --local] [--state <dir>] [--spreadsheet <id>] [--worker-url <地址>]

检查部署配置并用中文说明哪里要改：wrangler.toml 的 database_id、密钥（wrangler secret list）、
D1 迁移（wrangler d1 migrations list DB --remote）、表格是否已共享给服务账号且布局与模板一致
（同 sheet:init --check）、承办单位和代表的机器人地址能否连上、Worker 的 /healthz。
有必须修正的项目时退出码为 1。

  --local               检查本地环境（npm start）：.dev.vars、本地 D1、模拟器、本地通知收件箱
  --state <dir>         检查用 npm start -- --state <dir> 启动的本地环境（该目录里的 dev.vars 和 D1；含 --local）
  --spreadsheet <id>    表格 ID（线上检查表格和机器人时需要，另需 GOOGLE_APPLICATION_CREDENTIALS）
  --key <file>          服务账号密钥（默认 GOOGLE_APPLICATION_CREDENTIALS）
  --url <api root>      Sheets API 根地址（默认 Google）
  --worker-url <地址>   检查该 Worker 的 /healthz（--local 时默认 npm start 写进 .dev.vars 的 PUBLIC_URL，通常是 http://127.0.0.1:8787）`;

const FLAGS = {
  local: { type: "boolean", default: false },
  state: { type: "string" },
  spreadsheet: { type: "string" },
  key: { type: "string" },
  url: { type: "string" },
  "worker-url": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: FLAGS, allowPositionals: false });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  // --state names a local stack: there is no other kind of run to check with it.
  const local = values.local === true || values.state !== undefined;
  console.log(
    local
      ? `jianyi 部署检查：本地环境 (${startCommand(values.state)})`
      : "jianyi 部署检查：Cloudflare 上的部署",
  );
  const facts = await gatherFacts({
    local,
    state: values.state,
    projectRoot: PROJECT_ROOT,
    spreadsheet: values.spreadsheet,
    key: values.key,
    url: values.url,
    workerUrl: values["worker-url"],
    env: process.env,
  });
  const { lines, exitCode } = report(verdicts(facts));
  for (const line of lines) console.log(line);
  return exitCode;
}

runCli(main);
