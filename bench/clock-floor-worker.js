// The clock-floor benchmark's Worker (bench/clock-floor.ts): it does nothing of its own but the
// waiting or the fixed work `?case=` names, so what the clocks charge it is their floor.
const LONG_TEXT = "建议".repeat(50_000);

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
      return new Response("ready");
    }
    const run = CASES[url.searchParams.get("case") ?? ""];
    if (!run) return new Response("unknown case", { status: 404 });
    await run(env);
    return new Response("ok");
  },
};
