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
