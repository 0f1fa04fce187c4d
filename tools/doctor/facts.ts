/** What the doctor found out about a deployment, as plain data; the verdicts are pure functions of it. */

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string };

export interface ConfigFacts {
  /** wrangler.toml's [[d1_databases]] DB database_id (null when missing). */
  readonly databaseId: string | null;
  /** [vars] names and values from wrangler.toml. */
  readonly vars: Readonly<Record<string, string>>;
  readonly crons: readonly string[];
  readonly queues: readonly string[];
}

export interface SheetFacts {
  readonly spreadsheetId: string;
  readonly apiBase: string;
  readonly serviceAccount: string;
  /** sheet:init --check: differences from the schema (empty: laid out), and notes for a person. */
  readonly layout: Outcome<{ readonly changes: readonly string[]; readonly notes: readonly string[] }>;
  /**
   * 设置 代表工委联系电话 as the Worker reads it, from the 设置 values the check above read: "" when
   * blank, its row or the tab missing (link pages then name no number). Absent: the sheet was not read.
   */
  readonly officePhone?: string;
}

/** What is wrong with a 机器人地址's shape, and what to do, in Chinese. */
export interface RobotProblem {
  /** Said right after the address: 不是完整的网址, 缺少 access_token=…. */
  readonly what: string;
  readonly todo: string;
}

/** The problem of a 机器人地址 that is no URL at all (htps//…, a host without https://). */
export const NOT_A_URL: RobotProblem = { what: "不是完整的网址", todo: "请写成 https:// 开头的完整地址" };

export interface RobotFacts {
  /**
   * scheme://host of a 机器人地址; for an ill-formed one (`invalid`) the address as typed, masked
   * (keys and tokens cut short). The secret after # is never kept.
   */
  readonly origin: string;
  /** Not the shape its platform gives out (not a URL, no key or token): not knocked on. */
  readonly invalid?: boolean;
  /** What is wrong with an invalid one (absent: not a URL at all). */
  readonly problem?: RobotProblem;
  /** Who uses it: 承办单位 or 代表 names. */
  readonly usedBy: readonly string[];
  /** An HTTP status means the host answered; an error says why it did not. */
  readonly reach: Outcome<number>;
  /** The error is a name that does not resolve (a typing slip), not a slow network. */
  readonly unknownHost: boolean;
}

/** Local mode: which run of npm start was checked, so the advice names the same one. */
export interface LocalStackFacts {
  /** `npm start`, or `npm start -- --state <dir>`. */
  readonly start: string;
  /** The dev vars as staff know them: .dev.vars, or its path under --state. */
  readonly devVars: string;
  /** wrangler's flags for that run's D1: --local, and --persist-to <dir>/wrangler under --state. */
  readonly d1Flags: readonly string[];
}

export interface Facts {
  readonly mode: "local" | "remote";
  /** Local mode (absent: plain npm start). */
  readonly local?: LocalStackFacts;
  readonly config: Outcome<ConfigFacts>;
  /** Secret names (remote: `wrangler secret list`; local: .dev.vars). */
  readonly secrets: Outcome<readonly string[]>;
  /** Migrations D1 has not applied yet (`wrangler d1 migrations list DB`). */
  readonly migrations: Outcome<readonly string[]>;
  /** null: not checked, with the reason. */
  readonly sheet: SheetFacts | { readonly skipped: string };
  readonly robots: readonly RobotFacts[] | { readonly skipped: string };
  /** Local mode: the notice sink the Worker sends every notice to. */
  readonly sink?: { readonly url: string; readonly reach: Outcome<number> };
  /** GET /healthz of the Worker, when an address was given (or the local one). */
  readonly health?: { readonly url: string; readonly reach: Outcome<{ status: number; message: string }> };
}
