/**
 * Work every isolate does once, done while the Worker starts: start-up time has its own limit,
 * while the first invocation an isolate serves has the same 10 ms of CPU (Workers Free) as any other.
 *
 * - hono/jsx finds node:async_hooks on its first render, which in workerd costs tens of milliseconds
 *   (measured: 62 ms under the bench's profiler).
 * - zod's first parse of the configuration's schema (7.6 ms of the first invocation, profiled).
 * - The built-in holiday calendar (chinese-days' tables indexed by day, about 2 ms), which every
 *   sync step and page with a due date needs.
 * - The ledger's own code, on a made-up office's chunk (src/warm-up-office.ts): a fresh isolate's
 *   practice step reads about half as much with it. (Compiling is no longer the reason: the deploy
 *   compiles every function at start-up, tools/eager-compile.ts.)
 * - Hono's router: on the first request's match it offers every route to RegExpRouter, which
 *   refuses this app's routes after taking them all, then builds the trie (about 3 ms of a fresh
 *   isolate's first webhook, profiled). Matching a path builds it and runs no handler; every route
 *   is added by then (app.ts adds them all as the module loads).
 *
 * Not a page's rendering at volume: a 300-row table rendered here did not make a fresh isolate's
 * first overview page faster (capped estimate, medians of nine fresh isolates in two A/Bs: 20 → 32
 * and 16.5 → 19.4 ms), though its second request was (11 → 3.5); bench/cold-start.ts page.
 */
import { app } from "./app";
import { warmUpConfigSchema } from "./config";
import { builtInCalendar } from "./domain/calendar-data";
import { warmUpLedger } from "./warm-up-office";

String(<p />);
warmUpConfigSchema();
builtInCalendar();
app.router.match("GET", "/");
// Only a head start: should the made-up office ever fail to evaluate, the Worker still starts.
try {
  warmUpLedger();
} catch {}
