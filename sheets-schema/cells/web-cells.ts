import * as z from "zod";
import { type CellType, describeRaw, textOf, wrongShapeMessage } from "./cell-type";

const URL_MAX = 2000;

/** An http(s) address: a bot webhook, a rating form. */
export function urlCell(): CellType<string, ""> {
  const schema = z.preprocess(
    textOf,
    z
      .string({ error: (issue) => wrongShapeMessage(issue.input, "网址") })
      .max(URL_MAX, { error: `网址超过 ${URL_MAX} 个字符` })
      .pipe(
        z.url({
          protocol: /^https?$/,
          error: (issue) =>
            `网址${describeRaw(issue.input)}无效：应以 https:// 或 http:// 开头，整段复制过来`,
        }),
      ),
  );
  return { kind: "url", schema, blank: "", maxLength: URL_MAX };
}

const EMAIL_MAX = 254;

/** What stands between two addresses pasted into one cell, or around one: separators, brackets, quotes. */
const ADDRESS_BOUNDARY = /[\s\u3000;；,，、:：<>＜＞()（）"“”'‘’]+/;

// How a mail client copies a recipient (姓名 <地址>, ＜＞ when typed with a Chinese IME) and how staff
// write one by hand (地址（姓名）). The address inside is the one notices go to. Written so that
// no two parts can match the same characters: a long cell costs one pass, not one per character.
const NAME_THEN_ADDRESS = /^[^<>＜＞]*[<＜]\s*(?<address>[^<>＜＞\s]+)\s*[>＞]$/;
const ADDRESS_THEN_NAME = /^(?<address>[^\s()（）]+)\s*[(（][^()（）]*[)）]$/;

/** Addresses a two-address message names; a pasted mailing list is not quoted whole. */
const LISTED_MAX = 3;

/** The distinct addresses (text around an @) a cell holds, in the order written. */
function addressesIn(text: string): string[] {
  const seen = new Map<string, string>();
  for (const part of text.split(ADDRESS_BOUNDARY)) {
    const at = part.indexOf("@");
    if (at > 0 && at < part.length - 1 && !seen.has(part.toLowerCase())) seen.set(part.toLowerCase(), part);
  }
  return [...seen.values()];
}

/**
 * The address a 邮箱 cell holds: the cell itself, or the address inside 姓名 <地址> / 地址（姓名）.
 * Two addresses, or one with other words around it, are refused with what to write instead: taking
 * the first of two would silently drop the one the unit meant.
 */
function emailOf(raw: unknown, ctx: z.RefinementCtx): unknown {
  const text = textOf(raw);
  if (typeof text !== "string" || !text.includes("@")) return text;
  const addresses = addressesIn(text);
  if (addresses.length > 1) {
    const listed =
      addresses.length > LISTED_MAX ? `${addresses.slice(0, LISTED_MAX).join("、")}等` : addresses.join("、");
    ctx.addIssue({
      code: "custom",
      message: `一格只填一个邮箱：这里有 ${addresses.length} 个（${listed}），请只留接收通知的那一个，其余可写在备注`,
    });
    return z.NEVER;
  }
  const named = NAME_THEN_ADDRESS.exec(text) ?? ADDRESS_THEN_NAME.exec(text);
  if (named?.groups?.address) return named.groups.address;
  const [address] = addresses;
  if (address !== undefined && address !== text) {
    ctx.addIssue({
      code: "custom",
      message: `邮箱${describeRaw(text)}里除了地址还有别的文字：请只填 ${address}，其余可写在备注`,
    });
    return z.NEVER;
  }
  return text;
}

/** An e-mail address; 姓名 <地址> and 地址（姓名） are read as the address inside. */
export function emailCell(): CellType<string, ""> {
  const schema = z.preprocess(
    emailOf,
    z
      .string({ error: (issue) => wrongShapeMessage(issue.input, "邮箱") })
      .max(EMAIL_MAX, { error: "邮箱地址过长" })
      .pipe(
        z.email({ error: (issue) => `邮箱${describeRaw(issue.input)}格式不对：应形如 name@example.gov.cn` }),
      ),
  );
  return { kind: "email", schema, blank: "", maxLength: EMAIL_MAX };
}
