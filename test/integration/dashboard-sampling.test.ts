import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TAB_NAMES } from "../../sheets-schema/tab-names";
import { ledgerTab } from "../../sheets-schema/tabs";
import { emulator } from "../support/emulator-admin";
import { SCENARIOS } from "../support/ledger-fixture";
import { call, dashboardDeps, postForm, SHEET, seedAndSync } from "./dashboard-helpers";

const LEDGER = `'${TAB_NAMES.ledger}'`;
const headers = ledgerTab.columns.map((c) => c.header);
const ID = headers.indexOf("编号");
const VISIT = headers.indexOf("回访");

interface SampleBody {
  sample: { id: number; seed: string; size: number; strata: { unit: string; drawn: string[] }[] };
}

const jsonPost = (path: string, body: unknown) =>
  call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function drawJson(body: unknown): Promise<SampleBody["sample"]> {
  const response = await jsonPost("/api/samples", body);
  expect(response.status).toBe(201);
  return ((await response.json()) as SampleBody).sample;
}

/** 回访 by 编号, as the emulated sheet holds it now. */
async function visits(): Promise<Map<string, unknown>> {
  const rows = await emulator.getValues(SHEET, LEDGER);
  return new Map(rows.slice(1).map((r) => [String(r[ID]), r[VISIT] ?? ""]));
}

/** 编号 whose 回访 changed between two reads of the sheet. */
function changed(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  return [...after]
    .filter(([id, v]) => v !== before.get(id))
    .map(([id]) => id)
    .sort();
}

/** Where the emulator's request log ends now (the log is shared: never cleared here). */
const logEnd = async () => (await emulator.requests()).at(-1)?.seq ?? 0;

/** This file's Sheets reads and writes since `since`. */
const sheetCalls = async (since: number) =>
  (await emulator.requests(since))
    .filter((r) => r.spreadsheetId === SHEET && (r.kind === "read" || r.kind === "write"))
    .map((r) => r.kind);

/** Replied scenarios (待测评 … 已办结) are 7–12 of each 13: 18 of the 40 fixture rows. */
const REPLIED = Array.from({ length: 40 }, (_, i) => i).filter(
  (i) => SCENARIOS[i % SCENARIOS.length]?.cells.答复日期,
);

// One sync for the whole file (the emulator's per-minute read quota is shared by every test file):
// the tests run in order and compare the sheet before and after, so earlier samples do not matter.
beforeAll(() => seedAndSync());

describe("follow-up sampling", () => {
  it("draws by share from the replied suggestions, shows and stores the seed, and redraws the same", async () => {
    expect(REPLIED.length).toBe(18);
    const drawn = await postForm("/sampling", {
      mode: "share",
      amount: "30",
      seed: "xincai-2024",
      year: "2026",
    });
    expect(drawn.status).toBe(303);
    expect(drawn.headers.get("location")).toBe("/sampling/1");
    const html = await (await call("/sampling/1")).text();
    expect(html).toContain("人工指定种子 <code>xincai-2024</code>");
    expect(html).toContain("从 18 件中抽出 <strong>5</strong> 件"); // 30% of 18 = 5.4
    expect(html).toContain("结果与本次一致");

    const again = await drawJson({ mode: "share", amount: "30%", seed: "xincai-2024", year: 2026 });
    const first = ((await (await call("/api/samples/1")).json()) as SampleBody).sample;
    expect(again.strata).toEqual(first.strata);
    expect(again.id).toBe(2);
  });

  it("draws from the candidates the sync stored with its figures, not from every row", async () => {
    const expected = await drawJson({ mode: "count", amount: 5, seed: "stored", year: 2026 });
    // Every stored row's facts emptied, under a new summary version (so no isolate keeps rows it
    // parsed before; the stored figures moved along): a draw that parsed the rows would find none.
    const parts = await env.DB.prepare("SELECT part, facts FROM summary_parts").all<{
      part: number;
      facts: string;
    }>();
    const newVersion = () =>
      env.DB.prepare(
        "UPDATE meta SET value = json_set(value, '$.version', ?1) WHERE key = 'summary' OR key LIKE 'page_figures%'",
      ).bind(crypto.randomUUID());
    await env.DB.batch([env.DB.prepare("UPDATE summary_parts SET facts = '[]'"), newVersion()]);
    try {
      const again = await drawJson({ mode: "count", amount: 5, seed: "stored", year: 2026 });
      expect(again.strata).toEqual(expected.strata);
    } finally {
      // The facts back, under a version of their own again (rows parsed meanwhile are not kept).
      await env.DB.batch([
        ...parts.results.map((p) =>
          env.DB.prepare("UPDATE summary_parts SET facts = ?1 WHERE part = ?2").bind(p.facts, p.part),
        ),
        newVersion(),
      ]);
    }
    const page = await (await call(`/sampling/${expected.id}`)).text();
    expect(page).toContain("从 18 件中抽出 <strong>5</strong> 件");
    expect(page).toContain("结果与本次一致");
  });

  it("makes up a seed when none is given, and shows it", async () => {
    const sample = await drawJson({ mode: "count", amount: 4 });
    expect(sample.seed).toMatch(/^\d{8}$/);
    expect(sample.size).toBe(4);
    const stored = await env.DB.prepare("SELECT seed FROM samples WHERE id = ?1").bind(sample.id).first();
    expect(stored).toEqual({ seed: sample.seed });
  });

  it("writes nothing to the sheet when a draft is only drawn", async () => {
    const before = await visits();
    const since = await logEnd();
    await drawJson({ mode: "share", amount: 50 });
    expect(await sheetCalls(since)).toEqual([]);
    expect(changed(before, await visits())).toEqual([]);
  });

  it("confirming writes 回访 = 是 to exactly the drawn rows, reading a few columns and those rows, not the whole tab", async () => {
    const sample = await drawJson({ mode: "count", amount: 6, seed: "s" });
    const ids = sample.strata.flatMap((s) => s.drawn);
    expect(ids).toHaveLength(6);
    const before = await visits();
    expect([...before.values()].every((v) => v === "")).toBe(true);
    const since = await logEnd();

    const confirmed = await postForm(`/sampling/${sample.id}/confirm`, {});

    expect(confirmed.status).toBe(303);
    // Two reads to place the values (a few columns of every row, then the drawn rows), one write,
    // one read of the copy that checks where they landed.
    expect(await sheetCalls(since)).toEqual(["read", "read", "write", "read"]);
    const [columns, rows] = (await emulator.requests(since)).filter(
      (r) => r.spreadsheetId === SHEET && r.kind === "read",
    );
    const rangesOf = (r: typeof columns) => [r?.query.ranges ?? []].flat();
    // Whole columns (e.g. 'A:A') and the header row: never the tab without a range.
    expect(rangesOf(columns).every((range) => /^'建议台账'!([A-Z]+:[A-Z]+|1:1)$/.test(range))).toBe(true);
    expect(rangesOf(columns).length).toBeLessThan(8);
    // Exactly one range per drawn suggestion, each a single row.
    const drawnRows = rangesOf(rows).map((range) => /^'建议台账'!A(\d+):[A-Z]+(\d+)$/.exec(range));
    expect(drawnRows).toHaveLength(ids.length);
    for (const m of drawnRows) expect(m?.[1]).toBe(m?.[2]);
    const after = await visits();
    expect(changed(before, after)).toEqual([...ids].sort());
    for (const id of ids) expect(after.get(id), id).toBe("是");
    const page = await (await call(`/sampling/${sample.id}`)).text();
    expect(page).toContain("在台账“回访”列写入“是” 6 处");
    // A second click changes nothing and writes nothing; the API says it was confirmed already.
    const again = await logEnd();
    expect((await postForm(`/sampling/${sample.id}/confirm`, {})).status).toBe(303);
    expect(await sheetCalls(again)).toEqual([]);
    const refused = await jsonPost(`/api/samples/${sample.id}/confirm`, {});
    expect(refused.status).toBe(409);
    // The office's local time, as the page says it, not the stored UTC instant.
    const { error } = (await refused.json()) as { error: { message: string } };
    expect(error.message).toMatch(/^第 \d+ 次抽样已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 确认$/);
  });

  it("finds each drawn suggestion by 编号 even after staff re-sorted the sheet", async () => {
    const sample = await drawJson({ mode: "count", amount: 5, seed: "sorted" });
    const ids = sample.strata.flatMap((s) => s.drawn);
    const before = await visits();
    const rows = await emulator.getValues(SHEET, LEDGER, "FORMULA");
    const reversed = [rows[0] ?? [], ...rows.slice(1).reverse()] as (string | number)[][];
    await (await dashboardDeps()).sheets.batchUpdateValues(
      [{ range: `${LEDGER}!A1`, values: reversed }],
      "RAW",
    );

    expect((await jsonPost(`/api/samples/${sample.id}/confirm`, {})).status).toBe(200);

    const after = await visits();
    for (const id of ids) expect(after.get(id), id).toBe("是");
    expect(changed(before, after)).toEqual(ids.filter((id) => before.get(id) !== "是").sort());
  });

  it("answers bad sampling parameters with a clear 4xx: a page for the form, JSON for the API", async () => {
    const share = await postForm("/sampling", { mode: "share", amount: "150%" });
    expect(share.status).toBe(400);
    expect(await share.text()).toContain("抽样比例须大于 0% 且不超过 100%，收到“150%”");
    const count = await jsonPost("/api/samples", { mode: "count", amount: "十件" });
    expect(count.status).toBe(400);
    expect(await count.json()).toMatchObject({
      error: {
        code: "invalid_count",
        message: "抽样数量须为正整数（件），收到“十件”",
        requestId: expect.any(String),
      },
    });
    // The 11 confirmed above (6, then 5) are visited: a draw no longer counts them.
    const tooMany = await jsonPost("/api/samples", { mode: "count", amount: 19 });
    expect(await tooMany.json()).toMatchObject({
      error: {
        code: "invalid_count",
        message: "抽样数量 19 件超过可抽样的 7 件（已列入回访的 11 件不再抽取）",
      },
    });
    const noYear = await jsonPost("/api/samples", { mode: "count", amount: 1, year: 2019 });
    expect(noYear.status).toBe(409);
    expect(await noYear.json()).toMatchObject({ error: { code: "nothing_to_sample" } });
    const notJson = await call("/api/samples", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid_json" } });
    expect((await call("/api/samples/x1")).status).toBe(400);
    expect(await (await call("/api/samples/77")).json()).toMatchObject({ error: { code: "unknown_sample" } });
  });
});
