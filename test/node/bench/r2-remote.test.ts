import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RemoteR2, startRemoteR2 } from "../../../bench/r2-remote";

/**
 * What the product asks of R2 (src/store/letters.ts, src/store/export-files.ts), as one Worker
 * sees it: put a string, bytes and a FixedLengthStream with metadata, get and head them, delete,
 * and a missing key.
 */
const PROBE = `
export default {
  async fetch(request, env) {
    const b = env.LETTERS;
    const seen = [];
    const see = async (label, object, withBody) => seen.push([
      label,
      object === null ? null : {
        size: object.size,
        contentType: object.httpMetadata?.contentType ?? null,
        custom: object.customMetadata ?? {},
        body: withBody ? await new Response(object.body).text() : undefined,
      },
    ]);
    const put = await b.put("exports/a.csv", "编号,标题\\n", { httpMetadata: { contentType: "text/csv; charset=utf-8" }, customMetadata: { hash: "h1" } });
    await see("put", put, false);
    await b.put("letters/x.pdf", new TextEncoder().encode("%PDF").buffer, { httpMetadata: { contentType: "application/pdf" }, customMetadata: { suggestionId: "2026-001", uploadedBy: "承办单位 区教育局" } });
    const { readable, writable } = new FixedLengthStream(9);
    const stored = b.put("exports/whole.csv", readable, { customMetadata: { digest: "d" } });
    const writer = writable.getWriter();
    await writer.write(new TextEncoder().encode("head\\n"));
    writer.releaseLock();
    const part = await b.get("letters/x.pdf");
    await part.body.pipeTo(writable);
    await stored;
    await see("get a", await b.get("exports/a.csv"), true);
    await see("get x", await b.get("letters/x.pdf"), true);
    await see("get whole", await b.get("exports/whole.csv"), true);
    await see("head a", await b.head("exports/a.csv"), false);
    await see("missing", await b.get("nothing"), false);
    await see("missing head", await b.head("nothing"), false);
    await b.delete(["exports/a.csv", "exports/whole.csv"]);
    await see("deleted", await b.get("exports/a.csv"), false);
    await see("kept", await b.head("letters/x.pdf"), false);
    return Response.json(seen);
  },
};`;

describe("the bench's R2 in a process of its own", () => {
  let remote: RemoteR2;
  let mf: Miniflare;
  beforeAll(async () => {
    remote = await startRemoteR2("probe");
    const letters = remote.wrappedBinding("LETTERS");
    mf = new Miniflare({
      workers: [
        {
          name: "through-remote",
          modules: true,
          script: PROBE,
          compatibilityDate: "2026-04-20",
          wrappedBindings: letters.wrappedBindings,
        },
        letters.clientWorker,
        {
          name: "local",
          modules: true,
          script: PROBE,
          compatibilityDate: "2026-04-20",
          r2Buckets: { LETTERS: "probe" },
        },
      ],
    });
    await mf.ready;
  }, 60_000);
  afterAll(async () => {
    await mf?.dispose();
    await remote?.dispose();
  });

  it("answers every call the product makes as Miniflare's own R2 does", async () => {
    const throughRemote = await (await mf.dispatchFetch("http://probe/")).json();
    const local = await (await (await mf.getWorker("local")).fetch("http://probe/")).json();
    expect(throughRemote).toEqual(local);
    expect(throughRemote).toEqual([
      ["put", { size: 14, contentType: "text/csv; charset=utf-8", custom: { hash: "h1" } }],
      [
        "get a",
        { size: 14, contentType: "text/csv; charset=utf-8", custom: { hash: "h1" }, body: "编号,标题\n" },
      ],
      [
        "get x",
        {
          size: 4,
          contentType: "application/pdf",
          custom: { suggestionId: "2026-001", uploadedBy: "承办单位 区教育局" },
          body: "%PDF",
        },
      ],
      ["get whole", { size: 9, contentType: null, custom: { digest: "d" }, body: "head\n%PDF" }],
      ["head a", { size: 14, contentType: "text/csv; charset=utf-8", custom: { hash: "h1" } }],
      ["missing", null],
      ["missing head", null],
      ["deleted", null],
      [
        "kept",
        {
          size: 4,
          contentType: "application/pdf",
          custom: { suggestionId: "2026-001", uploadedBy: "承办单位 区教育局" },
        },
      ],
    ]);
  }, 60_000);
});
