/** Hands out 编号 sequence numbers per year; a number once handed out is never handed out again. */
export interface IdAllocator {
  /**
   * Reserves `count` consecutive numbers for `year`, all above `floor` (the highest number of
   * that year already in the sheet), and returns them in order.
   */
  allocate(year: number, count: number, floor: number): Promise<number[]>;
  /**
   * Makes sure later numbers of each year come after its floor (numbers staff typed into the
   * sheet): one D1 round trip for all the years.
   */
  raiseFloors(floors: ReadonlyMap<number, number>): Promise<void>;
  /**
   * Takes back the last numbers of `year` handed out (`from` … `to`) when none was written and no
   * later one was handed out meanwhile, so a row the sync could not number does not leave a gap in
   * the year's 编号. Says whether they were taken back.
   */
  giveBack(year: number, from: number, to: number): Promise<boolean>;
}

export function createIdAllocator(db: D1Database): IdAllocator {
  return {
    async allocate(year, count, floor) {
      if (count <= 0) return [];
      // Single upsert: atomic across concurrent intake and sync.
      const row = await db
        .prepare(
          `INSERT INTO id_sequences (year, last_seq) VALUES (?1, ?2 + ?3)
           ON CONFLICT (year) DO UPDATE SET last_seq = max(id_sequences.last_seq, ?2) + ?3
           RETURNING last_seq`,
        )
        .bind(year, floor, count)
        .first<{ last_seq: number }>();
      if (!row) throw new Error("id allocation returned nothing");
      const first = row.last_seq - count + 1;
      return Array.from({ length: count }, (_, i) => first + i);
    },
    async raiseFloors(floors) {
      if (floors.size === 0) return;
      const raise = db.prepare(
        `INSERT INTO id_sequences (year, last_seq) VALUES (?1, ?2)
         ON CONFLICT (year) DO UPDATE SET last_seq = max(id_sequences.last_seq, ?2)`,
      );
      await db.batch([...floors].map(([year, floor]) => raise.bind(year, floor)));
    },
    async giveBack(year, from, to) {
      // Conditional on the sequence still ending at `to`: a number handed out since (intake, a
      // chunk of another run) keeps every number before it handed out, gaps included.
      const result = await db
        .prepare("UPDATE id_sequences SET last_seq = ?2 - 1 WHERE year = ?1 AND last_seq = ?3")
        .bind(year, from, to)
        .run();
      return result.meta.changes > 0;
    },
  };
}
