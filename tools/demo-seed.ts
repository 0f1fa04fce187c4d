/**
 * `npm run demo:seed [-- --url <api root> --spreadsheet <id> --force]`: fills a spreadsheet (by
 * default `demo` on the local emulator) with a realistic district year of 代表建议. Provisions the
 * layout first (same code as sheet:init); writes only into an empty 建议台账 unless --force.
 */
import { createOnEmulator } from "./demo/emulator-spreadsheet";
import { seedDemo } from "./demo/seed";
import { CONNECTION_HELP, parseCli } from "./provision/cli-args";
import { GOOGLE_API_BASE } from "./provision/connection";
import { createSheetsSession, describeApiError, GOOGLE_SHEET_FLAGS } from "./provision/google-client";
import { reportLines } from "./provision/provision";
import { runCli } from "./run-cli";

const HELP = `用法: npm run demo:seed [-- --spreadsheet <id>] [--force]

向表格写入一年的演示数据（约 130 条建议、约 100 名代表、27 个承办单位），“今天”为 2026-11-26。
先按模板初始化表格；建议台账非空时不写入。表格不存在且地址是本地模拟器时会先创建它。

  --force             清空建议台账、承办单位、代表后重新写入
${CONNECTION_HELP}`;

async function main(): Promise<number> {
  const options = parseCli(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const { apiBase } = options.connection;
  if (apiBase !== GOOGLE_API_BASE && (await createOnEmulator(apiBase, options.spreadsheetId))) {
    console.log(`已在模拟器上创建表格 ${options.spreadsheetId} (created on the emulator)`);
  }
  const session = createSheetsSession(options.connection);
  console.log(`写入演示数据 ${apiBase} 表格 ${options.spreadsheetId}（服务账号 ${session.email}）`);
  try {
    const result = await seedDemo(session.api, options.spreadsheetId, { force: options.force });
    for (const line of reportLines(result.provision, false)) console.log(line);
    console.log(result.message);
    const { reads, writes } = session.counts;
    console.log(`API 调用：读取 ${reads} 次，写入 ${writes} 次 (${reads} reads, ${writes} writes)`);
    return 0;
  } catch (error) {
    console.error(
      describeApiError(error, { ...options, email: session.email, otherwise: GOOGLE_SHEET_FLAGS }),
    );
    return 2;
  }
}

runCli(main);
