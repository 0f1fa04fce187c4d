import type { sheets_v4 } from "@googleapis/sheets";
import { TAB_NAMES } from "../../sheets-schema";
import { quoteTitle } from "../provision/requests";

const INVALID = "\u0000invalid:";

/** The origins (scheme://host) of every 机器人地址 in 承办单位 and 代表, and who uses each. */
export async function robotOrigins(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
): Promise<{ origin: string; usedBy: string[]; invalid: boolean }[]> {
  const tabs = [
    { title: TAB_NAMES.units, name: "单位名称" },
    { title: TAB_NAMES.deputies, name: "姓名" },
  ];
  const response = await api.spreadsheets.values.batchGet({
    spreadsheetId,
    ranges: tabs.map((t) => quoteTitle(t.title)),
  });
  const byOrigin = new Map<string, string[]>();
  tabs.forEach((tab, i) => {
    const [header = [], ...rows] = (response.data.valueRanges?.[i]?.values ?? []) as unknown[][];
    const nameAt = header.findIndex((h) => String(h).trim() === tab.name);
    const urlAt = header.findIndex((h) => String(h).trim() === "机器人地址");
    if (urlAt < 0) return;
    for (const row of rows) {
      const raw = String(row[urlAt] ?? "").trim();
      if (!raw) continue;
      let origin: string;
      try {
        origin = new URL(raw.split("#")[0] ?? raw).origin;
      } catch {
        origin = `${INVALID}${raw.split("#")[0]?.slice(0, 60)}`;
      }
      const list = byOrigin.get(origin) ?? [];
      list.push(String(row[nameAt] ?? "").trim() || `${tab.title}第 ${rows.indexOf(row) + 2} 行`);
      byOrigin.set(origin, list);
    }
  });
  return [...byOrigin].map(([origin, usedBy]) => ({
    origin: origin.replace(INVALID, ""),
    usedBy,
    invalid: origin.startsWith(INVALID),
  }));
}
