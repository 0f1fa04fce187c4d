import { hardLineBreaks } from "./markdown-breaks";

/**
 * The 督办周报 as the markdown robots receive it. Its title and body are plain text (the same body goes
 * to e-mail, webhooks and 飞书, which show it as typed), made of what staff and deputies typed:
 * titles such as 关于规范*电动自行车*停放, names, 通知模板 text. Markdown would read their `*`, `` ` ``,
 * `<font …>` or `[…](…)` as markup, so those characters are swapped for their full-width look-alikes
 * (＊ ｀ ＜ ＞ ［ ］ ＿), as is a `#` that opens a line (a heading). Not backslash escapes: 企业微信's
 * documented markdown subset (bold, links, inline code, quotes, <font color>, <@userid>) names none,
 * and 钉钉's neither. The message's own markup (the bold or heading title, the hard line breaks) is
 * added after, and addresses (the dashboard's, a personal link) are left exactly as they are, so
 * that they still open.
 */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  "*": "＊",
  "`": "｀",
  "<": "＜",
  ">": "＞",
  "[": "［",
  "]": "］",
  _: "＿",
  "#": "＃",
};

/**
 * An address (kept whole: it runs to the first space, non-ASCII character or one of `[ ] ( ) < > " \``,
 * so markup typed right after it, such as `http://gov.cn[打开](http://…)` or `<a href="…">`, is
 * swapped like any other), or a character to swap.
 */
const MARKUP = /(https?:\/\/(?:(?![[\]()<>"`])[!-~])+)|^([ \t]*)#|[*`<>[\]_]/gm;

/** `text` with no character a markdown robot would read as markup, its addresses unchanged. */
export function markdownSafe(text: string): string {
  return text.replace(MARKUP, (match: string, url?: string, indent?: string) => {
    if (url) return url;
    if (indent !== undefined) return `${indent}${FULL_WIDTH["#"]}`;
    return FULL_WIDTH[match] ?? match;
  });
}

/** 企业微信's markdown message: the title in bold on a line of its own, then the body. */
export function wecomMarkdown(title: string, body: string): string {
  return `**${markdownSafe(title)}**\n${markdownSafe(body)}`;
}

/**
 * 钉钉's markdown message: the title as a heading, then the body, whose lone line breaks are made
 * hard ones (钉钉 would join those lines).
 */
export function dingtalkMarkdown(title: string, body: string): string {
  return `### ${markdownSafe(title)}\n\n${hardLineBreaks(markdownSafe(body))}`;
}
