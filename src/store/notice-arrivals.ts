import type { FormArrival } from "../domain/notices/receipt-series";

/** Suggestions that arrived through the form (the intake inbox), for 受理回执. */
export interface NoticeArrivals {
  /**
   * Form suggestions received at or after `sinceIso` (only those with these 编号, when given; the
   * others' answers are not parsed); `localDate` turns an instant into the office's date.
   */
  since(
    sinceIso: string,
    localDate: (iso: string) => string,
    ids?: readonly string[],
  ): Promise<FormArrival[]>;
}

export function createNoticeArrivals(db: D1Database): NoticeArrivals {
  return {
    async since(sinceIso, localDate, ids) {
      const { results } = await db
        .prepare(
          `SELECT suggestion_id, received_at, answers FROM inbox
           WHERE form = 'suggestion' AND received_at >= ?1 ORDER BY received_at`,
        )
        .bind(sinceIso)
        .all<{ suggestion_id: string; received_at: string; answers: string }>();
      // Picked here, not by D1: a json_each of the 编号 would count each of them as a D1 row read.
      const wanted = ids ? new Set(ids) : null;
      const picked = wanted ? results.filter((r) => wanted.has(r.suggestion_id)) : results;
      return picked.map((r) => ({
        suggestionId: r.suggestion_id,
        receivedOn: localDate(r.received_at),
        cells: JSON.parse(r.answers) as Record<string, unknown>,
      }));
    },
  };
}
