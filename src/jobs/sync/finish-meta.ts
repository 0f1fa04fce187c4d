import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import {
  META_DUPLICATE_IDS,
  META_ID_FORMAT,
  META_NOTICE_TEMPLATE_PROBLEMS,
  META_REMOVAL_CONFIRMED,
  META_SUMMARY,
} from "../../store/meta";
import { META_PRESENT } from "./present-snapshots";
import { parseStamp, type SummaryStamp } from "./summary-stamp";

/*
 * The small facts a finish reads in one query at its start and compares its work with: kept apart
 * so the finish, the check that nothing changed and the system tabs' rewrite read them one way.
 */

const META_TAB_WRITTEN = "system_tab_written:";
export const SYSTEM_TABS = [TAB_NAMES.problems, TAB_NAMES.statistics, TAB_NAMES.assessment] as const;

/** What the last sync wrote to a system tab: how many rows, and a digest of them. */
export interface TabWritten {
  rows: number;
  digest: string;
}

export const tabWrittenKey = (tab: string) => `${META_TAB_WRITTEN}${tab}`;

/**
 * The small facts the finish compares its work with, read in one query at its start: the summary's
 * stamp, what the last sync wrote to each system tab, the 编号 typed twice and the 编号格式 it stored,
 * and the 通知模板 problems the latest notices run found while sending (listed in 校验问题).
 * The sync's problems themselves (100 KB and more) are not read: the stamp holds their digest.
 */
export const FINISH_META_KEYS = [
  META_SUMMARY,
  ...SYSTEM_TABS.map(tabWrittenKey),
  META_DUPLICATE_IDS,
  META_ID_FORMAT,
  META_PRESENT,
  META_REMOVAL_CONFIRMED,
  META_NOTICE_TEMPLATE_PROBLEMS,
] as const;
export type FinishMeta = ReadonlyMap<string, string>;

export function lastWritten(stored: FinishMeta, tab: string): TabWritten | null {
  const raw = stored.get(tabWrittenKey(tab));
  if (!raw?.startsWith("{")) return null;
  return JSON.parse(raw) as TabWritten;
}

export const readStamp = (stored: FinishMeta): SummaryStamp => parseStamp(stored.get(META_SUMMARY));
