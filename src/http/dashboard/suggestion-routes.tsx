import { Hono } from "hono";
import { LEDGER_STATUSES, NOTICE_STATES, PROBLEM_LEVELS } from "../../../sheets-schema/enums";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { createDeps } from "../../deps";
import { fieldTexts } from "../../domain/dashboard/cell-text";
import { byId, suggestionRef, suggestionRows } from "../../domain/dashboard/suggestion-ref";
import { buildTimeline, milestones } from "../../domain/dashboard/timeline";
import type { Problem } from "../../domain/problems";
import { removedRowProblems } from "../../domain/sync/plan-history";
import { retryNotice } from "../../jobs/notices/retry-notice";
import { HttpError } from "../errors";
import { sendPage } from "./layout";
import { type Dashboard, loadDashboard } from "./load-view";
import { NOTICES_PAGE_SIZE, NoticesPage } from "./notices-page";
import { ProblemsPage } from "./problems-page";
import { SuggestionPage } from "./suggestion-page";
import { SuggestionsPage } from "./suggestions-page";

/**
 * The sheet row of a row of the ledger rebuilt from D1: rows D1 cannot key (a duplicated 编号) are
 * not in the rebuild, so its positions can run short of the sheet's; the snapshot keeps the real row.
 */
function sheetRow(d: Dashboard, rebuiltRow: number): number {
  return d.view.snapshotOfRow.get(rebuiltRow)?.rowNumber ?? rebuiltRow;
}

/** A query value that must be one of a list ("" or absent = no filter). */
function oneOf(
  value: string | undefined,
  allowed: readonly string[],
  code: string,
  what: string,
): string | null {
  if (!value) return null;
  if (!allowed.includes(value)) {
    throw new HttpError(400, code, `${what}“${value}”无法识别：可选 ${allowed.join("、")}`);
  }
  return value;
}

/** Suggestions (list and one), problems and the notices outbox. */
export const suggestionRoutes = new Hono<AppEnv>()
  .get("/suggestions", async (c) => {
    const status = oneOf(c.req.query("status"), LEDGER_STATUSES, "invalid_status", "台账状态");
    const d = await loadDashboard(c);
    const refs = suggestionRows(d.evaluation)
      .map((r) => suggestionRef(r, d.frame.today))
      .filter((r) => status === null || r.status === status)
      .sort(byId);
    return sendPage(c, <SuggestionsPage refs={refs} status={status} frame={d.frame} />);
  })
  .get("/suggestions/:id", async (c) => {
    const id = c.req.param("id").trim();
    const d = await loadDashboard(c);
    const row = suggestionRows(d.evaluation).find((r) => r.id === id);
    if (!row) {
      if (d.view.removed.some((s) => s.id === id)) {
        throw new HttpError(
          410,
          "suggestion_removed",
          `建议 ${id} 已从台账中消失：可用“恢复”补回（POST /api/suggestions/${id}/restore）`,
        );
      }
      throw new HttpError(404, "unknown_suggestion", `台账中没有编号为“${id}”的建议`);
    }
    const [history, notices] = await Promise.all([
      d.deps.snapshots.history(id),
      d.deps.outboxView.list({ suggestionId: id, limit: 500 }),
    ]);
    const ref = suggestionRef(row, d.frame.today);
    const view = {
      row,
      sheetRow: sheetRow(d, row.rowNumber),
      fields: fieldTexts(d.evaluation, row),
      daysLeft: ref.daysLeft,
      milestones: milestones(row),
      timeline: buildTimeline(history, notices),
      notices,
    };
    return sendPage(c, <SuggestionPage view={view} frame={d.frame} />);
  })
  .get("/problems", async (c) => {
    const level = oneOf(c.req.query("level"), PROBLEM_LEVELS, "invalid_level", "级别");
    const d = await loadDashboard(c);
    const ledgerRows = (p: Problem): Problem =>
      p.tab === TAB_NAMES.ledger && p.row !== null && p.row > 1 ? { ...p, row: sheetRow(d, p.row) } : p;
    const all = [
      ...d.evaluation.problems.map(ledgerRows),
      ...removedRowProblems(d.view.removed, TAB_NAMES.ledger),
    ];
    const problems = all.filter((p) => level === null || p.level === level);
    return sendPage(c, <ProblemsPage problems={problems} shown={all.length} level={level} frame={d.frame} />);
  })
  .get("/notices", async (c) => {
    const status = oneOf(c.req.query("status"), NOTICE_STATES, "invalid_status", "通知状态");
    const retried = /^\d{1,9}$/.test(c.req.query("retried") ?? "") ? Number(c.req.query("retried")) : null;
    const d = await loadDashboard(c);
    const [notices, counts] = await Promise.all([
      d.deps.outboxView.list({ status: status ?? undefined, limit: NOTICES_PAGE_SIZE }),
      d.deps.outboxView.counts(),
    ]);
    return sendPage(
      c,
      <NoticesPage notices={notices} counts={counts} status={status} retried={retried} frame={d.frame} />,
    );
  })
  // The page's 重试 button: the notices job's own retry (as POST /api/notices/:id/retry), then back to the list.
  .post("/notices/:id/retry", async (c) => {
    const raw = c.req.param("id");
    if (!/^\d{1,9}$/.test(raw))
      throw new HttpError(400, "invalid_notice_id", `通知编号须为数字，收到“${raw}”`);
    const result = await retryNotice(createDeps(c.env), Number(raw), Date.now());
    if (!result.ok) throw new HttpError(result.code === "not_found" ? 404 : 409, result.code, result.message);
    return c.redirect(`/notices?retried=${raw}`, 303);
  });
