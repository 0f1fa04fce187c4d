import { TAB_NAMES } from "../../sheets-schema";

/**
 * How the demo spreadsheet starts: one tab, 建议台账 (so no stray "Sheet1" is left over, since
 * provisioning never deletes a tab), Chinese locale and Shanghai time.
 */
export function demoSpreadsheetSeed(spreadsheetId: string) {
  return {
    spreadsheetId,
    title: "代表建议台账（演示）",
    locale: "zh_CN",
    timeZone: "Asia/Shanghai",
    sheets: [{ title: TAB_NAMES.ledger }],
  };
}

/**
 * Creates the spreadsheet through the emulator's admin API when `apiBase` is an emulator that does
 * not hold it yet (Google's API has no way to pick a spreadsheet id). Returns true when it created
 * one; false when it exists already or `apiBase` is not an emulator.
 */
export async function createOnEmulator(apiBase: string, spreadsheetId: string): Promise<boolean> {
  const admin = new URL("__emulator/spreadsheets", apiBase);
  let listed: { spreadsheets?: { spreadsheetId: string }[] };
  try {
    const response = await fetch(admin);
    if (!response.ok) return false;
    listed = (await response.json()) as typeof listed;
  } catch {
    return false;
  }
  if (listed.spreadsheets?.some((s) => s.spreadsheetId === spreadsheetId)) return false;
  const created = await fetch(admin, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(demoSpreadsheetSeed(spreadsheetId)),
  });
  if (!created.ok)
    throw new Error(`模拟器无法创建表格 ${spreadsheetId}: ${created.status} ${await created.text()}`);
  return true;
}
