/**
 * Benchmarks only (env D1_METER = "1", never set in wrangler.toml): counts the rows D1 reports
 * read and written, as Cloudflare bills them, so the bench can state a day's use against the
 * Free plan's daily limits. GET /__d1-meter returns the counts since the last call and resets them.
 */
const counts = { rowsRead: 0, rowsWritten: 0, queries: 0, roundTrips: 0 };

function add(meta: { rows_read?: number; rows_written?: number } | undefined, trip = true): void {
  counts.queries += 1;
  if (trip) counts.roundTrips += 1;
  counts.rowsRead += meta?.rows_read ?? 0;
  counts.rowsWritten += meta?.rows_written ?? 0;
}

export function takeD1Counts(): typeof counts {
  const taken = { ...counts };
  counts.rowsRead = 0;
  counts.rowsWritten = 0;
  counts.queries = 0;
  counts.roundTrips = 0;
  return taken;
}

/**
 * A statement that counts what D1 reports. A class, not an object of closures per statement: a
 * chunk binds a thousand statements, and the meter must not add measurable CPU to what it measures.
 */
class MeteredStatement {
  constructor(readonly real: D1PreparedStatement) {}
  bind(...values: unknown[]): MeteredStatement {
    return new MeteredStatement(this.real.bind(...values));
  }
  async first(column?: string): Promise<unknown> {
    const result = await this.real.all();
    add(result.meta);
    const row = result.results[0] as Record<string, unknown> | undefined;
    return row === undefined ? null : column ? row[column] : row;
  }
  async run(): Promise<D1Result> {
    const result = await this.real.run();
    add(result.meta);
    return result;
  }
  async all(): Promise<D1Result> {
    const result = await this.real.all();
    add(result.meta);
    return result;
  }
  raw(options?: { columnNames?: boolean }): Promise<unknown[]> {
    counts.queries += 1;
    counts.roundTrips += 1;
    return this.real.raw(options as { columnNames: true });
  }
}

const realOf = (s: D1PreparedStatement) => (s instanceof MeteredStatement ? s.real : s);

const proxies = new WeakMap<D1Database, D1Database>();

/** The counted D1 (one per binding object, so per-database caches keyed by it keep working). */
export function meterD1(db: D1Database): D1Database {
  const known = proxies.get(db);
  if (known) return known;
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === "prepare")
        return (sql: string) => new MeteredStatement(target.prepare(sql)) as unknown as D1PreparedStatement;
      if (property === "batch")
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements.map(realOf));
          counts.roundTrips += 1;
          for (const r of results) add(r.meta, false);
          return results;
        };
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  proxies.set(db, proxy);
  return proxy;
}
