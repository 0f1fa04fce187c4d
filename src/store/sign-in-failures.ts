/** Guesses are counted in windows of one minute. */
export const SIGN_IN_WINDOW_S = 60;

/** A client's current window: when it began (Unix seconds) and how many wrong guesses it holds. */
export interface SignInLimitState {
  windowStart: number;
  failures: number;
}

/** Wrong admin-token guesses per client, kept in D1 so every isolate sees the same count. */
export interface SignInFailures {
  /**
   * Records one admin-token attempt in the client's current window (a window that has run out
   * starts over) and returns the window with it: `wrong` adds one failure, a right token adds none.
   */
  attempt(client: string, nowS: number, wrong: boolean): Promise<SignInLimitState>;
}

export function createSignInFailures(db: D1Database): SignInFailures {
  return {
    async attempt(client, nowS, wrong) {
      // One statement for right and wrong tokens alike (same cost, so timing tells nothing), and
      // atomic, so parallel guesses from any number of isolates are all counted in order. SET
      // expressions read the row as it was before the update.
      const [, counted] = await db.batch<SignInLimitState>([
        db.prepare("DELETE FROM sign_in_failures WHERE window_start < ?1").bind(nowS - 3600),
        db
          .prepare(
            `INSERT INTO sign_in_failures (client, window_start, failures) VALUES (?1, ?2, ?4)
             ON CONFLICT (client) DO UPDATE SET
               failures = CASE WHEN window_start <= ?2 - ?3 THEN ?4 ELSE failures + ?4 END,
               window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END
             RETURNING window_start AS windowStart, failures`,
          )
          .bind(client, nowS, SIGN_IN_WINDOW_S, wrong ? 1 : 0),
      ]);
      return counted?.results[0] ?? { windowStart: nowS, failures: wrong ? 1 : 0 };
    },
  };
}
