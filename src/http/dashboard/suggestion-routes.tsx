import { type Context, Hono } from "hono";
import { NOTICE_STATES, PROBLEM_LEVELS } from "../../../sheets-schema/enums";
import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { AppEnv } from "../../app";
import { createDeps } from "../../deps";
import { fieldTexts } from "../../domain/dashboard/cell-text";
import { practiceEntries } from "../../domain/dashboard/practice-timeline";
import { SUGGESTIONS_PAGE_SIZE } from "../../domain/dashboard/suggestion-list";
import { refAsOf, type SuggestionRef, suggestionRef } from "../../domain/dashboard/suggestion-ref";
import { buildTimeline, milestones } from "../../domain/dashboard/timeline";
import { settingsOf } from "../../domain/ledger-context";
import { NOT_KEPT } from "../../domain/practice/check-practice-rows";
import { buildPracticeIndex, PRACTICE_RECORD_TABS } from "../../domain/practice/practice-index";
import { isGroupId } from "../../domain/problem-groups";
import type { Problem } from "../../domain/problems";
import { loadFacts, loadRow } from "../../domain/summary/summary-row";
import { notWrittenInNote } from "../../domain/sync/extra-columns";
import type { Snapshot } from "../../domain/sync/plan-history";
import { renumberedAdvice, renumberedAs, vanishedTitles } from "../../domain/sync/renumbered";
import { WJQQ_REFUSED_KEYS, wjqqRefusals } from "../../intake/platforms/wjqq";
import { retryNotice } from "../../jobs/notices/retry-notice";
import { unsentNotices } from "../../jobs/notices/run-daily";
import { localDayIn } from "../../jobs/sync/mark-vanished";
import { restoreSuggestion } from "../../jobs/sync/restore";
import { RESTORE_AT_ONCE, restoreSuggestions } from "../../jobs/sync/restore-many";
import { WAITING_MINUTES } from "../../store/inbox";
import { META_REMOVAL_CONFIRMED, META_SYNC_PROBLEMS } from "../../store/meta";
import type { SnapshotStore } from "../../store/snapshots";
import type { FactsQuery } from "../../store/summary-store";
import { actorOf } from "../actor";
import { HttpError } from "../errors";
import { CLICK_RETRY, restoreError } from "../restore-error";
import { sendPage } from "./layout";
import { listFilterOf, oneOf, pageNumber } from "./list-filter";
import { loadCalendar, loadFrame, loadLedgerYears, type PageBase } from "./load-view";
import { NOTICES_PAGE_SIZE, NoticesPage } from "./notices-page";
import { ProblemsPage } from "./problems-page";

import { RemovedPage } from "./removed-page";
import { RestoreManyDonePage, RestoreManyPage } from "./restore-many-page";
import { SuggestionPage } from "./suggestion-page";
import { SuggestionsPage } from "./suggestions-page";
import { pagesOf } from "./ui";

/** Waiting submissions listed on /problems at most (a Google outage of hours may hold many). */
const WAITING_LISTED = 100;

/**
 * A page of the suggestions list as of `today`, and how many match: D1 filters the parts' list
 * entries, sorts and counts them (the rows' facts while a part stored by an older build has no
 * entries). A page past the end (the list got shorter since the link was made) shows the last one.
 */
async function listSuggestions(
  base: PageBase,
  query: FactsQuery,
): Promise<{ total: number; refs: SuggestionRef[] }> {
  const { summaries } = base.deps;
  const { today } = base.frame;
  const entries = await summaries.listEntries(query);
  if (entries) return { total: entries.total, refs: entries.rows.map(([ref]) => refAsOf(ref, today)) };
  const facts = await summaries.listFacts(query);
  return { total: facts.total, refs: facts.rows.map((tuple) => suggestionRef(loadFacts(tuple), today)) };
}

/** The page asked for, or the last one when it is past the end. */
async function pageOfSuggestions(
  base: PageBase,
  filter: { status: string | null; text: string; year: number | null },
  page: number,
): Promise<{ total: number; refs: SuggestionRef[] }> {
  const query = { ...filter, limit: SUGGESTIONS_PAGE_SIZE };
  const listed = await listSuggestions(base, { ...query, offset: (page - 1) * SUGGESTIONS_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(listed.total / SUGGESTIONS_PAGE_SIZE));
  if (page <= pages) return listed;
  return listSuggestions(base, { ...query, offset: (pages - 1) * SUGGESTIONS_PAGE_SIZE });
}

/**
 * What restore would answer about a row holding the vanished suggestion's 标题 and 领衔代表 under
 * another 编号, said on its page before 恢复 or 确认已删除 is clicked. No sheet read: the rows are
 * the present snapshots, as the last sync saw them; its days in the frame's 设置 时区, as 校验问题 says
 * them (the frame may still be loading: D1 is asked meanwhile). Null when none matches, or the
 * suggestion is not vanished or already restored.
 */
async function renumberedHint(
  snapshots: SnapshotStore,
  vanished: Snapshot,
  base: PageBase | Promise<PageBase>,
): Promise<string | null> {
  const titles = vanished.removedAt ? vanishedTitles([vanished]) : [];
  if (titles.length === 0) return null;
  const [present, { frame }] = await Promise.all([snapshots.presentWithTitlesLike(titles), base]);
  const same = renumberedAs(vanished, present);
  return same && renumberedAdvice(vanished, same, same.firstSeenAt, localDayIn(frame.timeZone));
}

/** The page that asks to confirm 恢复 or 确认已删除 of a vanished suggestion (`:id`). */
/**
 * What the latest 恢复 of `id` could not write back (its record's note: “督办领导批示”为“…”), read
 * from D1 for the page staff land on; null when it wrote everything.
 */
async function unwrittenOf(snapshots: SnapshotStore, id: string): Promise<string | null> {
  const named = (await snapshots.history(id)).map((h) => notWrittenInNote(h.note ?? ""));
  return named.filter((n) => n !== null).at(-1) ?? null;
}

async function confirmationPage(c: Context<AppEnv>, confirm: "restore" | "removal"): Promise<Response> {
  const id = c.req.param("id")?.trim() ?? "";
  const { snapshots } = createDeps(c.env);
  const snapshot = await snapshots.load(id);
  if (!snapshot)
    throw new HttpError(
      404,
      "unknown_suggestion",
      `没有编号为“${id}”的建议记录，无法恢复：请核对编号${NOT_KEPT}`,
    );
  const base = loadFrame(c);
  const [d, renumbered] = await Promise.all([base, renumberedHint(snapshots, snapshot, base)]);
  return sendPage(
    c,
    <RemovedPage snapshot={snapshot} frame={d.frame} confirm={confirm} renumbered={renumbered} />,
  );
}

/** Suggestions (list and one), problems and the notices outbox. */
export const suggestionRoutes = new Hono<AppEnv>()
  .get("/suggestions", async (c) => {
    // A year the ledger has no suggestion of lists none, saying so.
    const filter = listFilterOf((name) => c.req.query(name));
    const page = pageNumber(c.req.query("page"));
    const base = await loadFrame(c);
    const [listed, years, calendar] = await Promise.all([
      pageOfSuggestions(base, filter, page),
      loadLedgerYears(base),
      loadCalendar(base),
    ]);
    const pages = Math.max(1, Math.ceil(listed.total / SUGGESTIONS_PAGE_SIZE));
    const shown = Math.min(page, pages);
    const { refs } = listed;
    return sendPage(
      c,
      <SuggestionsPage
        refs={refs}
        filter={filter}
        years={years}
        paging={{ page: shown, pages, total: listed.total }}
        frame={base.frame}
        isUnit={base.isUnit}
        calendar={calendar}
      />,
    );
  })
  .get("/suggestions/:id", async (c) => {
    const id = c.req.param("id").trim();
    const base = await loadFrame(c);
    const { deps } = base;
    // Its rows whole (D1 picks them by 编号), only its rows of 沟通记录, 延期申请 and 协办意见, and
    // only the 设置 tab: the page parses this suggestion, not the ledger.
    const [stored, settingsTab, practiceTabs, history, notices, unsent] = await Promise.all([
      deps.summaries.loadRowsWithId(id),
      deps.tabCache.load([TAB_NAMES.settings]),
      deps.tabCache.loadRowsOf(PRACTICE_RECORD_TABS, [id]),
      deps.snapshots.history(id),
      deps.outboxView.list({ suggestionId: id, limit: 500 }),
      unsentNotices(deps, id),
    ]);
    if (stored.length === 0) {
      const removed = (await deps.snapshots.removed()).find((s) => s.id === id);
      if (removed) {
        const renumbered = await renumberedHint(deps.snapshots, removed, base);
        return sendPage(
          c,
          <RemovedPage snapshot={removed} frame={base.frame} renumbered={renumbered} />,
          410,
        );
      }
      throw new HttpError(
        404,
        "unknown_suggestion",
        `台账中没有编号为“${id}”的建议：请核对编号；如果是它的行被误删了，请在“校验问题”中找到它并点“恢复”${NOT_KEPT}`,
      );
    }
    const rows = stored.map(loadRow);
    const practice = buildPracticeIndex(practiceTabs, new Set([id]));
    const sessions = settingsOf(settingsTab).sessionPeriods;
    const views = rows.map((row) => ({
      practice: practiceEntries(row, practice, sessions),
      row,
      sheetRow: row.rowNumber,
      fields: fieldTexts(row),
      daysLeft: suggestionRef(row, base.frame.today).daysLeft,
      milestones: milestones(row),
    }));
    const timeline = buildTimeline(history, notices);
    return sendPage(
      c,
      <SuggestionPage
        views={views}
        timeline={timeline}
        notices={notices}
        unsent={unsent}
        frame={base.frame}
      />,
    );
  })
  // 恢复 sits behind a confirmation page, so a stray click never adds a row to the sheet.
  .get("/suggestions/:id/restore", (c) => confirmationPage(c, "restore"))
  .post("/suggestions/:id/restore", async (c) => {
    const id = c.req.param("id").trim();
    const deps = createDeps(c.env, { retry: CLICK_RETRY });
    const result = await restoreSuggestion(deps, id, Date.now(), actorOf(c).label);
    if (!result.ok) throw restoreError(result);
    // Values whose column is gone are named by the restore's record, not in the address (which
    // anyone could write): the address only says there are some, and /problems reads them back.
    const unwritten = result.notWritten.length > 0 ? "&unwritten=1" : "";
    return c.redirect(`/problems?restored=${encodeURIComponent(id)}&row=${result.row}${unwritten}`, 303);
  })
  // 确认已删除 too sits behind a confirmation page: it silences the suggestion's problem for good.
  .get("/suggestions/:id/removal", (c) => confirmationPage(c, "removal"))
  .post("/suggestions/:id/removal", async (c) => {
    const id = c.req.param("id").trim();
    const deps = createDeps(c.env);
    const at = new Date().toISOString();
    const by = actorOf(c).label;
    if (!(await deps.snapshots.confirmRemoval(id, at, by)))
      throw new HttpError(409, "not_removed", `编号 ${id} 不是已从台账中消失的建议：无需确认删除`);
    await deps.snapshots.record(
      [
        {
          suggestionId: id,
          column: "编号",
          oldValue: id,
          newValue: null,
          source: "dashboard",
          actor: by,
          note: "确认已从台账中有意删除",
        },
      ],
      at,
    );
    // The next sync's finish lists 校验问题 again without it (META_REMOVAL_CONFIRMED is one of its inputs).
    await deps.meta.set(META_REMOVAL_CONFIRMED, at, at);
    return c.redirect(`/problems?removalConfirmed=${encodeURIComponent(id)}`, 303);
  })
  // 全部恢复: the vanished suggestions 校验问题 lists, ticked, behind one confirmation.
  .get("/problems/restore", async (c) => {
    const d = await loadFrame(c);
    const vanished = (await d.deps.snapshots.removed()).filter((s) => !s.removalConfirmed && !s.restore);
    return sendPage(c, <RestoreManyPage vanished={vanished} atOnce={RESTORE_AT_ONCE} frame={d.frame} />);
  })
  .post("/problems/restore", async (c) => {
    const form = await c.req.parseBody({ all: true });
    const ids = [form.id ?? []].flat().filter((v): v is string => typeof v === "string");
    if (ids.length === 0) throw new HttpError(400, "nothing_chosen", "没有勾选要恢复的建议：请至少勾选一条");
    const deps = createDeps(c.env, { retry: CLICK_RETRY });
    const result = await restoreSuggestions(deps, ids, Date.now(), actorOf(c).label);
    if (!result.ok) throw restoreError(result);
    const d = await loadFrame(c);
    return sendPage(c, <RestoreManyDonePage done={result} frame={d.frame} />);
  })
  .get("/problems", async (c) => {
    const level = oneOf(c.req.query("level"), PROBLEM_LEVELS, "invalid_level", "级别");
    const page = pageNumber(c.req.query("page"));
    const group = c.req.query("group") || null;
    if (group !== null && !isGroupId(group)) {
      throw new HttpError(
        400,
        "invalid_group",
        `问题类别“${group.slice(0, 20)}”无法识别：请从“问题概要”中点选`,
      );
    }
    const d = await loadFrame(c);
    const waitedFrom = new Date(Date.now() - WAITING_MINUTES * 60_000).toISOString();
    const [stored, waiting, wjqq] = await Promise.all([
      d.deps.meta.getLarge(META_SYNC_PROBLEMS),
      d.deps.inbox.waiting(waitedFrom, WAITING_LISTED),
      d.deps.meta.getMany(WJQQ_REFUSED_KEYS),
    ]);
    const all = stored ? (JSON.parse(stored) as Problem[]) : [];
    const problems = all.filter((p) => level === null || p.level === level);
    const restored = c.req.query("restored");
    const notice = restored
      ? {
          id: restored,
          row: Number(c.req.query("row")) || null,
          unwritten: c.req.query("unwritten") === "1" ? await unwrittenOf(d.deps.snapshots, restored) : null,
        }
      : null;
    const confirmed = c.req.query("removalConfirmed") ?? null;
    const discarded = c.req.query("discarded") ?? null;
    return sendPage(
      c,
      <ProblemsPage
        problems={problems}
        total={all.length}
        level={level}
        page={page}
        group={group}
        restored={notice}
        removalConfirmed={confirmed}
        discarded={discarded}
        waiting={waiting}
        wjqqRefused={wjqqRefusals(wjqq)}
        frame={d.frame}
      />,
    );
  })
  .get("/notices", async (c) => {
    const status = oneOf(c.req.query("status"), NOTICE_STATES, "invalid_status", "通知状态");
    const number = (name: string) =>
      /^\d{1,9}$/.test(c.req.query(name) ?? "") ? Number(c.req.query(name)) : null;
    const retried = number("retried");
    const via = number("via");
    const unchanged = c.req.query("unchanged") === "1";
    const page = pageNumber(c.req.query("page"));
    const text = (c.req.query("q") ?? "").trim().slice(0, 50);
    const d = await loadFrame(c);
    const filter = { status: status ?? undefined, text: text || undefined };
    const pageAt = (p: number) =>
      d.deps.outboxView.list({ ...filter, limit: NOTICES_PAGE_SIZE, offset: (p - 1) * NOTICES_PAGE_SIZE });
    // The total of a 状态 or of all is in the KPIs' counts already: only a search counts its own.
    const [listed, { byStatus: counts, reachedElsewhere }, searched, unsent] = await Promise.all([
      pageAt(page),
      d.deps.outboxView.counts(),
      text ? d.deps.outboxView.count(filter) : null,
      unsentNotices(d.deps),
    ]);
    const total =
      searched ?? (status ? (counts[status] ?? 0) : Object.values(counts).reduce((a, n) => a + n, 0));
    const pages = pagesOf(total, NOTICES_PAGE_SIZE);
    // A page past the end (the list got shorter since the link was made) shows the last one.
    const shown = Math.min(page, pages);
    const notices = shown === page ? listed : await pageAt(shown);
    // A retried notice older than the page lists is read by id (this path only), so the answer names
    // it as the list would; never from the address, which anyone could write a message into.
    const unlisted = [retried, via].filter(
      (id): id is number => id !== null && !notices.some((n) => n.id === id),
    );
    const older = unlisted.length > 0 ? await d.deps.outboxView.byIds(unlisted) : [];
    return sendPage(
      c,
      <NoticesPage
        notices={notices}
        counts={counts}
        reachedElsewhere={reachedElsewhere}
        unsent={unsent}
        status={status}
        text={text}
        paging={{ page: shown, pages, total }}
        retried={retried === null ? null : { id: retried, via, unchanged, older }}
        frame={d.frame}
      />,
    );
  })
  // The page's 重试 button: the notices job's own retry (as POST /api/notices/:id/retry), then back to the list.
  .post("/notices/:id/retry", async (c) => {
    const raw = c.req.param("id");
    if (!/^\d{1,9}$/.test(raw))
      throw new HttpError(400, "invalid_notice_id", `通知编号须为数字，收到“${raw}”`);
    const result = await retryNotice(createDeps(c.env), Number(raw), Date.now());
    if (!result.ok) throw new HttpError(result.code === "not_found" ? 404 : 409, result.code, result.message);
    // Which notice went, and whether to its old address (the page says what that means).
    const how =
      result.notice.id !== Number(raw)
        ? `&via=${result.notice.id}`
        : result.sameAddress
          ? "&unchanged=1"
          : "";
    return c.redirect(`/notices?retried=${raw}${how}`, 303);
  });
