import { type QuotaKind, quotaExceeded } from "./errors";

const WINDOW_MS = 60_000;

export interface QuotaLimits {
  readsPerMinute: number;
  writesPerMinute: number;
  /**
   * Length of the "minute" in milliseconds (Google: 60,000). Tests shorten it so that backing off
   * through a real quota exhaustion takes milliseconds instead of a minute.
   */
  windowMs?: number;
}

/**
 * Per-user read and write counters over a sliding one-minute window (Google: 60 reads and 60 writes
 * per minute per user; a batch counts as one request). A refused request does not count.
 */
export class QuotaTracker {
  private readonly hits = new Map<string, number[]>();

  constructor(
    public limits: QuotaLimits,
    private readonly projectNumber: string,
  ) {}

  /** Counts the request, or throws Google's 429 if the user's window is full. */
  consume(user: string, kind: QuotaKind, nowMs: number): void {
    const key = `${kind}:${user}`;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - (this.limits.windowMs ?? WINDOW_MS));
    const limit = kind === "read" ? this.limits.readsPerMinute : this.limits.writesPerMinute;
    if (recent.length >= limit) {
      this.hits.set(key, recent);
      throw quotaExceeded(kind, limit, this.projectNumber);
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
  }

  exceeded(kind: QuotaKind): ReturnType<typeof quotaExceeded> {
    return quotaExceeded(
      kind,
      kind === "read" ? this.limits.readsPerMinute : this.limits.writesPerMinute,
      this.projectNumber,
    );
  }

  setLimits(limits: Partial<QuotaLimits>): void {
    this.limits = { ...this.limits, ...limits };
    this.reset();
  }

  reset(): void {
    this.hits.clear();
  }
}
