import type { Context } from "hono";
import type { AppEnv } from "../../app";
import { createDeps, type Deps } from "../../deps";
import type { LedgerEvaluation } from "../../domain/evaluate-ledger";
import { type LedgerView, loadLedgerView } from "../../jobs/ledger-view";
import { localDate } from "../../jobs/local-time";
import type { PageFrame } from "./layout";

const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface Dashboard {
  readonly deps: Deps;
  readonly view: LedgerView;
  readonly evaluation: LedgerEvaluation;
  readonly frame: PageFrame;
  readonly nowMs: number;
}

/**
 * The ledger as of the last sync (from D1: no Sheets quota), evaluated for today in 设置 时区. The
 * zone is only known once 设置 is read, so a zone other than Shanghai whose date differs costs one
 * more evaluation.
 */
export async function loadDashboard(c: Context<AppEnv>, nowMs = Date.now()): Promise<Dashboard> {
  const deps = createDeps(c.env);
  const [first, lastSync] = await Promise.all([
    loadLedgerView(deps, localDate(nowMs, DEFAULT_TIME_ZONE)),
    deps.runs.last(),
  ]);
  const timeZone = first.evaluation.settings.timeZone || DEFAULT_TIME_ZONE;
  const today = localDate(nowMs, timeZone);
  const view = today === first.evaluation.today ? first : await loadLedgerView(deps, today);
  return {
    deps,
    view,
    evaluation: view.evaluation,
    frame: { staff: c.get("staff"), lastSync, timeZone, today },
    nowMs,
  };
}
