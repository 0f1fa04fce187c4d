import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import "../../src/warm-up";

// A fresh isolate's first request would otherwise build the router from every route (about 3 ms
// of a first webhook's CPU, profiled): the Worker's start-up does it.
describe("the router, as the Worker starts", () => {
  it("is built before any request (Hono's SmartRouter names the router it settled on)", () => {
    // The routes are more than RegExpRouter takes (it throws, after taking them all): the trie.
    expect(app.router.name).toBe("SmartRouter + TrieRouter");
  });

  it("still finds the routes every request needs: a form's webhook, a page, a personal link", () => {
    for (const [method, path] of [
      ["POST", "/hooks/forms/suggestion"],
      ["GET", "/suggestions/2026-007"],
      ["GET", "/l/abc"],
      ["GET", "/healthz"],
    ] as const) {
      const [handlers] = app.router.match(method, path);
      expect(handlers.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });
});
