import { describe, expect, it } from "vitest";
import { submissionSchema } from "../../../src/intake/body";
import { isJsonContentType } from "../../../src/intake/content-type";
import { DRAIN_MAX_BYTES, decodeUtf8, readCappedBody } from "../../../src/intake/read-body";

describe("isJsonContentType", () => {
  it("accepts application/json with or without charset=utf-8, in any case", () => {
    for (const header of [
      "application/json",
      "Application/JSON",
      "application/json; charset=utf-8",
      "application/json;charset=UTF-8",
      'application/json; charset="utf-8"',
      "application/json;",
    ]) {
      expect(isJsonContentType(header), header).toBe(true);
    }
  });

  it("refuses look-alikes, other charsets, other parameters and a missing header", () => {
    for (const header of [
      "application/jsonp",
      "application/json-seq",
      "application/json5",
      "application/jsonx; charset=utf-8",
      "text/json",
      "text/plain",
      "application/json; charset=gbk",
      "application/json; boundary=x",
      "application/json; charset",
      "",
      undefined,
    ]) {
      expect(isJsonContentType(header), String(header)).toBe(false);
    }
  });
});

/** A body source that counts what the reader pulled and whether it was cancelled. */
function countingStream(totalBytes: number, chunkBytes: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - seen.pulled);
      seen.pulled += size;
      controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("readCappedBody", () => {
  it("returns a body within the cap byte for byte", async () => {
    const sent = new TextEncoder().encode('\uFEFF{"标题":"x"}');
    const result = await readCappedBody(new Blob([sent]).stream(), 64);
    expect(result).toEqual({ ok: true, bytes: sent });
  });

  it("stops keeping at the first chunk past the cap, reads a 1 MB body to its end so the sender gets the answer", async () => {
    const { stream, seen } = countingStream(1024 * 1024, 16 * 1024);

    const result = await readCappedBody(stream, 64 * 1024);

    expect(result).toEqual({ ok: false, readBytes: 64 * 1024 + 16 * 1024 });
    expect(seen.pulled).toBe(1024 * 1024);
    expect(seen.cancelled).toBe(false);
  });

  it("cancels a 300 MB body once DRAIN_MAX_BYTES of it were read", async () => {
    const { stream, seen } = countingStream(300 * 1024 * 1024, 256 * 1024);

    const result = await readCappedBody(stream, 64 * 1024);

    expect(result.ok).toBe(false);
    expect(seen.cancelled).toBe(true);
    // What the reader asked for: the drain's limit, the chunk that crossed it, at most one queued ahead.
    expect(seen.pulled).toBeLessThanOrEqual(DRAIN_MAX_BYTES + 2 * 256 * 1024);
  });

  it("accepts a body of exactly the cap", async () => {
    const { stream } = countingStream(64 * 1024, 16 * 1024);
    const result = await readCappedBody(stream, 64 * 1024);
    expect(result.ok && result.bytes.byteLength).toBe(64 * 1024);
  });
});

describe("decodeUtf8", () => {
  it("drops a leading BOM and refuses bytes that are not UTF-8", () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("{}");
    expect(decodeUtf8(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
  });
});

describe("submittedAt", () => {
  const body = (submittedAt: string) => ({ submissionId: "r1", submittedAt, answers: { 标题: "x" } });
  const issues = (submittedAt: string) => {
    const parsed = submissionSchema.safeParse(body(submittedAt));
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("is refused, naming submittedAt, when its year (Beijing time) is outside 2000–2100", () => {
    expect(issues("9999-01-01T00:00:00+08:00")).toEqual([
      "submittedAt: submittedAt 的年份须在 2000–2100 年之间（北京时间）：请核对提交时间",
    ]);
    expect(issues("1999-12-31T15:59:59Z")).toHaveLength(1); // 23:59:59 in Beijing, still 1999
    expect(issues("2100-12-31T16:00:00Z")).toHaveLength(1); // 2101-01-01 in Beijing
  });

  it("is accepted within the range, and a malformed time gets only the format message", () => {
    expect(issues("1999-12-31T16:00:00Z")).toEqual([]); // 2000-01-01 00:00 in Beijing
    expect(issues("2100-12-31T23:59:59+08:00")).toEqual([]);
    expect(issues("yesterday")).toEqual([
      "submittedAt: submittedAt 应为 ISO 时间，如 2026-03-02T09:30:00+08:00",
    ]);
  });
});
