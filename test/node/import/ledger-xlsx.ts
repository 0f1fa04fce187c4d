import ExcelJS from "exceljs";

/** Excel's own day count for a date (what a date cell without a date format holds). */
export function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * A county office's 台账 as Excel makes it: a sheet of notes first, then a title row merged across
 * the table, a two-row header (vertically merged single headers, and merged group titles 办理情况
 * and 联系方式 over their columns), office names for the columns (建议编号, 案由, 领衔人 …), dates as
 * Excel dates, as bare serials and as text, an extra 序号 column, a bad row and a blank row.
 */
export async function writeLedgerXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("填表说明").addRow(["本表按年度登记代表建议，日期请写成 2026-03-02"]);
  const ws = workbook.addWorksheet("2026年台账");
  ws.addRow(["某区2026年人大代表建议办理台账"]);
  ws.mergeCells("A1:L1");
  ws.addRow([
    "序号",
    "建议编号",
    "案由",
    "领衔人",
    "提出时间",
    "承办单位",
    "交办时间",
    "办理情况",
    "",
    "",
    "联系方式",
    "",
  ]);
  ws.addRow(["", "", "", "", "", "", "", "答复时间", "答复类别（A/B/C/D）", "满意度", "联系人", "电话"]);
  for (const col of ["A", "B", "C", "D", "E", "F", "G"]) ws.mergeCells(`${col}2:${col}3`);
  ws.mergeCells("H2:J2");
  ws.mergeCells("K2:L2");
  ws.addRow([
    1,
    "2026-001",
    "关于加强校园周边交通安全的建议",
    "王建国",
    new Date(Date.UTC(2026, 0, 15)),
    "区教育局",
    excelSerial(2026, 1, 20),
    new Date(Date.UTC(2026, 3, 10)),
    "A",
    "满意",
    "张三",
    "13800000000",
  ]);
  ws.getCell("G4").numFmt = "General"; // a date typed as a plain number
  ws.addRow([
    2,
    "2026-002",
    '=HYPERLINK("http://x")关于老旧小区加装电梯的建议',
    "李秀英",
    "2026年3月2日",
    "区住建局",
    "2026/3/5",
  ]);
  ws.addRow([3, "", "关于修缮村道的建议", "赵六", "三月初", "区交通运输局", "2026.13.1", "", "E"]);
  ws.addRow([]);
  ws.addRow([4, "2025-001", "去年已录入的建议", "王建国", "2025-05-06", "区水利局"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A workbook as an office keeps several years in: a hidden 模板 sheet first (one example row), then
 * 2025年台账 and 2024年台账. The 2025 sheet has no 提出日期 and no 审查结果 column, a hidden helper
 * column, 编号 2025-003 on two rows, and under the table a 合计 row (A:C merged, a count under 主办单位)
 * and a 填表人 line merged across the table.
 */
export async function writeYearsWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const header = ["建议编号", "案由", "领衔人", "承办单位", "交办时间", "辅助列"];
  const template = workbook.addWorksheet("模板");
  template.addRow(header);
  template.addRow(["2025-000", "（示例）关于……的建议", "张三", "区××局", "2025-01-01"]);
  template.state = "hidden";
  const ws = workbook.addWorksheet("2025年台账");
  ws.addRow(["2025年代表建议办理台账"]);
  ws.mergeCells("A1:F1");
  ws.addRow(header);
  ws.addRow(["2025-001", "关于改造城东菜市场的建议", "周芳", "区商务局", "2025-03-05", "x"]);
  ws.addRow(["2025-002", "关于增设公交站点的建议", "吴刚", "区交通运输局", "2025-03-05", "x"]);
  ws.addRow(["2025-003", "关于整治河道的建议", "郑丽", "区水利局", "2025-03-06", "x"]);
  ws.addRow(["2025-003", "关于修缮村小学的建议", "王强", "区教育局", "2025-03-06", "x"]);
  ws.getColumn(6).hidden = true;
  ws.addRow(["合计", "", "", 4]);
  ws.mergeCells("A7:C7");
  ws.addRow(["填表人：张三　　审核人：李四　　填表日期：2025年12月31日"]);
  ws.mergeCells("A8:F8");
  const older = workbook.addWorksheet("2024年台账");
  older.addRow(header.slice(0, 5));
  older.addRow(["2024-001", "关于老街区停车的建议", "周芳", "区住建局", "2024-03-05"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A 台账 whose headers were typed with Alt+Enter (a line break inside the cell, \n or \r\n as the
 * file holds it): a contract header (主办单位), office names (建议编号, 提出时间), a column the sync
 * computes (办理期限) and an extra column (联系电话). Row 2 has a 提出时间 the report must name.
 */
export async function writeWrappedHeadersXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["建议\n编号", "案由", "领衔人", "提出\n时间", "主办\r\n单位", "办理\n期限", "联系\n电话"]);
  ws.getRow(1).alignment = { wrapText: true };
  ws.addRow(["2024-101", "关于增设路灯的建议", "周芳", "三月初", "区城管局", "2024-06-05", "13800000000"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * Dates typed as eight digits (yyyymmdd), as numbers and as text, in several date columns; row 3
 * holds eight digits that are no day (20240230, 20241301) and a number that is no date at all.
 */
export async function writeEightDigitDatesXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期", "交办日期", "答复日期"]);
  ws.addRow(["2024-201", "关于整治背街小巷的建议", "吴刚", 20240305, "20240310", "２０２４０５２０"]);
  ws.addRow(["2024-202", "关于增设公交站点的建议", "郑丽", 20240230, "20241301", 12345678]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A 台账 whose 编号 clash with a ledger holding 2025-001 (去年已录入的建议, 王建国) and 2025-002
 * (另一条已有的建议, 李秀英): row 2 is 2025-001 again, its 标题 typed with a space; row 3 is another
 * suggestion numbered 2025-002; row 4 is new.
 */
export async function writeClashingIdsXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期"]);
  ws.addRow(["2025-001", "去年已录入的 建议", "王建国", "2025-05-06"]);
  ws.addRow(["2025-002", "关于增设公交站点的建议", "吴刚", "2025-03-05"]);
  ws.addRow(["2026-301", "关于整治河道的建议", "郑丽", "2026-03-06"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A 台账 with no 类别 and no 答复类别 column: two rows 立案 (one typed “ 立案 ”), one 不予立案, and
 * one row with a 答复日期.
 */
export async function writeNoCategoryXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期", "审查结果", "主办单位", "交办日期", "答复日期"]);
  ws.addRow([
    "2026-401",
    "关于增设路灯的建议",
    "周芳",
    "2026-01-05",
    "立案",
    "区城管局",
    "2026-01-20",
    "2026-03-02",
  ]);
  ws.addRow(["2026-402", "关于修缮村道的建议", "赵六", "2026-01-06", " 立案 ", "区交通运输局"]);
  ws.addRow(["2026-403", "关于建设体育公园的建议", "吴刚", "2026-01-07", "不予立案"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * 编号 as offices type them: a running number (7, as a number; "012" as text), full-width
 * (２０２５－００１, a suggestion the ledger already holds as 2025-001) and 2026001 (year and number).
 */
export async function writeOddIdsXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期", "类别", "审查结果"]);
  ws.addRow([7, "关于增设路灯的建议", "周芳", "2026-01-05", "城乡建设", "立案"]);
  ws.addRow(["２０２５－００１", "去年已录入的建议", "王建国", "2025-05-06", "其他", "立案"]);
  ws.addRow(["012", "关于修缮村道的建议", "赵六", "2026-01-06", "农业农村", "立案"]);
  ws.addRow([2026001, "关于建设体育公园的建议", "吴刚", "2026-01-07", "社会事业", "立案"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A county 台账 as offices lay it out for printing: 序号 first, three suggestions (2026-001; one
 * without 编号; one with a 领衔人 but no 案由), then rows numbered in advance and left empty (序号 4
 * and 5 only), two total lines with the count under 案由 (`合　计` with a full-width space merged
 * over 序号 and 建议编号; 序号 holding the count and 建议编号 saying 合计), a 共2件 alone under 案由,
 * and the notes and signatures under the table.
 */
export async function writeCountyLedgerXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["序号", "建议编号", "案由", "领衔人", "提出时间", "承办单位"]);
  ws.addRow([1, "2026-001", "关于加强校园周边交通安全的建议", "王建国", "2026-01-15", "区教育局"]);
  ws.addRow([2, "", "关于修缮村道的建议", "赵六", "2026-01-16", "区交通运输局"]);
  ws.addRow([3, "", "", "周芳", "2026-01-17", "区水利局"]);
  ws.addRow([4]);
  ws.addRow([5]);
  ws.addRow(["合　计", "", "2件"]);
  ws.mergeCells("A7:B7");
  ws.addRow([2, "合计", "2件"]);
  ws.addRow(["", "", "共2件"]);
  ws.addRow(["注：答复类别A为所提问题已经解决或基本解决，B为正在解决或列入计划解决"]);
  ws.addRow(["制表单位：区人大常委会代表工委"]);
  ws.addRow(["填 表 人 : 张三", "", "", "审核：李四"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A 台账 whose first column is 编号 (no 序号): under one suggestion, a total line `合 计` with its
 * count under 标题, and a note and a signature typed into the 编号 column, spaced and with a
 * half-width colon.
 */
export async function writeNotesUnderIdsXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期"]);
  ws.addRow(["2026-011", "关于增设路灯的建议", "周芳", "2026-01-05"]);
  ws.addRow(["合 计", "1件"]);
  ws.addRow(["说 明: 本表由代表工委每月更新"]);
  ws.addRow(["制表：区人大常委会代表工委"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * 编号 as Excel leaves them when typed into a General cell: row 2's `2026-12` became the date
 * 2026-12-01 (serial 46357, shown `mmm-yy` as Dec-26); row 3's 编号 was typed as text.
 */
export async function writeIdsMadeDatesXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("台账");
  ws.addRow(["编号", "标题", "领衔代表", "提出日期", "类别", "审查结果"]);
  ws.addRow([excelSerial(2026, 12, 1), "关于增设路灯的建议", "周芳", "2026-01-05", "城乡建设", "立案"]);
  ws.getCell("A2").numFmt = "mmm-yy";
  ws.addRow(["2026-013", "关于修缮村道的建议", "赵六", "2026-01-06", "农业农村", "立案"]);
  await workbook.xlsx.writeFile(file);
}

/**
 * A county office's 2025 sheet as it is a year on, imported into jianyi for the first time: 编号 a
 * year and a number (2025001 …), 提出日期 typed without a year (1月5日) on rows 2–13, no 答复类别
 * column but a 办理结果 that opens with the class on rows 11–13 (A类（已解决）, B类，正在解决,
 * C类 因条件限制…) and not on row 14. Rows 2–9 are 立案 and assigned on 2025-03-05 with no reply;
 * row 10 was assigned on 2026-02-01; rows 11–14 were replied on 2025-06-01; row 15 is 不予立案.
 * Excel hides rows 13 and 15.
 */
export async function writeCountyYearXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("2025年建议");
  ws.addRow([
    "编号",
    "标题",
    "领衔代表",
    "提出日期",
    "类别",
    "审查结果",
    "主办单位",
    "交办日期",
    "答复日期",
    "办理结果",
  ]);
  const row = (n: number, submitted: string, rest: (string | Date)[]) =>
    ws.addRow([
      `2025${String(n).padStart(3, "0")}`,
      `关于第 ${n} 件事的建议`,
      "周芳",
      submitted,
      "城乡建设",
      ...rest,
    ]);
  for (let n = 1; n <= 8; n++) row(n, `1月${n + 4}日`, ["立案", "区交通运输局", "2025-03-05"]);
  row(9, "1月20日", ["立案", "区水利局", "2026-02-01"]);
  const replies = ["A类（已解决）", "B类，正在解决", "C类 因条件限制，暂时无法解决", "已按要求办理"];
  for (const [i, reply] of replies.entries())
    row(10 + i, i < 3 ? `2月${i + 1}日` : "2025-01-06", [
      "立案",
      "区教育局",
      "2025-03-05",
      "2025-06-01",
      reply,
    ]);
  row(14, "2025-01-07", ["不予立案"]);
  ws.getRow(13).hidden = true;
  ws.getRow(15).hidden = true;
  await workbook.xlsx.writeFile(file);
}
