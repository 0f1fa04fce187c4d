import { SheetsError } from "./errors";

export interface RetryPolicy {
  /** Give up once this much time has been spent waiting. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/** Google's published algorithm: min(2^n s + random ms, maximum backoff); a Worker can't wait 64 s though. */
export const DEFAULT_RETRY: RetryPolicy = {
  budgetMs: 25_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxAttempts: 8,
};

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (attempt: number, delayMs: number, error: SheetsError) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with equal jitter (half fixed, half random) on retryable SheetsErrors, inside a time budget. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
  mayRetry: (error: SheetsError) => boolean = (error) => error.retryable,
): Promise<T> {
  const sleep = hooks.sleep ?? defaultSleep;
  const random = hooks.random ?? Math.random;
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof SheetsError) || !mayRetry(error) || attempt >= policy.maxAttempts) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.round(ceiling / 2 + random() * (ceiling / 2));
      if (waitedMs + delayMs > policy.budgetMs) throw error;
      hooks.onRetry?.(attempt, delayMs, error);
      waitedMs += delayMs;
      await sleep(delayMs);
    }
  }
}
