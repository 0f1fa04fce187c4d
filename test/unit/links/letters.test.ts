import { describe, expect, it } from "vitest";
import {
  letterKey,
  letterKeyOfUrl,
  letterKeySuggestion,
  letterUrl,
  sniffLetter,
} from "../../../src/domain/links/letters";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe("答复函 files", () => {
  it("are told apart by their first bytes: PDF, JPEG and PNG", () => {
    expect(sniffLetter(bytes("%PDF-1.7\n"))?.ext).toBe("pdf");
    expect(sniffLetter(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.ext).toBe("jpg");
    expect(sniffLetter(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a))?.ext).toBe("png");
  });

  it("refuse anything else whatever its name says: a program, HTML, SVG, a Word file, an empty file", () => {
    for (const head of [
      bytes("MZ", 0x90, 0),
      bytes("<!DOCTYPE html>"),
      bytes("<svg xmlns="),
      bytes(0x50, 0x4b, 0x03, 0x04),
      bytes(),
      bytes("%PD"),
    ])
      expect(sniffLetter(head)).toBeNull();
  });

  it("live under their suggestion's 编号, and only such keys are served", () => {
    const key = letterKey("2026-007", "link-abc_DEF", "pdf");
    expect(key).toBe("letters/2026-007/link-abc_DEF.pdf");
    expect(letterKeySuggestion(key)).toBe("2026-007");
    expect(letterKeySuggestion(letterKey("建议/1", "x", "png"))).toBe("建议/1");
    expect(letterKeySuggestion("letters/2026-007/../../secret.pdf")).toBeNull();
    expect(letterKeySuggestion("letters/2026-007/x.html")).toBeNull();
    const url = letterUrl("https://jianyi.example", key);
    expect(letterKeyOfUrl(url)).toBe(key);
    expect(letterKeyOfUrl("https://elsewhere.example/letter.pdf")).toBeNull();
    expect(letterKeyOfUrl("not a url")).toBeNull();
  });
});
