import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { CELL_FILLED } from "../../domain/sync/remap";
import type { SyncRunRecord } from "../../store/sync-runs";

/*
 * What a completed sync could not write into the sheet (Google refusing, rows moving), read from
 * the run's own record (the summary runSync's finish stores): the pages already read the last run
 * for their sync line, so saying it costs no query. The run still counts as done ("ok"): its
 * figures and problems are D1's, only the sheet waits for the next run.
 */

/** The part of a run's summary about writes left for the next run (finishOnce in run-sync.ts). */
interface WritesLeft {
  /** System tabs the finish could not write, and why (writeSystemTabs). */
  unwrittenTabs?: { tabs: string[]; reason: string };
  /** A sample of the ledger cells the chunks could not write, and why. */
  held?: { header: string; reason: string }[];
}

const writesLeft = (run: SyncRunRecord | null): WritesLeft =>
  (run?.outcome === "ok" ? (run.summary as WritesLeft | null) : null) ?? {};

/**
 * Why the last run could not write 校验问题 (Google's failure, in staff's words), or null when it
 * wrote it or had nothing new for it: the tab then still holds an earlier list than /problems.
 */
export function problemsTabUnwritten(run: SyncRunRecord | null): string | null {
  const tabs = writesLeft(run).unwrittenTabs;
  if (!tabs?.tabs.includes(TAB_NAMES.problems)) return null;
  // writeSystemTabs says `<cause>，『校验问题』…本次未能更新…`: the cause alone fits the page's sentence.
  const end = tabs.reason.indexOf("，『");
  return end > 0 ? tabs.reason.slice(0, end) : tabs.reason;
}

/**
 * The sync line's words for what a completed run left unwritten in the sheet (the run's own
 * message for system tabs; the columns and causes of the ledger cells it held), or null when it
 * wrote everything. A new 编号 dropped because a person typed one meanwhile is no such write.
 */
export function unwrittenNote(run: SyncRunRecord): string | null {
  const { unwrittenTabs, held = [] } = writesLeft(run);
  const cells = held.filter((h) => h.reason !== CELL_FILLED);
  const said: string[] = unwrittenTabs ? [unwrittenTabs.reason] : [];
  if (cells.length > 0) {
    const headers = [...new Set(cells.map((h) => `『${h.header}』`))].join("");
    // A cause the tabs' reason gave already is not said twice.
    const causes = [...new Set(cells.map((h) => h.reason.replace("，本次未能写入", "")))].filter(
      (cause) => !unwrittenTabs?.reason.startsWith(cause.split("；")[0] ?? cause),
    );
    said.push(
      `部分行的${headers}本次未能写入，下次同步会再写${causes.length > 0 ? `（${causes.join("；")}）` : ""}，见『${TAB_NAMES.problems}』页`,
    );
  }
  return said.length > 0 ? said.join("；") : null;
}
