import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "../support/sync-helpers";
import { browse, buildLinkOffice, makeLink, nonceOf, PDF, postMultipart, syncOffice } from "./links-setup";

/**
 * 区教育局 replies to 2026-001 from a phone and picks a 19.3 MB photo of the letter: the refusal says
 * what a phone user can do with a photo, not how to compress a PDF in WPS; a PDF keeps that advice.
 */
const office = `photo-large-${crypto.randomUUID().slice(0, 8)}`;
const PHOTO_BYTES = Math.round(19.3 * 1024 * 1024);
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe1, 0x00, 0x18, 0x45, 0x78, 0x69, 0x66];
let unit = "";

beforeAll(async () => {
  await resetDatabase();
  await buildLinkOffice(office);
  await syncOffice(office);
  unit = `${(await makeLink("unit", "区教育局")).path}/s/2026-001`;
});

function file(head: readonly number[] | Uint8Array, bytes: number): Uint8Array {
  const body = new Uint8Array(bytes);
  body.set(head);
  return body;
}

async function uploaded(body: Uint8Array, name: string): Promise<string> {
  const nonce = nonceOf(await (await browse(unit)).text(), `${unit}/reply`);
  const response = await browse(`${unit}/letter?nonce=${nonce}&name=${encodeURIComponent(name)}`, {
    method: "PUT",
    body,
    headers: { "content-type": "application/octet-stream", "content-length": String(body.byteLength) },
  });
  expect(response.status).toBe(413);
  return ((await response.json()) as { error: { message: string } }).error.message;
}

describe("a letter over 10 MB from a phone", () => {
  it("advises a photo's sender to take a screenshot or send it without 原图, sent by the form's script", async () => {
    const message = await uploaded(file(JPEG_HEAD, PHOTO_BYTES), "IMG_20261206_093012.jpg");
    expect(message).toBe(
      "答复函图片约 19.3 MB，超过 10 MB 的上限：请在相册中打开照片，放大到答复函占满屏幕后截屏，上传截图，" +
        "或发给微信“文件传输助手”（不勾选“原图”），保存收到的图片后上传",
    );
    expect(message).not.toContain("PDF 压缩");
  });

  it("gives the same advice when the form is posted with the photo (no script)", async () => {
    const form = new FormData();
    form.append("nonce", nonceOf(await (await browse(unit)).text(), `${unit}/reply`));
    form.append("答复类别", "A");
    form.append("答复内容", "已拓宽道路。");
    form.append("答复函", new File([file(JPEG_HEAD, PHOTO_BYTES)], "IMG_2041.jpg", { type: "image/jpeg" }));
    const response = await postMultipart(`${unit}/reply`, form);
    const html = await response.text();
    expect(response.status).toBe(413);
    expect(html).toContain(
      "答复函图片约 19.3 MB，超过 10 MB 的上限：请在相册中打开照片，放大到答复函占满屏幕后截屏",
    );
    expect(html).not.toContain("PDF 压缩");
    expect(html).toContain("已拓宽道路。");
  });

  it("keeps the PDF advice for a PDF", async () => {
    const message = await uploaded(file(PDF, 11 * 1024 * 1024), "扫描件.pdf");
    expect(message).toBe(
      "答复函文件约 11.0 MB，超过 10 MB 的上限：请压缩后（如 WPS“PDF 压缩”、降低扫描分辨率）重新上传",
    );
  });
});
