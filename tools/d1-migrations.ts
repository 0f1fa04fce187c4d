/**
 * Applies migrations/ to a D1 database from Node (Miniflare's getD1Database) the way `wrangler d1
 * migrations apply` does: each file not yet recorded runs with its record in `d1_migrations`, in one
 * batch, so the Worker's readiness check (src/store/migrations.ts) sees exactly what was applied.
 * For the local stacks of the end-to-end test and the benchmarks; deployments use wrangler.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./local-paths";

/** The slice of D1's API this needs (Miniflare's D1Database has it). */
export interface D1Like {
  prepare(sql: string): { bind(...values: unknown[]): unknown; all(): Promise<{ results: unknown[] }> };
  batch(statements: unknown[]): Promise<unknown>;
}

const TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/** A migration file's statements (D1 runs one statement per prepare; the files hold no "--" in strings). */
function statementsOf(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(/--.*$/, ""))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies every migration the database has not recorded yet; returns the names applied now. */
export async function applyMigrations(
  db: D1Like,
  dir = path.join(PROJECT_ROOT, "migrations"),
): Promise<string[]> {
  await db.batch([db.prepare(TABLE)]);
  const { results } = await db.prepare("SELECT name FROM d1_migrations").all();
  const applied = new Set((results as { name: string }[]).map((r) => r.name));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .filter((f) => !applied.has(f));
  for (const file of files) {
    const statements = statementsOf(path.join(dir, file)).map((sql) => db.prepare(sql));
    await db.batch([...statements, db.prepare("INSERT INTO d1_migrations (name) VALUES (?1)").bind(file)]);
  }
  return files;
}
