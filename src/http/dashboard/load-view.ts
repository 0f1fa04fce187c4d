import type { Context } from "hono";
import type { AppEnv } from "../../app";
import { createDeps, type Deps } from "../../deps";
import type { EvaluatedLedger } from "../../domain/summary/evaluated";
import type { SummaryRow } from "../../domain/summary/summary-row";
import { type LedgerView, loadLedgerView } from "../../jobs/ledger-view";
import { localDate } from "../../jobs/local-time";
import type { PageFrame } from "./layout";

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface Dashboard {
  readonly deps: Deps;
  readonly view: LedgerView;
  readonly evaluation: EvaluatedLedger & { rows: readonly SummaryRow[] };
  readonly frame: PageFrame;
  readonly nowMs: number;
}

/**
 * The ledger as the last sync evaluated it (from D1: no Sheets quota, no row checked again). Its
 * statuses and days left are as of that sync's day; `frame.today` is today in 设置 时区 for the page.
 */
export async function loadDashboard(c: Context<AppEnv>, nowMs = Date.now()): Promise<Dashboard> {
  const deps = createDeps(c.env);
  const [view, lastSync] = await Promise.all([
    loadLedgerView(deps, localDate(nowMs, DEFAULT_TIME_ZONE)),
    deps.runs.last(),
  ]);
  const timeZone = view.evaluation.settings.timeZone || DEFAULT_TIME_ZONE;
  const today = localDate(nowMs, timeZone);
  return {
    deps,
    view,
    evaluation: view.evaluation,
    frame: { staff: c.get("staff"), lastSync, timeZone, today },
    nowMs,
  };
}
