import type { Context } from "hono";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import { unitsTab } from "../../../sheets-schema/tabs";
import type { AppEnv } from "../../app";
import { type UnitDetail, unitDetail, unitDetailOf, unitLine } from "../../domain/dashboard/scoreboard";
import { refAsOf } from "../../domain/dashboard/suggestion-ref";
import { buildDirectory } from "../../domain/directory";
import { mentionKey } from "../../domain/links/recipient-rows";
import { readTab } from "../../domain/read-tab";
import { loadDashboard, loadScoreboard, type PageBase } from "./load-view";

/**
 * One unit's page: its line of the stored scoreboard, its 承办单位 entry, and the list entries of
 * the suggestions it leads or co-handles, which D1 picks through each part's index (a large unit's
 * few hundred, not the ledger's 2,000). Null when no such unit is known. While a part stored by an
 * older build has no entries, the page works the detail out from every row, as before. Either way
 * the suggestions' days left count from today, as on the suggestions list (the sync stored them as
 * of its own day).
 */
export async function loadUnitDetail(
  c: Context<AppEnv>,
  base: PageBase,
  name: string,
): Promise<UnitDetail | null> {
  const detail = await unitDetailAsSynced(c, base, name);
  if (!detail) return null;
  const { today } = base.frame;
  return {
    ...detail,
    lead: detail.lead.map((ref) => refAsOf(ref, today)),
    co: detail.co.map((ref) => refAsOf(ref, today)),
  };
}

/** The unit's detail as the last sync left it: its days left count from that sync's day. */
async function unitDetailAsSynced(
  c: Context<AppEnv>,
  base: PageBase,
  name: string,
): Promise<UnitDetail | null> {
  const [board, entries, tabs] = await Promise.all([
    loadScoreboard(c, base),
    base.deps.summaries.loadEntriesMentioning(mentionKey("unit", name)),
    base.deps.tabCache.load([TAB_NAMES.units]),
  ]);
  if (entries === null) return unitDetail((await loadDashboard(c, { base })).evaluation, name);
  const figures = unitLine(board.units, name);
  if (!figures) return null;
  const units = buildDirectory(readTab(unitsTab, tabs[TAB_NAMES.units]), "单位");
  return unitDetailOf(figures, units.find(figures.label) ?? null, entries);
}
