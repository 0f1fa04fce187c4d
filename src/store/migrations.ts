/**
 * Every file of migrations/, in order: what a Worker of this build needs in D1. `wrangler d1
 * migrations apply` (and vitest-pool-workers' applyD1Migrations) record each applied file by this
 * name in the `d1_migrations` table. test/node/migration-names.test.ts keeps the list equal to the
 * folder, so a new migration cannot be forgotten here.
 */
export const MIGRATION_NAMES: readonly string[] = [
  "0001_init.sql",
  "0002_sync.sql",
  "0003_intake.sql",
  "0004_tab_cache.sql",
  "0005_notices.sql",
  "0006_notice_delivery.sql",
  "0007_samples.sql",
  "0008_sessions.sql",
  "0009_identity.sql",
  "0010_summary.sql",
  "0011_sync_steps.sql",
  "0012_chunk_inputs.sql",
  "0013_personal_links.sql",
  "0014_link_actions.sql",
  "0015_part_row_index.sql",
  "0016_sync_context_rev.sql",
  "0017_part_figures.sql",
  "0018_part_refs.sql",
  "0019_tab_rows.sql",
  "0020_present_snapshots.sql",
  "0021_part_shares.sql",
  "0022_part_versions.sql",
  "0023_confirmed_removals.sql",
  "0024_inbox_repeat_key.sql",
  "0025_notice_keys_with_day.sql",
  "0026_part_csv_ends.sql",
  "0027_robot_pacing.sql",
  "0028_link_secret_fingerprint.sql",
  "0029_summary_pieces.sql",
  "0030_tab_pieces.sql",
  "0031_notices_by_recipient.sql",
  "0032_sample_discard_and_actors.sql",
  "0033_sample_reply_range.sql",
];

/** The table wrangler keeps applied migrations in (wrangler.toml sets no `migrations_table`). */
export const MIGRATIONS_TABLE = "d1_migrations";

/** The migrations of this build that D1 has not recorded as applied, in order. */
export async function missingMigrations(db: D1Database): Promise<string[]> {
  let applied: Set<string>;
  try {
    const { results } = await db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all<{ name: string }>();
    applied = new Set(results.map((r) => r.name));
  } catch (error) {
    // No table yet: nothing was ever applied to this database.
    if (/no such table/i.test(String(error))) return [...MIGRATION_NAMES];
    throw error;
  }
  return MIGRATION_NAMES.filter((name) => !applied.has(name));
}
