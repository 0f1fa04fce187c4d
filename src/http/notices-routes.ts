import { Hono } from "hono";
import * as z from "zod";
import { NOTICE_STATES, NOTICE_TYPES } from "../../sheets-schema/enums";
import type { AppEnv } from "../app";
import { maskSecret } from "../channels/robot-address";
import { createDeps } from "../deps";
import { noticeRecipientProblems } from "../domain/notices/recipient-problems";
import { loadLedgerView } from "../jobs/ledger-view";
import { officeClock } from "../jobs/notices/office-clock";
import { retryNotice } from "../jobs/notices/retry-notice";
import { runDailyNotices, unsentNotices } from "../jobs/notices/run-daily";
import type { StoredNotice } from "../store/outbox";
import { HttpError } from "./errors";

const listQuery = z.object({
  status: z.enum(NOTICE_STATES).optional(),
  type: z.enum(NOTICE_TYPES).optional(),
  unit: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const idParam = z.coerce.number().int().positive();

function parsed<T>(result: z.ZodSafeParseResult<T>, what: string): T {
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
  throw new HttpError(400, "invalid_request", `${what}不正确`, details);
}

/** A time with its zone: Date.parse reads one without it as UTC, a day's notices eight hours off. */
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * The instant of `?now=`. An address's `+` reaches the Worker as a space (`T20:00:00 08:00`): it is
 * read as the `+` it was. A time without its zone is refused rather than read as UTC, which runs the
 * next local day's notices from 16:00 Beijing time on.
 */
function nowOfQuery(now: string | undefined): number {
  if (now === undefined) return Date.now();
  const text = now.trim().replace(/ (\d{2}:\d{2})$/, "+$1");
  if (!ZONED_TIME.test(text)) {
    const zoneless = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+)?$/.test(text);
    throw new HttpError(
      400,
      "invalid_request",
      zoneless
        ? "now 须带时区，如 2026-12-14T20:00:00%2B08:00（地址中的 + 要写成 %2B）"
        : "now 应为带时区的 ISO 时间，如 2026-12-14T20:00:00%2B08:00（地址中的 + 要写成 %2B）",
    );
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw new HttpError(400, "invalid_request", `now 不是有效的时间：${now}，如 2026-12-14T20:00:00%2B08:00`);
  return ms;
}

/**
 * What staff see of a notice: a robot's key, token and `#` secret never leave the Worker, neither in
 * its address nor in its recipient and idempotency key (a 周报接收人 is named by its address).
 */
function publicNotice(notice: StoredNotice) {
  const { address, recipient, key, ...rest } = notice;
  const shown = maskSecret(recipient);
  return { ...rest, key: key.replace(recipient, shown), recipient: shown, address: maskSecret(address) };
}

/** Staff routes of the notices: the outbox, one notice with its attempts, retry, recipient problems. */
export const noticesRoutes = new Hono<AppEnv>()
  .get("/notices", async (c) => {
    const query = parsed(listQuery.safeParse(c.req.query()), "查询条件");
    const deps = createDeps(c.env);
    // What the latest daily run could not send (no usable channel) is in no outbox row: listed beside.
    const [notices, unreachable] = await Promise.all([deps.noticeOutbox.list(query), unsentNotices(deps)]);
    return c.json({ notices: notices.map(publicNotice), unreachable });
  })
  .get("/notices/problems", async (c) => {
    const deps = createDeps(c.env);
    const { today } = await officeClock(deps.tabCache, Date.now());
    const { evaluation } = await loadLedgerView(deps, today);
    return c.json({ problems: noticeRecipientProblems(evaluation) });
  })
  .get("/notices/:id", async (c) => {
    const id = parsed(idParam.safeParse(c.req.param("id")), "通知编号");
    const deps = createDeps(c.env);
    const notice = await deps.noticeOutbox.get(id);
    if (!notice) throw new HttpError(404, "not_found", `没有编号为 ${id} 的通知`);
    return c.json({ notice: publicNotice(notice), attempts: await deps.noticeOutbox.attempts(id) });
  })
  .post("/notices/:id/retry", async (c) => {
    const id = parsed(idParam.safeParse(c.req.param("id")), "通知编号");
    const result = await retryNotice(createDeps(c.env), id, Date.now());
    if (!result.ok) throw new HttpError(result.code === "not_found" ? 404 : 409, result.code, result.message);
    return c.json(
      { notice: publicNotice(result.notice), sameAddress: result.sameAddress, message: result.message },
      202,
    );
  })
  .post("/notices/run", async (c) => {
    const deps = createDeps(c.env);
    // Development and tests only: jump to any instant to demo or test a day's notices.
    if (deps.config.environment === "production") throw new HttpError(404, "not_found", "没有这个地址");
    const nowMs = nowOfQuery(c.req.query("now"));
    // The links those notices carry are signed now, whatever day is played: they must open today.
    const result = await runDailyNotices(deps, nowMs, { force: true, linksIssuedAtMs: Date.now() });
    if (result.outcome === "failed")
      throw new HttpError(503, "notices_failed", `通知任务失败：${result.message}`);
    return c.json(result, result.outcome === "skipped" ? 409 : 200);
  });
