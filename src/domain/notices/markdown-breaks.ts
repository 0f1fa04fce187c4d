/**
 * A line break of a plain-text notice as a markdown robot (钉钉) must receive it: standard markdown
 * joins lines of one paragraph into one line (“截至 …台账状态：…”), so each lone `\n` gets two
 * spaces before it (a hard break). A blank line between paragraphs stays as it is.
 */
const LONE_BREAK = /(?<!\n) *\n(?!\n)/g;

export function hardLineBreaks(text: string): string {
  return text.replace(LONE_BREAK, "  \n");
}
