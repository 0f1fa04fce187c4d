import { app } from "./app";
import { meterD1, takeD1Counts } from "./d1-meter";
import type { Env } from "./env";
import { queue } from "./queue";
import { scheduled } from "./scheduled";
import "./warm-up";

/** With D1_METER (benchmarks only), every handler's D1 is counted (src/d1-meter.ts). */
const metered = (env: Env): Env => (env.D1_METER === "1" ? { ...env, DB: meterD1(env.DB) } : env);

export default {
  fetch(request, env, ctx) {
    if (env.D1_METER === "1" && new URL(request.url).pathname === "/__d1-meter")
      return Response.json(takeD1Counts());
    return app.fetch(request, metered(env), ctx);
  },
  scheduled: (controller, env, ctx) => scheduled(controller, metered(env), ctx),
  queue: (batch, env, ctx) => queue(batch, metered(env), ctx),
} satisfies ExportedHandler<Env>;
