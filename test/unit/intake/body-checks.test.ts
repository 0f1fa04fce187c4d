import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fieldErrors, submissionSchema } from "../../../src/intake/body";
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
  afterEach(() => vi.useRealTimers());
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
    // The last second of the range, sent when it is past (a submittedAt ahead of the clock is refused).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2101-01-01T00:00:00+08:00"));
    expect(issues("2100-12-31T23:59:59+08:00")).toEqual([]);
    expect(issues("yesterday")).toEqual([
      "submittedAt: submittedAt 应为提交时间：ISO 时间（如 2026-03-02T09:30:00+08:00）、北京时间（如 2026-03-02 09:30:00）或毫秒时间戳（如 1772415000000）",
    ]);
  });
});

describe("a submittedAt ahead of the Worker's clock", () => {
  const issues = (submittedAt: string) => {
    const parsed = submissionSchema.safeParse({ submissionId: "r1", submittedAt, answers: { 标题: "x" } });
    return parsed.success ? [] : fieldErrors(parsed.error);
  };
  // 16:02:49 on 2026-12-07 in Beijing.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-12-07T08:02:49Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("is accepted up to 10 minutes ahead (a platform's clock a little fast)", () => {
    expect(issues("2026-12-07T16:12:49+08:00")).toEqual([]);
  });

  it("is refused when Beijing time is labelled Z, with the time written as +08:00 to send instead", () => {
    expect(issues("2026-12-07T16:02:49Z")).toEqual([
      {
        field: "submittedAt",
        message:
          "submittedAt 晚于当前时间：请用带时区的时间，北京时间写作 …+08:00（如 2026-12-07T16:02:49+08:00）",
      },
    ]);
  });

  it("is refused more than 10 minutes ahead though labelled +08:00, with the time now as the example", () => {
    expect(issues("2026-12-07T16:13:00+08:00")).toEqual([
      {
        field: "submittedAt",
        message:
          "submittedAt 晚于当前时间：请用带时区的时间，北京时间写作 …+08:00（如 2026-12-07T16:02:49+08:00）",
      },
    ]);
  });
});

describe("what a form platform is told of a body the schema refuses", () => {
  const told = (body: unknown) => {
    const parsed = submissionSchema.safeParse(body);
    return parsed.success ? [] : fieldErrors(parsed.error);
  };
  const ok = { submissionId: "r1", submittedAt: "2026-03-02T09:30:00+08:00", answers: { 标题: "x" } };

  it("names each field left out, and what it is for", () => {
    expect(told({})).toEqual([
      { field: "submissionId", message: "缺少 submissionId（每次提交的唯一编号）" },
      { field: "submittedAt", message: "缺少 submittedAt（提交时间，如 2026-03-02T09:30:00+08:00）" },
      { field: "answers", message: "缺少 answers（表单的答案，按题目名称）" },
    ]);
  });

  it("says what type a field sent as another must be", () => {
    expect(told({ submissionId: 17, submittedAt: 1_772_415_000, answers: [1, 2] })).toEqual([
      { field: "submissionId", message: "submissionId 须为文本" },
      {
        field: "submittedAt",
        message:
          "submittedAt 应为提交时间：ISO 时间（如 2026-03-02T09:30:00+08:00）、北京时间（如 2026-03-02 09:30:00）或毫秒时间戳（如 1772415000000）",
      },
      { field: "answers", message: 'answers 须为对象，按题目名称填写答案，如 {"标题": "…"}' },
    ]);
    expect(told([ok])).toEqual([
      { field: "(body)", message: "提交内容须为 JSON 对象，含 submissionId、submittedAt 和 answers" },
    ]);
  });

  it("says what is wrong with an answer, by its question", () => {
    const answers = {
      标题: "x".repeat(20_001),
      附件: { name: "a.pdf" },
      联名代表: ["王建国", 3],
      选项: Array.from({ length: 201 }, () => "x"),
      ["题".repeat(201)]: "x",
    };
    expect(told({ ...ok, submissionId: "r".repeat(201), answers })).toEqual([
      { field: "submissionId", message: "submissionId 不能超过 200 个字符" },
      { field: "answers.标题", message: "答案不能超过 20000 个字符" },
      { field: "answers.附件", message: "答案须为文本、数字、是/否、null 或文本的列表" },
      { field: "answers.联名代表", message: "列表里的每一项须为文本" },
      { field: "answers.选项", message: "列表不能超过 200 项" },
      { field: `answers.${"题".repeat(201)}`, message: "题目名称不能超过 200 个字符" },
    ]);
  });

  it("no message is zod's own", () => {
    const bodies = [
      {},
      { submissionId: 1, submittedAt: null, answers: "x" },
      { ...ok, answers: { a: [{}] } },
    ];
    for (const body of bodies) {
      for (const { message } of told(body)) expect(message).not.toMatch(/无效输入|期望|Invalid/);
    }
  });
});
