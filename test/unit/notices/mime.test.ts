import { TextDecoder } from "node:util";
import { describe, expect, it } from "vitest";
import { buildMime, encodeHeaderWords } from "../../../src/channels/mime";

const strict = new TextDecoder("utf-8", { fatal: true });

const WORD = /=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g;

/**
 * Decodes RFC 2047 words one by one (each must hold whole characters on its own): folding between
 * two encoded words disappears, other folding becomes a space.
 */
function decodeWords(value: string): string {
  const unfolded = value.replace(/\?=\r\n =\?/g, "?==?").replace(/\r\n /g, " ");
  return unfolded.replace(WORD, (word, b64: string) => {
    expect(word.length).toBeLessThanOrEqual(75);
    return strict.decode(Buffer.from(b64, "base64"));
  });
}

function parse(raw: string) {
  const [head = "", body = ""] = raw.split("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r\n(?! )/)) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 2));
  }
  return { headers, body, lines: raw.split("\r\n") };
}

const MAIL = {
  from: "notices@rd.example.gov.cn",
  fromName: "北城区人大常委会代表工委",
  to: "jyj@example.gov.cn",
  subject: "建议办理逾期催办：2026-007 已逾期 12 天（关于加快推进柏庄镇卫生院建设的建议）",
  text: "区教育局：\n办理期限已过，请立即办理并答复代表。\n测评链接：https://rate.example.gov.cn/?id=2026-007",
  messageId: "notice-7@rd.example.gov.cn",
  date: new Date("2026-03-02T01:00:00Z"),
};

describe("MIME e-mail", () => {
  it("encodes a long Chinese subject as UTF-8 encoded-words that decode back exactly", () => {
    const { headers } = parse(buildMime(MAIL));
    expect(decodeWords(headers.get("subject") ?? "")).toBe(MAIL.subject);
    expect(decodeWords(headers.get("from") ?? "")).toBe(`${MAIL.fromName} <notices@rd.example.gov.cn>`);
  });

  it("carries the body as base64 UTF-8 with CRLF line ends and short lines", () => {
    const raw = buildMime(MAIL);
    const { headers, body, lines } = parse(raw);
    expect(headers.get("content-type")).toBe("text/plain; charset=UTF-8");
    expect(headers.get("content-transfer-encoding")).toBe("base64");
    expect(headers.get("date")).toBe("Mon, 02 Mar 2026 01:00:00 +0000");
    expect(headers.get("message-id")).toBe("<notice-7@rd.example.gov.cn>");
    expect(strict.decode(Buffer.from(body.replace(/\r\n/g, ""), "base64"))).toBe(
      MAIL.text.replace(/\n/g, "\r\n"),
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(78);
    expect(raw.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("leaves plain ASCII headers as they are", () => {
    expect(encodeHeaderWords("Weekly digest")).toBe("Weekly digest");
  });

  it("never splits a four-byte character between words", () => {
    const text = "😀".repeat(40);
    expect(decodeWords(encodeHeaderWords(text))).toBe(text);
  });
});
