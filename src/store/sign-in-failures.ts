/** Guesses are counted in windows of one minute. */
export const SIGN_IN_WINDOW_S = 60;

/** A client's current window: when it began (Unix seconds) and how many wrong guesses it holds. */
export interface SignInLimitState {
  windowStart: number;
  failures: number;
}

/** Wrong admin-token guesses per client, kept in D1 so every isolate sees the same count. */
export interface SignInFailures {
  get(client: string): Promise<SignInLimitState | null>;
  /** Counts one more wrong guess in the client's current window; returns the window as it is now. */
  record(client: string, nowS: number): Promise<SignInLimitState>;
}

export function createSignInFailures(db: D1Database): SignInFailures {
  return {
    async get(client) {
      return db
        .prepare("SELECT window_start AS windowStart, failures FROM sign_in_failures WHERE client = ?1")
        .bind(client)
        .first<SignInLimitState>();
    },
    async record(client, nowS) {
      // One statement, so parallel guesses from many isolates all count; a window that has run out
      // starts over at 1. SET expressions read the row as it was before the update.
      const [, counted] = await db.batch<SignInLimitState>([
        db.prepare("DELETE FROM sign_in_failures WHERE window_start < ?1").bind(nowS - 3600),
        db
          .prepare(
            `INSERT INTO sign_in_failures (client, window_start, failures) VALUES (?1, ?2, 1)
             ON CONFLICT (client) DO UPDATE SET
               failures = CASE WHEN window_start <= ?2 - ?3 THEN 1 ELSE failures + 1 END,
               window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END
             RETURNING window_start AS windowStart, failures`,
          )
          .bind(client, nowS, SIGN_IN_WINDOW_S),
      ]);
      return counted?.results[0] ?? { windowStart: nowS, failures: 1 };
    },
  };
}
