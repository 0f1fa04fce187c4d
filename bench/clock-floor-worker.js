// The clock-floor benchmark's Worker (bench/clock-floor.ts): it does nothing of its own but the
// waiting or the fixed work `?case=` names, so what the clocks charge it is their floor.
const LONG_TEXT = "建议".repeat(50_000);
// A hundred rows shaped like audit rows: 编号, 列, 旧值, 新值, 来源, ….
const ROWS = Array.from({ length: 100 }, (_, i) => [
  i,
  `2026-${String(i).padStart(3, "0")}`,
  "办理情况",
  `已与代表沟通，正在办理第${i}项`,
  `已办结，已书面答复代表第${i}项`,
  "sheet",
  null,
]);

const CASES = {
  nothing: async () => {},
  trips: async (env) => {
    for (let i = 0; i < 10; i++) await env.DB.prepare("SELECT ?1 AS n").bind(i).first();
  },
  "long-reads": async (env) => {
    for (let i = 0; i < 10; i++) await env.DB.prepare("SELECT v FROM long_text WHERE k = 1").first();
  },
  // Five subrequests to a server that answers each after 50 ms (as the Sheets emulator, slower).
  "fetch-waits": async (env) => {
    for (let i = 0; i < 5; i++) await (await fetch(env.SLOW_URL)).text();
  },
  // One batch of 100 single-row INSERTs, against one INSERT of the same 100 rows read from a JSON
  // parameter (src/store/d1-batch.ts): what each statement of a batch costs the isolate.
  "row-statements": async (env) => {
    const insert = env.DB.prepare(
      "INSERT OR REPLACE INTO many_rows (k, a, b, c, d, e, f) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    );
    await env.DB.batch(ROWS.map((r) => insert.bind(...r)));
  },
  "json-rows": async (env) => {
    const cell = (i) => `json_extract(e.value, '$[${i}]')`;
    await env.DB.prepare(
      `INSERT OR REPLACE INTO many_rows (k, a, b, c, d, e, f)
       SELECT ${[0, 1, 2, 3, 4, 5, 6].map(cell).join(", ")} FROM json_each(?1) AS e ORDER BY e.key`,
    )
      .bind(JSON.stringify(ROWS))
      .run();
  },
  // Five small messages, as a sync's steps queue the next (a job and a run's id).
  "queue-sends": async (env) => {
    for (let i = 0; i < 5; i++) await env.JOBS.send({ job: "chunk", runId: 1, part: i });
  },
  loop: async () => {
    let sum = 0;
    for (let i = 0; i < 300_000; i++) sum += Math.sqrt(i);
    if (sum < 0) throw new Error("unreachable");
  },
};

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === "/setup") {
      await env.DB.prepare("CREATE TABLE IF NOT EXISTS long_text (k INTEGER PRIMARY KEY, v TEXT)").run();
      await env.DB.prepare("INSERT OR REPLACE INTO long_text (k, v) VALUES (1, ?1)").bind(LONG_TEXT).run();
      await env.DB.prepare(
        "CREATE TABLE IF NOT EXISTS many_rows (k INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT)",
      ).run();
      return new Response("ready");
    }
    const run = CASES[url.searchParams.get("case") ?? ""];
    if (!run) return new Response("unknown case", { status: 404 });
    await run(env);
    return new Response("ok");
  },
};
