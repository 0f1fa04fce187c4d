import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { spacedDue } from "../../src/domain/notices/spacing";
import { resetDatabase } from "../support/sync-helpers";

/** Migration 0025 run again on rows an older build wrote (the test database has every migration applied). */
async function upgrade() {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0025_"));
  if (!migration) throw new Error("migration 0025 not found");
  for (const query of migration.queries) await env.DB.prepare(query).run();
}

/** An outbox row as a build of before 12-06 wrote it: its key's occurrence without the day. */
async function oldRow(key: string, due: string, plannedAt: string) {
  const [type, id, round, occurrence, recipient, channel] = key.split("|");
  await env.DB.prepare(
    `INSERT INTO notices (idempotency_key, type, suggestion_id, round, occurrence, recipient, channel, address,
       title, body, due_on, planned_at, status, sent_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'x@example.gov.cn', 't', 'b', ?8, ?9, '已发送', ?9)`,
  )
    .bind(key, type, id, Number(round?.slice(1)), occurrence, recipient, channel, due, plannedAt)
    .run();
}

const keys = async () =>
  (
    await env.DB.prepare("SELECT idempotency_key AS key, occurrence FROM notices ORDER BY id").all<{
      key: string;
      occurrence: string;
    }>()
  ).results;

beforeEach(resetDatabase);

describe("upgrading over an outbox of before the day was in every reminder's key", () => {
  it("gives an old 到期提醒 the day it fell due and an old 逾期催办 the day it went out (Beijing time)", async () => {
    // d15 of 办理期限 2026-12-22, due 12-07; n2 due on its grid day 12-04, caught up on 12-07 at 09:00.
    await oldRow("到期提醒|2026-003|r2|d15|区发改委|email", "2026-12-07", "2026-12-07T01:00:00.000Z");
    await oldRow("逾期催办|2026-127|r1|n2|区住建局|email", "2026-12-04", "2026-12-06T17:30:00.000Z");
    await oldRow("交办通知|2026-127|r1|2026-09-01|区住建局|email", "2026-09-01", "2026-09-01T01:00:00.000Z");

    await upgrade();

    expect(await keys()).toEqual([
      { key: "到期提醒|2026-003|r2|d15@2026-12-07|区发改委|email", occurrence: "d15@2026-12-07" },
      { key: "逾期催办|2026-127|r1|n2@2026-12-07|区住建局|email", occurrence: "n2@2026-12-07" },
      { key: "交办通知|2026-127|r1|2026-09-01|区住建局|email", occurrence: "2026-09-01" },
    ]);
  });

  it("spaces the next 逾期催办 from the day the old build's catch-up went out, not its grid day", async () => {
    await oldRow("逾期催办|2026-127|r1|n2|区住建局|email", "2026-12-04", "2026-12-07T01:00:00.000Z");
    await upgrade();
    const [row] = await keys();
    // Overdue since 11-27, pressed every 7 days: n2's grid day is 12-04; it went out 12-07.
    const spacing = { first: "2026-11-27", intervalDays: 7 };

    expect(spacedDue(spacing, "2026-12-11", [row?.occurrence ?? ""], [])?.occurrence).toBe("n2@2026-12-07");
    expect(spacedDue(spacing, "2026-12-14", [row?.occurrence ?? ""], [])?.occurrence).toBe("n3@2026-12-14");
  });

  it("leaves a key bare where the row with its day is there already, and runs twice harmlessly", async () => {
    await oldRow("到期提醒|2026-003|r2|d15|区发改委|email", "2026-12-07", "2026-12-07T01:00:00.000Z");
    await oldRow(
      "到期提醒|2026-003|r2|d15@2026-12-07|区发改委|email",
      "2026-12-07",
      "2026-12-07T01:00:00.000Z",
    );

    await upgrade();
    await upgrade();

    expect((await keys()).map((r) => r.key)).toEqual([
      "到期提醒|2026-003|r2|d15|区发改委|email",
      "到期提醒|2026-003|r2|d15@2026-12-07|区发改委|email",
    ]);
  });
});
