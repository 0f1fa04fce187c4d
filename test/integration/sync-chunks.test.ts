import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { columnLetter } from "../../sheets-schema/header-map";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { LEDGER_EXPORT_HEAD } from "../../src/domain/dashboard/ledger-export";
import type { SummaryRow } from "../../src/domain/summary/summary-row";
import { loadLedgerView } from "../../src/jobs/ledger-view";
import { CHUNK_ROWS } from "../../src/jobs/sync/plan-run";
import { continueSync, runSync, type SyncStep, startSync } from "../../src/jobs/sync/run-sync";
import { emulator } from "../support/emulator-admin";
import {
  buildFixture,
  FIXTURE_NOW_MS,
  FIXTURE_TODAY,
  fixtureSheets,
  SCENARIOS,
} from "../support/ledger-fixture";
import { depsFor, resetDatabase } from "../support/sync-helpers";

const headers = ledgerTab.columns.map((c) => c.header);
const col = (header: string) => headers.indexOf(header);
const ROWS = 2 * CHUNK_ROWS + 100;

/** Deps whose sync queue keeps what it is sent (each message with an id), for the test to deliver. */
function queuedDeps(spreadsheetId: string) {
  const sent: { id: string; body: SyncStep }[] = [];
  const deps = {
    ...depsFor(spreadsheetId),
    jobsQueue: {
      send: async (body: SyncStep) => {
        sent.push({ id: `message-${sent.length}`, body });
      },
    } as unknown as Queue<SyncStep>,
  };
  return { deps, sent };
}

async function seed(id: string) {
  await emulator.deleteSpreadsheet(id).catch(() => undefined);
  await emulator.createSpreadsheet(id, fixtureSheets(buildFixture(ROWS, 6)));
}

/**
 * Delivers the queued steps from `from` on, in order (a run the finish starts too), calling
 * `afterFirstChunk` once the first chunk's step ran (staff editing while the chunks run) and
 * `onResult` with each result that ended a run, as it comes; returns the last such result.
 */
async function deliverAfter(
  deps: ReturnType<typeof queuedDeps>["deps"],
  sent: ReturnType<typeof queuedDeps>["sent"],
  from: number,
  afterFirstChunk?: () => Promise<void>,
  onResult?: (result: NonNullable<Awaited<ReturnType<typeof continueSync>>>) => Promise<void>,
) {
  let end = null;
  let then = afterFirstChunk;
  for (let i = from; i < sent.length; i++) {
    const { id, body } = sent[i] as (typeof sent)[number];
    const result = await continueSync(deps, body, FIXTURE_NOW_MS, id);
    if (result) await onResult?.(result);
    end = result ?? end;
    if (body.step === "chunk" && body.chunk === 0 && then) {
      await then();
      then = undefined;
    }
  }
  return end;
}

/** Deletes sheet row `row` (1-based) of the ledger. */
async function deleteLedgerRow(spreadsheetId: string, row: number) {
  const ss = await emulator.spreadsheet(spreadsheetId);
  const sheetId = ss.sheets.find((t) => t.properties.title === TAB_NAMES.ledger)?.properties.sheetId ?? 0;
  await depsFor(spreadsheetId).sheets.batchUpdate([
    { deleteDimension: { range: { sheetId, dimension: "ROWS", startIndex: row - 1, endIndex: row } } },
  ]);
}

/** The last request the emulator logged: what a test counts from. */
const lastSeq = async () => (await emulator.requests()).at(-1)?.seq ?? 0;

/**
 * A seeded office synced twice (the first run writes the system cells, the second finds nothing to
 * write, so every chunk is steady), with queued deps and the second run's result.
 */
async function steadyOffice(spreadsheetId: string) {
  await seed(spreadsheetId);
  const queued = queuedDeps(spreadsheetId);
  await runSync(queued.deps, "test", FIXTURE_NOW_MS);
  const steady = await runSync(queued.deps, "test", FIXTURE_NOW_MS);
  return { ...queued, steady };
}

const writesSince = async (spreadsheetId: string, seq: number) =>
  (await emulator.requests(seq)).filter((r) => r.kind === "write" && r.spreadsheetId === spreadsheetId)
    .length;

beforeEach(resetDatabase);

describe("a sync run split across queue messages", () => {
  it("syncs every row in chunks and a finish, each step's work done once however often it arrives", async () => {
    await seed("sync-chunks");
    const { deps, sent } = queuedDeps("sync-chunks");

    const started = await startSync(deps, "cron", FIXTURE_NOW_MS);
    expect(started).toMatchObject({ outcome: "started", message: "同步已开始（3 段）" });

    // Every message is delivered twice (a retry of the same message, as after a crash): the retry
    // passes the run on again, and that second copy of the next step finds the step claimed.
    const results = await deliverEachTwice(deps, sent, FIXTURE_NOW_MS);

    const steps = sent.map((s) => (s.body.step === "chunk" ? s.body.chunk : s.body.step));
    const rowReads = (await emulator.requests())
      .filter((r) => r.spreadsheetId === "sync-chunks")
      .flatMap((r) => r.query.ranges ?? [])
      .filter((range) => /^'建议台账'!A\d+:/.test(range));
    // Every column of the ledger, whatever its width (the fixture has the whole schema).
    const last = columnLetter(ledgerTab.columns.length - 1);
    // The first step reads two chunks at once (a quiet sync reuses both); it checked its chunk, so
    // the next steps read one each. A retry reads nothing: its chunk is done.
    expect(rowReads).toEqual([
      `'建议台账'!A2:${last}${CHUNK_ROWS + 1}`,
      `'建议台账'!A${CHUNK_ROWS + 2}:${last}${2 * CHUNK_ROWS + 1}`,
      `'建议台账'!A${CHUNK_ROWS + 2}:${last}${2 * CHUNK_ROWS + 1}`,
      `'建议台账'!A${2 * CHUNK_ROWS + 2}:${last}${ROWS + 1}`,
    ]);
    // After the finish, the overview's figures, the records', the year reports and then the export's
    // whole file, each in a step of its own. None is claimed (each is skipped when already stored),
    // so each second delivery passes the next step on again.
    // Each checked chunk's part is derived in a step of its own (its index, list entries, share of
    // the figures, export lines); a retry of a chunk's step finds the part still lacking them and
    // passes the run on to that step too, which only one of the two messages claims.
    expect(steps).toEqual([
      "practice",
      0,
      0,
      "derive",
      "derive",
      1,
      1,
      "derive",
      "derive",
      2,
      2,
      "derive",
      "derive",
      "finish",
      "finish",
      "figures",
      "records",
      "records",
      "reports",
      "reports",
      "reports",
      "reports",
      "export",
      "export",
      "export",
      "export",
      "export",
      "export",
      "export",
      "export",
    ]);
    expect((await env.LETTERS?.head("exports/ledger/whole.csv"))?.size).toBeGreaterThan(1000);
    // The steps after a checked chunk (after its part's derive step) are told to expect a check:
    // the derive step's retry passes the run on again, told so too, and that copy finds the chunk
    // claimed. A chunk step's retry sends nothing to a chunk: it passes the run to the derive step.
    // Only chunk 0's two (the practice step's and its retry's) are not told.
    const told = sent.flatMap((s) => (s.body.step === "chunk" && s.body.expectsCheck ? [s.body.chunk] : []));
    expect(told).toEqual([1, 1, 2, 2]);
    const untold = sent.filter((s) => s.body.step === "chunk" && !s.body.expectsCheck);
    expect(untold.map((s) => s.body)).toEqual(
      [0, 0].map((chunk) => ({ runId: started.runId, step: "chunk", chunk })),
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ outcome: "ok", rows: ROWS, message: "同步完成" });
    expect(results[0]?.assignedIds).toHaveLength(6);
    expect(new Set(results[0]?.assignedIds).size).toBe(6);
    const ledger = await emulator.getValues("sync-chunks", `'${TAB_NAMES.ledger}'`);
    expect(ledger).toHaveLength(ROWS + 1);
    for (let r = 1; r < ledger.length; r++)
      expect(ledger[r]?.[col("台账状态")], `row ${r + 1}`).toBe(
        SCENARIOS[(r - 1) % SCENARIOS.length]?.status,
      );
    expect(await deps.runs.last()).toMatchObject({ id: started.runId, outcome: "ok", rows: ROWS });
    expect(await deps.summaries.lackingParts()).toEqual([]);
    // Pages read the rows every chunk stored.
    const view = await loadLedgerView(deps, FIXTURE_TODAY, "facts");
    expect(view.evaluation.rows).toHaveLength(ROWS);
    expect(view.evaluation.rows.filter((r) => r.computed.status === "待审查").length).toBeGreaterThan(0);
  });

  it("leaves what derives from a changed part's rows to a step of its own: pages read the rows meanwhile, and a finish derives a part whose step never came", async () => {
    const { deps, sent } = await steadyOffice("sync-derive");
    const row = CHUNK_ROWS + 20; // a row of the second chunk
    const titleCell = `'${TAB_NAMES.ledger}'!${columnLetter(col("标题"))}${row}`;
    const before = (await emulator.getValues("sync-derive", titleCell))?.[0]?.[0];
    await deps.sheets.batchUpdateValues([{ range: titleCell, values: [["改过的标题"]] }]);
    const exported = async () => new Response(await deps.summaries.streamCsv(LEDGER_EXPORT_HEAD)).text();

    const started = await startSync(deps, "cron", FIXTURE_NOW_MS);
    let next = 0;
    for (; sent[next]?.body.step !== "derive"; next++) {
      const { id, body } = sent[next] as (typeof sent)[number];
      await continueSync(deps, body, FIXTURE_NOW_MS, id);
    }

    // The chunk's step stored the part's rows; its index, list entries and share wait for the
    // derive step it queued.
    expect(sent[next]?.body).toEqual({ runId: started.runId, step: "derive", chunk: 1 });
    expect(await deps.summaries.lackingParts()).toEqual([1]);
    // Meanwhile pages read the stored rows themselves, the edit among them; a download has every
    // row, that part's as the sync before left them.
    expect(await deps.summaries.listEntries({ status: null, text: "", offset: 0, limit: 10 })).toBeNull();
    const during = await loadLedgerView(deps, FIXTURE_TODAY, "facts");
    expect(during.evaluation.rows).toHaveLength(ROWS);
    expect(during.evaluation.rows.find((r) => r.rowNumber === row)?.record.title).toBe("改过的标题");
    const csvDuring = await exported();
    expect(csvDuring).toContain(String(before));
    expect(csvDuring).not.toContain("改过的标题");

    // The derive step never comes (as if lost): the run goes on to chunk 2 and the finish, which
    // derives the part before it adds up the shares.
    sent.splice(next, 1, {
      id: "instead-of-derive",
      body: { runId: started.runId, step: "chunk", chunk: 2, expectsCheck: true },
    });
    let end = null;
    for (; next < sent.length; next++) {
      const { id, body } = sent[next] as (typeof sent)[number];
      end = (await continueSync(deps, body, FIXTURE_NOW_MS, id)) ?? end;
    }
    expect(end).toMatchObject({ outcome: "ok", rows: ROWS });
    expect(await deps.summaries.lackingParts()).toEqual([]);
    const listed = await deps.summaries.listEntries({
      status: null,
      text: "改过的标题",
      offset: 0,
      limit: 10,
    });
    expect(listed?.rows.map((entry) => entry[0].title)).toEqual(["改过的标题"]);
    expect(await exported()).toContain("改过的标题");
  });

  it("works the pages' figures and year reports out in steps after the finish, and not for a summary a newer finish replaced", async () => {
    await seed("sync-figures");
    const { deps, sent } = queuedDeps("sync-figures");
    const metaValue = async (key: string) =>
      (await env.DB.prepare("SELECT value FROM meta WHERE key = ?1").bind(key).first<{ value: string }>())
        ?.value ?? null;
    const marked = () => metaValue("page_figures");
    await startSync(deps, "cron", FIXTURE_NOW_MS);
    for (let i = 0; sent[i]?.body.step !== "figures"; i++) {
      const { id, body } = sent[i] as (typeof sent)[number];
      await continueSync(deps, body, FIXTURE_NOW_MS, id);
    }
    const queued = sent.at(-1)?.body as Extract<SyncStep, { step: "figures" }>;
    // The finish stamped a new summary and left its figures to the next step: pages work them out
    // from the stored rows until then.
    expect(JSON.parse((await metaValue("summary")) ?? "{}")).toMatchObject({ version: queued.version });
    expect(await marked()).toBeNull();

    // The figures step stores the overview's figures, the records' step the scoreboard's, the
    // deputies' and 单位测评, each passing the summary on; the mark, which says every figure of the
    // summary is stored, waits for the year reports.
    await continueSync(deps, queued, FIXTURE_NOW_MS, "figures-message");
    expect(await metaValue("page_figures:overview")).toContain(queued.version);
    expect(await metaValue("page_figures:units")).toBeNull();
    const records = sent.at(-1)?.body as Extract<SyncStep, { step: "records" }>;
    expect(records).toEqual({ runId: queued.runId, step: "records", version: queued.version });
    await continueSync(deps, records, FIXTURE_NOW_MS, "records-message");
    for (const group of ["units", "deputies", "assessments", "sampling", "draw"])
      expect(await metaValue(`page_figures:${group}`), group).toContain(queued.version);
    expect(await metaValue("page_figures:report:latest")).toBeNull();
    expect(await marked()).toBeNull();
    const reports = sent.at(-1)?.body as Extract<SyncStep, { step: "reports" }>;
    expect(reports).toEqual({ runId: queued.runId, step: "reports", version: queued.version });

    // A staff edit and a whole sync meanwhile: a newer summary, its figures and reports stored.
    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${columnLetter(col("标题"))}3`, values: [["改过的标题"]] },
    ]);
    await runSync(deps, "test", FIXTURE_NOW_MS);
    const newer = await marked();
    expect(newer).not.toBeNull();
    expect(newer).not.toContain(queued.version);
    const newerReport = await metaValue("page_figures:report:latest");
    expect(newerReport).toContain(JSON.parse(newer ?? "{}").version);

    // The older run's steps, delivered late, leave the newer figures and reports as they are and
    // pass the run on.
    const newerUnits = await metaValue("page_figures:units");
    const newerOverview = await metaValue("page_figures:overview");
    await continueSync(deps, reports, FIXTURE_NOW_MS, "late-reports");
    expect(sent.at(-1)?.body.step).toBe("export");
    await continueSync(deps, records, FIXTURE_NOW_MS, "late-records");
    expect(sent.at(-1)?.body.step).toBe("reports");
    await continueSync(deps, queued, FIXTURE_NOW_MS, "late-figures");
    expect(sent.at(-1)?.body.step).toBe("records");
    expect(await marked()).toBe(newer);
    expect(await metaValue("page_figures:report:latest")).toBe(newerReport);
    expect(await metaValue("page_figures:units")).toBe(newerUnits);
    expect(await metaValue("page_figures:overview")).toBe(newerOverview);
  });

  it("publishes nothing of a run that staff moved rows in (a row deleted while the chunks run) and syncs again at once", async () => {
    const { deps, sent } = await steadyOffice("sync-moved");
    // A quiet sync's first step reuses two chunks at once: edit a cell of the first chunk so that
    // step checks it, and the second chunk gets a step (and a read) of its own.
    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${columnLetter(col("备注"))}5`, values: [["改"]] },
    ]);
    let from = sent.length;
    await startSync(deps, "cron", FIXTURE_NOW_MS);
    const quiet = await deliverAfter(deps, sent, from);
    expect(quiet).toMatchObject({ outcome: "ok", message: "同步完成" });
    const statistics = () => emulator.getValues("sync-moved", `'${TAB_NAMES.statistics}'`);
    const before = await statistics();

    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${columnLetter(col("备注"))}5`, values: [["又改"]] },
    ]);
    from = sent.length;
    await startSync(deps, "cron", FIXTURE_NOW_MS);
    const ended: { message: string; statistics: unknown[][] }[] = [];
    await deliverAfter(
      deps,
      sent,
      from,
      () => deleteLedgerRow("sync-moved", 10),
      async (result) => {
        ended.push({ message: result.message, statistics: await statistics() });
      },
    );

    // The run whose chunks read rows on both sides of the deletion (one 编号 slid into the chunk
    // already read, so it saw none of that row) wrote no 统计; the run it started at once did.
    expect(ended.map((e) => e.message)).toEqual([
      "同步期间表格行被移动（排序、插入或删除行）：本次不更新统计和页面，已立即重新同步",
      "同步完成",
    ]);
    expect(ended[0]?.statistics).toEqual(before);
    const view = await loadLedgerView(deps, FIXTURE_TODAY, "facts");
    const inSheet = (await emulator.getValues("sync-moved", `'${TAB_NAMES.ledger}'`))
      .slice(1)
      .map((r) => String(r[col("编号")] ?? ""))
      .filter(Boolean);
    expect(view.evaluation.rows.map((r) => r.id ?? "").sort()).toEqual([...inSheet].sort());
    const next = await runSync(deps, "test", FIXTURE_NOW_MS);
    expect(next).toMatchObject({ outcome: "ok", message: "同步完成", cellsWritten: 0 });
    expect(await statistics()).toEqual(ended[1]?.statistics);
  });

  it("lists as vanished a suggestion numbered in a run that rows moved in, once staff delete its row", async () => {
    const { deps, sent } = await steadyOffice("sync-numbered");
    const ledger = `'${TAB_NAMES.ledger}'`;
    const title = "新增的建议（同步期间编号）";
    const before = await emulator.getValues("sync-numbered", ledger, "FORMULA");
    const typed = [...(before.at(-1) ?? [])] as (string | number)[];
    typed[col("编号")] = "";
    typed[col("标题")] = title;
    await deps.sheets.batchUpdateValues([{ range: `${ledger}!A${before.length + 1}`, values: [typed] }]);
    // Two rows of the last chunk trade places, and back: the sheet's 编号 are as before.
    const a = 2 * CHUNK_ROWS + 5;
    const swap = (first: unknown[], second: unknown[]) =>
      deps.sheets.batchUpdateValues([
        { range: `${ledger}!A${a}`, values: [first as (string | number)[]] },
        { range: `${ledger}!A${a + 1}`, values: [second as (string | number)[]] },
      ]);
    const [rowA, rowB] = [before[a - 1] ?? [], before[a] ?? []];
    // The run numbers the new row while those rows are swapped: it cannot tell what vanished.
    const from = sent.length;
    await startSync(deps, "cron", FIXTURE_NOW_MS);
    const messages: string[] = [];
    await deliverAfter(
      deps,
      sent,
      from,
      () => swap(rowB, rowA).then(() => undefined),
      async (result) => {
        messages.push(result.message);
      },
    );
    // The run started at once reads the rows as swapped: nothing moves during it.
    expect(messages).toEqual([
      "同步期间表格行被移动（排序、插入或删除行）：本次不更新统计和页面，已立即重新同步",
      "同步完成",
    ]);
    const numbered = await emulator.getValues("sync-numbered", ledger, "FORMULA");
    const at = numbered.findIndex((r) => r[col("标题")] === title);
    const id = String(numbered[at]?.[col("编号")] ?? "");
    expect(id).toMatch(/^2026-\d+$/);

    // Staff swap the rows back and delete the new one: the sheet holds the very 编号, in order,
    // that it held when the last sync that could tell compared them with D1.
    await swap(rowA, rowB);
    await deleteLedgerRow("sync-numbered", at + 1);
    await runSync(deps, "test", FIXTURE_NOW_MS);

    const problems = await emulator.getValues("sync-numbered", `'${TAB_NAMES.problems}'`);
    const vanished = problems.filter((p) => String(p[5]).includes("已从本表消失"));
    expect(vanished.map((p) => p[2])).toEqual([id]);
  });

  it("stops a run whose lease a newer run took while its step waited, writing nothing", async () => {
    await seed("sync-late");
    const old = queuedDeps("sync-late");
    const first = await startSync(old.deps, "cron", FIXTURE_NOW_MS);
    const waiting = old.sent[0]?.body as SyncStep;

    // Thirteen minutes later its first step still has not run: the lease is free again.
    const later = FIXTURE_NOW_MS + 13 * 60_000;
    const fresh = queuedDeps("sync-late");
    const second = await startSync(fresh.deps, "cron", later);
    const seq = await lastSeq();
    const lateResult = await continueSync(old.deps, waiting, later, "old-step");

    expect(second.outcome).toBe("started");
    expect(lateResult).toBeNull();
    expect(await writesSince("sync-late", seq)).toBe(0);
    const runs = await old.deps.runs.context(first.runId);
    expect(runs).toMatchObject({ outcome: "failed", context: null });
    const lastRow = await fresh.deps.runs.context(second.runId);
    expect(lastRow?.outcome).toBe("running");
  });

  it("stops a chunk step whose run lost its lease to a newer run that has not yet ended it, writing nothing", async () => {
    await seed("sync-lost");
    const { deps, sent } = queuedDeps("sync-lost");
    const started = await startSync(deps, "cron", FIXTURE_NOW_MS);
    await continueSync(deps, sent[0]?.body as SyncStep, FIXTURE_NOW_MS, sent[0]?.id as string);
    const chunkStep = sent[1];
    expect(chunkStep?.body.step).toBe("chunk");
    // The lease ran out while the step waited, and a newer run has just taken it: the instant
    // before that run's start marks this one as ended.
    await env.DB.prepare("UPDATE leases SET holder = 'sync-newer' WHERE name = 'sync'").run();
    const seq = await lastSeq();

    const result = await continueSync(
      deps,
      chunkStep?.body as SyncStep,
      FIXTURE_NOW_MS,
      chunkStep?.id as string,
    );

    expect(result).toMatchObject({ outcome: "failed", message: expect.stringContaining("另一次同步已接手") });
    expect(await writesSince("sync-lost", seq)).toBe(0);
    expect(sent).toHaveLength(2);
    expect((await deps.runs.context(started.runId))?.outcome).toBe("failed");
  });
});

/**
 * Delivers every queued step twice, in order (a retry of the same message, as after a crash);
 * returns the results of the calls that ended the run.
 */
async function deliverEachTwice(
  deps: ReturnType<typeof queuedDeps>["deps"],
  sent: ReturnType<typeof queuedDeps>["sent"],
  nowMs: number,
) {
  const results = [];
  for (let i = 0; i < sent.length; i++) {
    const { id, body } = sent[i] as (typeof sent)[number];
    for (const _delivery of [1, 2]) {
      const result = await continueSync(deps, body, nowMs, id);
      if (result) results.push(result);
    }
  }
  return results;
}

/** For each Sheets read since `seq` that read ledger rows, the first sheet row of each range it read. */
async function ledgerReadStarts(spreadsheetId: string, seq: number): Promise<number[][]> {
  return (await emulator.requests(seq))
    .filter((r) => r.spreadsheetId === spreadsheetId && r.kind === "read")
    .map((r) => [r.query.ranges ?? []].flat().filter((range) => /^'建议台账'!A\d+:/.test(range)))
    .filter((ranges) => ranges.length > 0)
    .map((ranges) => ranges.map((range) => Number(/!A(\d+):/.exec(range)?.[1])));
}

/** Delivers every queued step once, in order; returns the run's end and how many messages it took. */
async function deliverAll(
  deps: ReturnType<typeof queuedDeps>["deps"],
  sent: ReturnType<typeof queuedDeps>["sent"],
  nowMs: number,
) {
  let end = null;
  for (let i = 0; i < sent.length; i++) {
    const { id, body } = sent[i] as (typeof sent)[number];
    end = (await continueSync(deps, body, nowMs, id)) ?? end;
  }
  return { end, messages: sent.length };
}

const runSummary = async (deps: ReturnType<typeof queuedDeps>["deps"]) =>
  (await deps.runs.last())?.summary as { reusedChunks: number; chunks: number };

describe("a quiet sync reuses what a steady run checked", () => {
  it("checks nothing again when nothing changed: the practice tabs, a step for each two chunks, the finish; no write", async () => {
    const { deps, sent, steady } = await steadyOffice("sync-quiet");
    expect(steady).toMatchObject({ outcome: "ok", cellsWritten: 0 });
    // One more: the 编号 the first sync handed out moved where the 编号 column ends, so the steady
    // sync's plan read other ranges; after this one the cron's plan finds its read as it was.
    await runSync(deps, "test", FIXTURE_NOW_MS);
    const seq = await lastSeq();

    // The plan stands: its kept plan still names the run's chunks.
    expect(await startSync(deps, "cron", FIXTURE_NOW_MS)).toMatchObject({ message: "同步已开始（3 段）" });
    const { end, messages } = await deliverAll(deps, sent, FIXTURE_NOW_MS);

    // The practice tabs' step, a step for each two chunks (reused), the finish: each within the
    // Free plan's CPU.
    expect(sent.map((s) => (s.body.step === "chunk" ? s.body.chunk : s.body.step))).toEqual([
      "practice",
      0,
      2,
      "finish",
    ]);
    expect(messages).toBe(4);
    expect(end).toMatchObject({ outcome: "ok", rows: ROWS, cellsWritten: 0, problems: steady.problems });
    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 3 });
    expect(await writesSince("sync-quiet", seq)).toBe(0);
    const view = await loadLedgerView(deps, FIXTURE_TODAY, "facts");
    expect(view.evaluation.rows).toHaveLength(ROWS);
  });

  it("reuses each chunk once and finishes once when every message of a quiet sync arrives twice", async () => {
    const { deps, sent } = await steadyOffice("sync-quiet-twice");
    const seq = await lastSeq();

    await startSync(deps, "cron", FIXTURE_NOW_MS);
    const results = await deliverEachTwice(deps, sent, FIXTURE_NOW_MS);

    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ outcome: "ok", rows: ROWS, cellsWritten: 0 });
    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 3 });
    // The first step read chunks 1 and 2 at once and reused both; its retry, finding chunk 1 done,
    // hands chunk 2 on to a step that finds it done too. Nothing was read twice.
    expect(await ledgerReadStarts("sync-quiet-twice", seq)).toEqual([
      [2, CHUNK_ROWS + 2],
      [2 * CHUNK_ROWS + 2],
    ]);
    expect(await writesSince("sync-quiet-twice", seq)).toBe(0);
  });

  it("checks again the chunk of an edited row, and the chunk of a row whose 编号 the edit repeats", async () => {
    const { deps } = await steadyOffice("sync-edit");
    const ledger = await emulator.getValues("sync-edit", `'${TAB_NAMES.ledger}'`);
    const early = 5; // sheet row in the first chunk
    const late = 2 * CHUNK_ROWS + 10; // sheet row in the third chunk
    const repeated = String(ledger[early - 1]?.[col("编号")]);
    await deps.sheets.batchUpdateValues([{ range: `'${TAB_NAMES.ledger}'!A${late}`, values: [[repeated]] }]);

    const result = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(result.outcome).toBe("ok");
    // The second chunk holds neither row: it is the only one reused.
    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 1 });
    const after = await emulator.getValues("sync-edit", `'${TAB_NAMES.ledger}'`);
    for (const row of [early, late])
      expect(String(after[row - 1]?.[col("校验问题")]), `row ${row}`).toContain(`编号“${repeated}”`);
  });

  it("checks a changed chunk met after a reused one in its own step", async () => {
    const { deps, sent } = await steadyOffice("sync-handoff");
    const seq = await lastSeq();
    const last = CHUNK_ROWS + 20; // a row of the second chunk
    await deps.sheets.batchUpdateValues([
      {
        range: `'${TAB_NAMES.ledger}'!${String.fromCharCode(65 + col("标题"))}${last}`,
        values: [["改过的标题"]],
      },
    ]);

    await startSync(deps, "cron", FIXTURE_NOW_MS);
    const { end, messages } = await deliverAll(deps, sent, FIXTURE_NOW_MS);

    // The practice tabs; chunk 1 reused, its step finds chunk 2 changed and leaves it to a step of
    // its own (checking it is a step's worth of CPU), then what derives from its part's rows to
    // another; chunk 3 reused alone; the finish, then the pages' figures and the export's whole
    // file worked out again after the change.
    expect(sent.map((s) => (s.body.step === "chunk" ? s.body.chunk : s.body.step))).toEqual([
      "practice",
      0,
      1,
      "derive",
      2,
      "finish",
      "figures",
      "records",
      "reports",
      "export",
    ]);
    expect(messages).toBe(10);
    // One read of chunks 1 and 2 together; chunk 2's again by the step that checks it, told so;
    // chunk 3's alone, after that check.
    expect(await ledgerReadStarts("sync-handoff", seq)).toEqual([
      [2, CHUNK_ROWS + 2],
      [CHUNK_ROWS + 2],
      [2 * CHUNK_ROWS + 2],
    ]);
    expect(end).toMatchObject({ outcome: "ok", rows: ROWS });
    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 2 });
    const view = await loadLedgerView(deps, FIXTURE_TODAY, "whole");
    expect(view.evaluation.rows.find((r) => r.rowNumber === last)?.record.title).toBe("改过的标题");
  });

  it("after a staff edit, the next sync checks that chunk once more and, finding it as stored, does not work the whole ledger out again", async () => {
    const { deps } = await steadyOffice("sync-settled");
    const ledger = await emulator.getValues("sync-settled", `'${TAB_NAMES.ledger}'`);
    // A row of the second chunk that awaits a reply: a reply typed there changes its system cells.
    const row =
      ledger.findIndex(
        (cells, i) => i >= CHUNK_ROWS + 1 && i < 2 * CHUNK_ROWS && cells[col("台账状态")] === "办理中",
      ) + 1;
    expect(row).toBeGreaterThan(CHUNK_ROWS + 1);
    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${columnLetter(col("答复日期"))}${row}`, values: [["2026-11-20"]] },
      { range: `'${TAB_NAMES.ledger}'!${columnLetter(col("答复类别"))}${row}`, values: [["A"]] },
    ]);
    const loadFacts = vi.spyOn(deps.summaries, "loadFacts");
    const loadFigures = vi.spyOn(deps.summaries, "loadFigures");
    const stamp = async () =>
      (
        JSON.parse(
          String(await env.DB.prepare("SELECT value FROM meta WHERE key = 'summary'").first("value")),
        ) as {
          version: string;
        }
      ).version;

    const edited = await runSync(deps, "test", FIXTURE_NOW_MS);
    const afterEdit = await stamp();
    expect(edited.cellsWritten).toBeGreaterThan(0);
    // The run that wrote the new status works every figure out again, from the parts' shares (the
    // finish's groups, then the overview's, the records' and the year reports'): no row's facts are read.
    expect(loadFigures).toHaveBeenCalledTimes(4);
    expect(loadFacts).not.toHaveBeenCalled();

    const settled = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(settled).toMatchObject({ outcome: "ok", cellsWritten: 0, problems: edited.problems });
    // The edited chunk was checked again (its run wrote cells), the other two reused.
    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 2 });
    expect(loadFigures).toHaveBeenCalledTimes(4);
    expect(loadFacts).not.toHaveBeenCalled();
    // Pages keep what they parsed: nothing they show changed.
    expect(await stamp()).toBe(afterEdit);
    const view = await loadLedgerView(deps, FIXTURE_TODAY, "whole");
    const shown = view.evaluation.rows.find((r) => r.rowNumber === row);
    expect([shown?.record.repliedOn, shown?.record.replyClass]).toEqual(["2026-11-20", "A"]);
  });

  it("lets pages reuse the rows they parsed until a sync changes what they show", async () => {
    await seed("sync-memo");
    const { deps } = queuedDeps("sync-memo");
    await runSync(deps, "test", FIXTURE_NOW_MS);
    const first = await loadLedgerView(deps, FIXTURE_TODAY, "facts");
    await runSync(deps, "test", FIXTURE_NOW_MS);
    const unchanged = await loadLedgerView(deps, FIXTURE_TODAY, "facts");
    const row = 30;
    await deps.sheets.batchUpdateValues([
      { range: `'${TAB_NAMES.ledger}'!${String.fromCharCode(65 + col("标题"))}${row}`, values: [["新标题"]] },
    ]);
    await runSync(deps, "test", FIXTURE_NOW_MS);
    const changed = await loadLedgerView(deps, FIXTURE_TODAY, "facts");

    expect(unchanged.evaluation).toBe(first.evaluation);
    expect(changed.evaluation).not.toBe(first.evaluation);
    expect(changed.evaluation.rows.find((r) => r.rowNumber === row)?.record.title).toBe("新标题");
    expect(() => (changed.evaluation.rows as SummaryRow[]).sort()).toThrow(TypeError);
  });

  it("checks once more the parts an older build stored without the index of who each row concerns", async () => {
    const { deps } = await steadyOffice("sync-upgrade");
    await env.DB.prepare("UPDATE summary_parts SET row_index = NULL WHERE part = 1").run();

    const upgraded = await runSync(deps, "test", FIXTURE_NOW_MS);

    expect(upgraded).toMatchObject({ outcome: "ok", cellsWritten: 0 });
    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 2 });
    const unindexed = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM summary_parts WHERE row_index IS NULL",
    ).first<{ n: number }>();
    expect(unindexed?.n).toBe(0);
  });

  it("checks every row again on a new day (statuses move with the date)", async () => {
    const { deps } = await steadyOffice("sync-day");

    await runSync(deps, "test", FIXTURE_NOW_MS + 24 * 60 * 60_000);

    expect(await runSummary(deps)).toMatchObject({ chunks: 3, reusedChunks: 0 });
  });
});
