import { TAB_NAMES } from "../../../sheets-schema/tab-names";
import type { Directory } from "../directory";
import type { Problem } from "../problems";

/** What the check reads of 承办单位, 代表 and 领导: names, rows, 机器人地址 and the channels in use. */
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

/** Who a notice through the robot reaches besides the group: what the holder's link lets the group do. */
const AT_STAKE = {
  deputy: {
    tab: TAB_NAMES.deputies,
    risk: "群里的人都会收到该代表的专属链接，可代其测评、提交建议；建议代表用邮箱接收（通知渠道改为 email）",
  },
  leader: {
    tab: TAB_NAMES.leaders,
    risk: "群里的人都会收到该领导的专属链接，可以领导的名义催办承办单位；建议领导用邮箱接收（通知渠道改为 email），或改用领导本人的机器人",
  },
} as const;

/**
 * 提醒 on each 代表 or 领导 row whose notices go to a group robot (通知渠道 a robot, or inferred from
 * 机器人地址) that another deputy, a leader or a 承办单位 writes too (a 代表团's group robot, a unit's
 * robot typed for its 分管领导): every notice to the deputy carries the deputy's own link, which opens
 * the deputy's suggestions and rates or submits in the deputy's name, and every notice to a leader
 * the leader's, which presses 催办 in the leader's name, so everyone in the group can act as them
 * (a unit's group could urge itself as its leader). Sending is not held (the group may be what the
 * office wants); notices always carry a link that acts (a read-only one is only issued by hand on
 * /links), so the advice is e-mail. A unit's own link in its own group is no such risk: no 提醒 on
 * 承办单位 rows. One pass over the three tabs (领导 when the evaluation holds it).
 */
export function sharedRobotProblems(books: {
  readonly units: Book;
  readonly deputies: Book;
  readonly leaders?: Book;
}): Problem[] {
  const byRobot = new Map<string, string[]>();
  /** Robots a leader writes: a count of others there says 代表、领导和单位, elsewhere 代表和单位. */
  const leaderRobots = new Set<string>();
  const add = (name: string, url: string, leader = false) => {
    const robot = robotOf(url);
    if (!robot) return;
    if (leader) leaderRobots.add(robot);
    const names = byRobot.get(robot);
    if (names) names.push(name);
    else byRobot.set(robot, [name]);
  };
  const holders: [keyof typeof AT_STAKE, Book][] = [];
  if (books.deputies.available) holders.push(["deputy", books.deputies]);
  if (books.leaders?.available) holders.push(["leader", books.leaders]);
  if (holders.length === 0) return [];
  for (const [kind, book] of holders)
    for (const entry of book.entries) add(entry.name, entry.record.botUrl, kind === "leader");
  if (books.units.available) for (const entry of books.units.entries) add(entry.name, entry.record.botUrl);
  const problems: Problem[] = [];
  for (const [kind, book] of holders)
    for (const entry of book.entries) {
      if (!entry.channels.some((c) => c !== "email")) continue;
      // A leader who is also a 代表 of the same name, written twice, is one person: not "others".
      const robot = robotOf(entry.record.botUrl);
      const others = (byRobot.get(robot) ?? []).filter((n) => n !== entry.name);
      if (others.length === 0) continue;
      const named =
        others.length > NAMED
          ? `${others.slice(0, NAMED).join("、")} 等 ${others.length} 个${leaderRobots.has(robot) ? "代表、领导" : "代表"}和单位`
          : others.join("、");
      problems.push({
        tab: AT_STAKE[kind].tab,
        row: entry.rowNumber,
        column: "机器人地址",
        level: "提醒",
        id: null,
        message: `机器人地址与 ${named} 相同：${AT_STAKE[kind].risk}`,
      });
    }
  return problems;
}
