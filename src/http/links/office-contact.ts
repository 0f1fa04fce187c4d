/**
 * How a unit or deputy reaches the office (设置 代表工委联系电话): link pages and their error pages
 * say "请联系代表工委" everywhere, and with the row filled in they say the number beside it.
 */

/** Where link pages name the office to contact: the first such phrase gets the number. */
const ASK_OFFICE = /联系(?:人大常委会)?代表工(?:委|作委员会)/;

/** "代表工委", or "代表工委（电话 0371-1234567）" when 设置 gives a number. */
export function officeWithPhone(phone: string): string {
  return phone ? `代表工委（电话 ${phone}）` : "代表工委";
}

/**
 * A message with the office's number after its "联系代表工委" (or "联系人大常委会代表工作委员会");
 * as written when 设置 has no number or the message names no one to contact.
 */
export function withOfficePhone(text: string, phone: string): string {
  return phone ? text.replace(ASK_OFFICE, (asked) => `${asked}（电话 ${phone}）`) : text;
}

/** Whether a message already tells the reader to contact the office (its page's footer then need not). */
export function asksToContactOffice(text: string): boolean {
  return ASK_OFFICE.test(text);
}
