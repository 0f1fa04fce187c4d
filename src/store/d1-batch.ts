/** D1 caps the statements of one batch; big syncs write their snapshots in chunks of this size. */
const BATCH_SIZE = 400;

export async function runInChunks(db: D1Database, statements: D1PreparedStatement[]): Promise<void> {
  for (let i = 0; i < statements.length; i += BATCH_SIZE) {
    await db.batch(statements.slice(i, i + BATCH_SIZE));
  }
}
