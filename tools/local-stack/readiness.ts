const POLL_MS = 300;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface HealthAnswer {
  readonly status: number;
  /** The body's `message` when it is JSON with one (the Worker says what is missing), else the text. */
  readonly message: string;
}

async function askHealth(workerUrl: string): Promise<HealthAnswer | null> {
  try {
    const response = await fetch(`${workerUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    let message = text.slice(0, 500);
    try {
      const body = JSON.parse(text) as { message?: unknown; sheet?: { error?: unknown } };
      if (typeof body.message === "string") message = body.message;
      else if (typeof body.sheet?.error === "string") message = body.sheet.error;
    } catch {
      // Not JSON: the text is shown as it is.
    }
    return { status: response.status, message };
  } catch {
    return null;
  }
}

/**
 * Polls GET /healthz until `done(answer)` or the time runs out; `stopped()` ends the wait early
 * when the stack is going down. Returns the last answer (null: the Worker never answered).
 */
async function pollHealth(
  workerUrl: string,
  timeoutMs: number,
  done: (answer: HealthAnswer) => boolean,
  stopped: () => boolean,
): Promise<HealthAnswer | null> {
  const deadline = Date.now() + timeoutMs;
  let last: HealthAnswer | null = null;
  while (Date.now() < deadline && !stopped()) {
    last = (await askHealth(workerUrl)) ?? last;
    if (last && done(last)) return last;
    await sleep(POLL_MS);
  }
  if (stopped()) throw new Error("已停止 (stopped)");
  return last;
}

/** Waits until the Worker answers /healthz at all (wrangler dev has booted). */
export async function waitForWorker(
  workerUrl: string,
  timeoutMs: number,
  stopped: () => boolean,
): Promise<void> {
  const answer = await pollHealth(workerUrl, timeoutMs, () => true, stopped);
  if (!answer) {
    throw new Error(
      `Worker 在 ${Math.round(timeoutMs / 1000)} 秒内没有应答 ${workerUrl}/healthz：请查看上面 wrangler 的输出 ` +
        "(the Worker did not answer; see wrangler's output above)",
    );
  }
}

/**
 * Waits until /healthz answers 200. Called once migrations and the demo sheet are in place, so a
 * 503 that lasts is a real problem (the Worker's message says which) rather than a slow start.
 */
export async function waitForHealthy(
  workerUrl: string,
  timeoutMs: number,
  stopped: () => boolean,
): Promise<void> {
  const answer = await pollHealth(workerUrl, timeoutMs, (a) => a.status === 200, stopped);
  if (answer?.status === 200) return;
  const why = answer ? `HTTP ${answer.status}：${answer.message}` : "没有应答 (no answer)";
  throw new Error(`Worker 没有就绪 (not ready)，${workerUrl}/healthz 答复 ${why}`);
}

export interface FirstSync {
  readonly rows: number;
  readonly cellsWritten: number;
  readonly problems: number;
}

/** How long the first sync waits for a sync already running in this Worker (the demo syncs in seconds). */
const BUSY_WAIT_MS = 60_000;

export interface FirstSyncOptions {
  /** Why the lease is still taken and when it frees (asked only when the wait runs out). */
  busyAdvice(): Promise<string>;
  busyWaitMs?: number;
}

interface RunAnswer {
  readonly id?: number;
  readonly rows?: number;
  readonly cellsWritten?: number;
  readonly problems?: number;
  readonly error?: { message?: string };
}

/** The id of the last run that ended (not skipped), by GET /api/sync/last; null before the first. */
async function lastEndedRun(workerUrl: string, adminToken: string): Promise<number | null> {
  try {
    const response = await fetch(`${workerUrl}/api/sync/last`, {
      headers: { authorization: `Bearer ${adminToken}` },
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) return null;
    return ((await response.json()) as RunAnswer).id ?? null;
  } catch {
    return null;
  }
}

/**
 * One sync right away, so the dashboard has data at once; a failed sync is an error that says why.
 * npm start has freed the leases of a dead run before its Worker started (stale-leases.ts), so a
 * 409 means a sync someone started in this Worker meanwhile: it is waited for by reading the run
 * log, not by asking again (each refused ask is logged as a skipped run).
 */
export async function runFirstSync(
  workerUrl: string,
  adminToken: string,
  options: FirstSyncOptions,
): Promise<FirstSync> {
  const deadline = Date.now() + (options.busyWaitMs ?? BUSY_WAIT_MS);
  let lastEnded = await lastEndedRun(workerUrl, adminToken);
  for (;;) {
    const response = await fetch(`${workerUrl}/api/sync?wait=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const text = await response.text();
    if (response.status === 409) {
      const ended = await waitForRunToEnd(workerUrl, adminToken, lastEnded, deadline);
      if (ended === lastEnded) {
        throw new Error(
          `启动同步一直被另一次同步占用 (start-up sync: another sync kept the lease)：${await options.busyAdvice()}`,
        );
      }
      lastEnded = ended;
      continue;
    }
    let body: RunAnswer = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: reported below with the raw text.
    }
    if (!response.ok) {
      const why = body.error?.message ?? text.slice(0, 300);
      throw new Error(`启动同步失败 (start-up sync failed, HTTP ${response.status})：${why}`);
    }
    return { rows: body.rows ?? 0, cellsWritten: body.cellsWritten ?? 0, problems: body.problems ?? 0 };
  }
}

/** Polls the run log until a run newer than `lastEnded` has ended; `lastEnded` again at the deadline. */
async function waitForRunToEnd(
  workerUrl: string,
  adminToken: string,
  lastEnded: number | null,
  deadline: number,
): Promise<number | null> {
  while (Date.now() < deadline) {
    await sleep(1_000);
    const ended = await lastEndedRun(workerUrl, adminToken);
    if (ended !== null && ended !== lastEnded) return ended;
  }
  return lastEnded;
}
