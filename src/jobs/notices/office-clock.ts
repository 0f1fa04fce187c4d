import { DEFAULT_TIME_ZONE } from "../../../sheets-schema/settings";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { settingsTab } from "../../../sheets-schema/tabs";
import { readSettings } from "../../domain/read-settings";
import { readTab } from "../../domain/read-tab";
import type { TabCache } from "../../store/tab-cache";
import { localDate, localDateTime, localHour } from "../local-time";

/** The office's local day and hour (设置 时区 as the last sync read it). */
export interface OfficeClock {
  readonly timeZone: string;
  readonly today: string;
  readonly hour: number;
}

export async function officeClock(tabCache: TabCache, nowMs: number): Promise<OfficeClock> {
  const tabs = await tabCache.load([TAB_NAMES.settings]);
  const { settings } = readSettings(readTab(settingsTab, tabs[TAB_NAMES.settings]));
  const timeZone = settings.timeZone || DEFAULT_TIME_ZONE;
  return { timeZone, today: localDate(nowMs, timeZone), hour: localHour(nowMs, timeZone) };
}

export { localDateTime };
