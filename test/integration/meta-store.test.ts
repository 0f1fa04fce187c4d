import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createMetaStore } from "../../src/store/meta";
import { figuresStoredFor, META_PAGE_FIGURES } from "../../src/store/page-figures";
import { resetDatabase } from "../support/sync-helpers";

beforeEach(resetDatabase);

describe("meta.startsWith: a version at the start of a long value, compared in D1", () => {
  it("answers for the value's start only, in characters, and false for a missing key", async () => {
    const meta = createMetaStore(env.DB);
    await meta.set(
      "k",
      `{"version":"v-建议-1","figures":"${"很长".repeat(50_000)}"}`,
      "2026-11-26T01:00:00Z",
    );
    expect(await meta.startsWith("k", '{"version":"v-建议-1",')).toBe(true);
    expect(await meta.startsWith("k", '{"version":"v-建议-2",')).toBe(false);
    expect(await meta.startsWith("missing", "{")).toBe(false);
    await meta.set("short", "ab", "2026-11-26T01:00:00Z");
    expect(await meta.startsWith("short", "abc")).toBe(false);
  });

  it("tells whether page figures of a summary version are stored", async () => {
    const meta = createMetaStore(env.DB);
    await meta.set(META_PAGE_FIGURES, '{"version":"abc"}', "2026-11-26T01:00:00Z");
    expect(await figuresStoredFor(meta, "abc")).toBe(true);
    expect(await figuresStoredFor(meta, "ab")).toBe(false);
    expect(await figuresStoredFor(meta, undefined)).toBe(false);
    // The figures of an older build (one value, every group in it) are worked out again.
    await meta.set(META_PAGE_FIGURES, '{"version":"abc","overview":{}}', "2026-11-26T01:00:00Z");
    expect(await figuresStoredFor(meta, "abc")).toBe(false);
  });
});

describe("meta.getMany", () => {
  it("gives the stored keys' values in one query and leaves out keys never stored", async () => {
    const meta = createMetaStore(env.DB);
    await meta.setMany(
      [
        ["a", "一"],
        ["b", '["编号","标题"]'],
      ],
      "2026-11-26T01:00:00Z",
    );
    expect(await meta.getMany(["a", "b", "missing"])).toEqual(
      new Map([
        ["a", "一"],
        ["b", '["编号","标题"]'],
      ]),
    );
    expect(await meta.getMany([])).toEqual(new Map());
  });
});

describe("a value larger than one D1 value holds", () => {
  it("is kept in pieces and read back whole by get, getMany and getLarge alike", async () => {
    const meta = createMetaStore(env.DB);
    // 3 MB in UTF-8: past D1's 2,000,000 bytes for one value, as a city office's problem list was.
    const large = `[${Array.from({ length: 20_000 }, (_, i) => `"第${i}条：${"很长的问题".repeat(10)}"`).join(",")}]`;
    await meta.set("large", large, "2026-11-26T01:00:00Z");
    await meta.setMany([["small", "一"]], "2026-11-26T01:00:00Z");
    const stored = await env.DB.prepare("SELECT value FROM meta WHERE key = 'large'").first<{
      value: string;
    }>();
    expect(stored?.value.startsWith("#pieces:")).toBe(true);
    expect(await meta.get("large")).toBe(large);
    expect(await meta.getLarge("large")).toBe(large);
    expect(await meta.getMany(["large", "small"])).toEqual(
      new Map([
        ["large", large],
        ["small", "一"],
      ]),
    );
  });

  it("answers startsWith for the value's own start, not the mark that stands for its pieces", async () => {
    const meta = createMetaStore(env.DB);
    const version = '{"version":"v-市-1",';
    const large = `${version}"problems":[${Array.from({ length: 20_000 }, (_, i) => `"第${i}条：${"很长的问题".repeat(10)}"`).join(",")}]}`;
    await meta.set("large", large, "2026-11-26T01:00:00Z");
    expect(await meta.startsWith("large", version)).toBe(true);
    expect(await meta.startsWith("large", '{"version":"v-市-2",')).toBe(false);
    expect(await meta.startsWith("large", "#pieces:")).toBe(false);
  });
});
