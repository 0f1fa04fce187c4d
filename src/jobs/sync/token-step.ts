import type { AccessTokenSource } from "../../sheets/token";
import { emptyResult, type SyncDeps, type SyncResult, type SyncStep, startSync } from "./run-sync";

/**
 * The job step that mints Google's access token in an invocation of its own. Minting signs a JWT
 * with the service account's RSA key: about 3.5 ms of CPU in a fresh isolate (token-vault.ts), which
 * on top of a sync's plan or a chunk takes it past the Workers Free plan's 10 ms. The sync's cron
 * tick asks for it ahead (RENEW_AHEAD_MS), so the steps that call Google find a token kept; with
 * `sync` (no token kept at all: an office's first sync, or the cron stopped for an hour) the tick
 * leaves its sync to this step, which starts it in a step after its own.
 */
export interface TokenStep {
  readonly job: "token";
  /** The trigger of the sync to start once the token is minted. */
  readonly sync?: string;
}

/** The sync a token step left to start (startSync, its own invocation). */
export interface SyncStartStep {
  readonly job: "start-sync";
  readonly trigger: string;
}

export const isTokenStep = (body: unknown): body is TokenStep =>
  typeof body === "object" && body !== null && (body as { job?: unknown }).job === "token";

export const isSyncStartStep = (body: unknown): body is SyncStartStep =>
  typeof body === "object" && body !== null && (body as { job?: unknown }).job === "start-sync";

type TickDeps = SyncDeps & {
  sheetsAuth: AccessTokenSource;
  jobsQueue: Queue<SyncStep | TokenStep | SyncStartStep>;
};

/**
 * The sync's cron tick: the run starts here while a token is kept (asking for a new one ahead when
 * it is due within RENEW_AHEAD_MS); with none kept, the token step mints one and starts the run.
 */
export async function syncTick(deps: TickDeps, trigger: string, nowMs: number): Promise<SyncResult> {
  const outlook = await deps.sheetsAuth.outlook();
  if (outlook === "none") {
    await deps.jobsQueue.send({ job: "token", sync: trigger });
    // No run yet (runId 0): the token step's start-sync makes one.
    return { ...emptyResult(0), outcome: "started", message: "正在取得 Google 表格的访问授权，同步随后开始" };
  }
  if (outlook === "renew") await deps.jobsQueue.send({ job: "token" });
  return startSync(deps, trigger, nowMs);
}

/**
 * Mints the token (unless another delivery or isolate did), then queues the sync it was left. A
 * failure to mint is not retried here: the sync then meets it itself, where it is told as every
 * failed sync is (/healthz, the dashboard's banner: a key refused, the sheet not shared); a renewal
 * ahead that failed is asked for again by the next tick, while the kept token still serves.
 */
export async function runTokenStep(
  deps: Pick<TickDeps, "sheetsAuth" | "jobsQueue">,
  step: TokenStep,
): Promise<{ minted: boolean; error?: string }> {
  let outcome: { minted: boolean; error?: string };
  try {
    outcome = { minted: await deps.sheetsAuth.renew() };
  } catch (e) {
    outcome = { minted: false, error: e instanceof Error ? e.message : String(e) };
  }
  if (step.sync !== undefined) await deps.jobsQueue.send({ job: "start-sync", trigger: step.sync });
  return outcome;
}
