import type { FormFields } from "../../domain/links/forms";

/**
 * What a person typed into a link page's form, kept for its error page: a post refused after the
 * form was filled in (the link revoked or expired meanwhile, the action closed) must not lose the
 * text, since Back shows the same refusal and a new link may be weeks away.
 */

/**
 * The forms' free-text fields (textareas and text inputs), in the order a page shows them; the
 * choices (答复类别, 满意度, 日期 …) are quickly chosen again. A test checks every textarea and text
 * input of the link forms is here.
 */
export const FREE_TEXT_FIELDS = [
  "标题",
  "内容",
  "内容摘要",
  "答复内容",
  "测评意见",
  "理由",
  "建议承办单位",
  "参加人员",
  "代表意见",
  "说明",
] as const;

/** The fields the route already read of a request (its body can be read only once). */
const readFields = new WeakMap<Request, FormFields>();

/** Called by the form readers: what the error page shows if the route then refuses the post. */
export function keepFields<T extends FormFields>(request: Request, fields: T): T {
  readFields.set(request, fields);
  return fields;
}

/** A refused post is read for the page only up to a reply form's size (the 答复函 with its fields). */
const READ_MAX_BYTES = 11 * 1024 * 1024;

/** The form fields of a refused post: as its route read them, else read here; none when unreadable. */
async function fieldsOf(request: Request): Promise<FormFields> {
  const kept = readFields.get(request);
  if (kept) return kept;
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  const isForm =
    type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
  if (!isForm || request.bodyUsed || !(length <= READ_MAX_BYTES)) return {};
  try {
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of (await request.formData()).entries()) {
      if (typeof value !== "string") continue;
      const held = fields[name];
      fields[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
    }
    return fields;
  } catch {
    return {};
  }
}

export interface TypedText {
  readonly field: string;
  readonly text: string;
}

/** The free text a refused post carried (FREE_TEXT_FIELDS that are not blank), for its error page. */
export async function typedTextOf(request: Request): Promise<TypedText[]> {
  if (request.method !== "POST") return [];
  const fields = await fieldsOf(request);
  const typed: TypedText[] = [];
  for (const field of FREE_TEXT_FIELDS) {
    const value = fields[field];
    const text = (typeof value === "string" ? value : (value ?? []).join("\n")).trim();
    if (text) typed.push({ field, text });
  }
  return typed;
}
