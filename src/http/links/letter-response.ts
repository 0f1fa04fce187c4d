import type { LetterStore } from "../../store/letters";
import { HttpError } from "../errors";

const EXTENSIONS: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

/**
 * A 答复函 from the private bucket, shown in the browser (not downloaded) under its suggestion's
 * name. Only the three types the upload accepted are served as themselves; anything else would be
 * served as a download, never rendered.
 */
export async function letterResponse(
  letters: LetterStore | null,
  key: string,
  suggestionId: string,
): Promise<Response> {
  if (!letters) throw new HttpError(503, "letters_unavailable", "答复函存储（R2 LETTERS）未配置");
  const letter = await letters.get(key);
  if (!letter) throw new HttpError(404, "no_letter", "没有这个答复函：可能已被删除");
  const ext = EXTENSIONS[letter.contentType];
  const name = `${suggestionId}-答复函.${ext ?? "bin"}`;
  return new Response(letter.body, {
    headers: {
      "content-type": ext ? letter.contentType : "application/octet-stream",
      "content-length": String(letter.size),
      "content-disposition": `${ext ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "private, no-store",
    },
  });
}
