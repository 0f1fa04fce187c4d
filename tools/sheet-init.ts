/**
 * `npm run sheet:init -- --spreadsheet <id> [--check]`: creates or upgrades the tabs, headers,
 * formats, dropdowns, protections and default rows of the shared spreadsheet from sheets-schema/.
 * Idempotent; --check only reports the differences and exits 1 when there are any. Either mode
 * exits 1 when something is left to a person (a renamed or deleted column or tab).
 */
import { CONNECTION_HELP, parseCli } from "./provision/cli-args";
import { createSheetsSession, describeApiError, GOOGLE_SHEET_FLAGS } from "./provision/google-client";
import { exitCode, provisionSpreadsheet, reportLines } from "./provision/provision";
import { runCli } from "./run-cli";

const HELP = `用法: npm run sheet:init -- --spreadsheet <id> [--check] [--add-missing-columns] [--add-missing-tabs]

按 sheets-schema/ 建立或升级表格：补齐工作表和表头、冻结加粗表头、下拉选项、系统列保护、
条件格式、日期格式、默认设置和通知模板。不会删除、改名或移动任何工作表和工作人员的数据。
看起来被改了名的表头或工作表、台账中可能被误删的列，不会自动补上，而是列在“请人工处理”下，退出码为 1。

  --check                只报告与模板的差异，不做修改；有差异或需要人工处理时退出码为 1
  --add-missing-columns  确认要为缺少的表头新建空列（列是被误删的，请先用“撤销”或“版本记录”恢复）
  --add-missing-tabs     确认要新建缺少的工作表，即使表格中有名字相近的表
${CONNECTION_HELP}`;

async function main(): Promise<number> {
  const options = parseCli(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const session = createSheetsSession(options.connection);
  const where = `${options.connection.apiBase} 表格 ${options.spreadsheetId}`;
  console.log(`${options.check ? "检查" : "初始化"} ${where}（服务账号 ${session.email}）`);
  try {
    const result = await provisionSpreadsheet(session.api, options.spreadsheetId, {
      check: options.check,
      addMissingColumns: options.addMissingColumns,
      addMissingTabs: options.addMissingTabs,
    });
    for (const line of reportLines(result, options.check)) console.log(line);
    const { reads, writes } = session.counts;
    const batch = result.applied ? `，batchUpdate 含 ${result.requestCount} 个子请求` : "";
    console.log(`API 调用：读取 ${reads} 次，写入 ${writes} 次${batch} (${reads} reads, ${writes} writes)`);
    return exitCode(result, options.check);
  } catch (error) {
    console.error(
      describeApiError(error, { ...options, email: session.email, otherwise: GOOGLE_SHEET_FLAGS }),
    );
    return 2;
  }
}

runCli(main);
