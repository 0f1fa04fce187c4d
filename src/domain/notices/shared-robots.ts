import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Directory } from "../directory";
import type { Problem } from "../problems";

/** What the check reads of 承办单位 and 代表: names, rows, 机器人地址 and the channels in use. */
type Book = Pick<Directory<{ readonly name: string; readonly botUrl: string }>, "available" | "entries">;

/** How many of the others one 提醒 names before saying how many there are. */
const NAMED = 5;

/**
 * The robot an address reaches: the address trimmed, without the `#…` a signed robot's secret is
 * written after (钉钉 `#SEC…`), so one group's robot written with and without it is one robot.
 */
function robotOf(url: string): string {
  const trimmed = url.trim();
  const hash = trimmed.indexOf("#");
  return hash >= 0 ? trimmed.slice(0, hash) : trimmed;
}

/**
 * 提醒 on each 代表 row whose notices go to a group robot (通知渠道 a robot, or inferred from
 * 机器人地址) that another deputy or a 承办单位 writes too (a 代表团's group robot): every notice to
 * the deputy carries the deputy's own link, which opens the deputy's suggestions and rates or
 * submits in the deputy's name, so everyone in the group can act as the deputy. Sending is not held
 * (the group may be what the office wants); notices always carry a link that acts (a read-only one
 * is only issued by hand on /links), so the advice is e-mail. One pass over both tabs.
 */
export function sharedRobotProblems(books: { readonly units: Book; readonly deputies: Book }): Problem[] {
  if (!books.deputies.available) return [];
  const byRobot = new Map<string, string[]>();
  const add = (name: string, url: string) => {
    const robot = robotOf(url);
    if (!robot) return;
    const names = byRobot.get(robot);
    if (names) names.push(name);
    else byRobot.set(robot, [name]);
  };
  for (const entry of books.deputies.entries) add(entry.name, entry.record.botUrl);
  if (books.units.available) for (const entry of books.units.entries) add(entry.name, entry.record.botUrl);
  const problems: Problem[] = [];
  for (const entry of books.deputies.entries) {
    if (!entry.channels.some((c) => c !== "email")) continue;
    const others = (byRobot.get(robotOf(entry.record.botUrl)) ?? []).filter((n) => n !== entry.name);
    if (others.length === 0) continue;
    const named =
      others.length > NAMED
        ? `${others.slice(0, NAMED).join("、")} 等 ${others.length} 个代表和单位`
        : others.join("、");
    problems.push({
      tab: TAB_NAMES.deputies,
      row: entry.rowNumber,
      column: "机器人地址",
      level: "提醒",
      id: null,
      message: `机器人地址与 ${named} 相同：群里的人都会收到该代表的专属链接，可代其测评、提交建议；建议代表用邮箱接收（通知渠道改为 email）`,
    });
  }
  return problems;
}
