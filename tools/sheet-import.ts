/**
 * `npm run sheet:import -- ledger.xlsx [--spreadsheet <id>] [--sheet <name>] [--dry-run]`: brings an
 * office's existing Excel 台账 into the shared sheet's 建议台账 (appended after the rows already
 * there, RAW, a constant number of API calls). --dry-run only reads the file and reports.
 */
import { parseArgs } from "node:util";
import { DEFAULT_TIME_ZONE } from "../sheets-schema";
import { localDate } from "../src/jobs/local-time";
import { type ImportPlan, planWorkbook } from "./import/plan";
import { planLines, writeLines } from "./import/report";
import { readWorkbook } from "./import/workbook";
import { writeImport } from "./import/write";
import { CONNECTION_HELP } from "./provision/cli-args";
import { resolveConnection } from "./provision/connection";
import {
  createSheetsSession,
  describeApiError,
  GOOGLE_SHEET_FLAGS,
  isConnectionFailure,
} from "./provision/google-client";
import { runCli } from "./run-cli";

const HELP = `用法: npm run sheet:import -- <台账.xlsx> [--spreadsheet <id>] [--sheet <工作表名>] [--dry-run]

把现有的 Excel 建议台账导入共享表格的“建议台账”：按表头对应到模板的列（认得常见的同义表头，
如 建议编号→编号、案由→标题、领衔人→领衔代表、承办单位→主办单位、交办时间→交办日期），
日期转换为表格日期，其它列作为附加列原样保留；读不懂的单元格逐一报告（行、列、值、原因），
所在行照常导入；合计行、注：和填表人等说明或签名行、没有编号、标题和领衔代表的行（如只有序号）不导入，逐行列出。
只在已有各行之后追加，不改动任何已有的行；已在台账中的建议不会重复导入；编号相同而是另一条建议的行不导入并列出，
这时退出码为 1（其余各行照常导入）。

  --sheet <name>      要导入的工作表（默认：第一个能认出表头的工作表）
  --dry-run           只读取文件并报告对应关系和问题，不连接表格、不写入
${CONNECTION_HELP}`;

const FLAGS = {
  spreadsheet: { type: "string" },
  sheet: { type: "string" },
  url: { type: "string" },
  key: { type: "string" },
  state: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

async function planFor(file: string, sheetName: string | undefined): Promise<ImportPlan> {
  // The report counts rows already past their 办理期限 against the office's today (设置 时区's default).
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  const plan = planWorkbook(await readWorkbook(file), sheetName, { today });
  if ("error" in plan) throw new Error(plan.error);
  return plan;
}

/** The sheet to write to, and a session to it (the key file is read here), or what is missing. */
function connect(flags: { url?: string; key?: string; spreadsheet?: string; state?: string }) {
  const connection = resolveConnection(process.env, flags);
  const spreadsheetId = connection.spreadsheetId;
  if (!spreadsheetId)
    return { error: "请用 --spreadsheet <id> 指定表格，或设置 SPREADSHEET_ID (missing --spreadsheet <id>)" };
  return { connection, spreadsheetId, session: createSheetsSession(connection) };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: FLAGS,
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error("请给出一个 .xlsx 文件，例如 npm run sheet:import -- 台账.xlsx (one .xlsx file expected)");
    return 2;
  }
  const plan = await planFor(file, values.sheet);
  // Every argument is checked before the report: a missing --spreadsheet must not come after a whole
  // report that reads as if the import were under way.
  const target = values["dry-run"] ? null : connect(values);
  if (target && "error" in target) {
    console.error(target.error);
    return 2;
  }
  for (const line of planLines(plan)) console.log(line);
  if (!target) {
    const skipped = plan.skippedRows.length > 0 ? `（另有 ${plan.skippedRows.length} 行不导入，见上）` : "";
    console.log(
      `试运行（--dry-run）：没有连接表格，没有写入。文件中有 ${plan.rows.length} 行数据${skipped}；正式导入时，已在台账中的建议不会重复导入；编号相同而是另一条建议的行不导入并列出。`,
    );
    return 0;
  }
  const { connection, spreadsheetId, session } = target;
  console.log(`写入 ${connection.apiBase} 表格 ${spreadsheetId}（服务账号 ${session.email}）`);
  try {
    const outcome = await writeImport(session.api, spreadsheetId, plan);
    for (const line of writeLines(outcome)) console.log(line);
    const { reads, writes } = session.counts;
    console.log(`API 调用：读取 ${reads} 次，写入 ${writes} 次 (${reads} reads, ${writes} writes)`);
    // Rows left for a person (a 编号 the ledger gives to another suggestion): a script running the
    // import must not take it for done, as `sheet:init` exits 1 when something needs a person.
    return outcome.conflicts.length > 0 ? 1 : 0;
  } catch (error) {
    const status = (error as { response?: { status?: number } })?.response?.status;
    console.error(
      status || isConnectionFailure(error)
        ? describeApiError(error, {
            spreadsheetId,
            email: session.email,
            connection,
            otherwise: GOOGLE_SHEET_FLAGS,
          })
        : String((error as Error).message ?? error),
    );
    return 2;
  }
}

runCli(main);
