/**
 * `.dev.vars.local` (`<state>/dev.vars.local` with --state): what an operator writes there to rehearse
 * a rotation (a new LINK_SECRET, a service-account key, another SPREADSHEET_ID) is merged over npm
 * start's fixed local values on every start, and npm start says in Chinese which names it took,
 * never their values.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  overrideLines,
  readLocalOverrides,
  WORKER_SETTINGS,
  writeDevVars,
} from "../../../tools/local-stack/dev-vars-local";
import { freePorts } from "../../support/ports";
import { allFree, processesMentioning, runStart, type StartRun, stopLeftovers } from "./run-start";

const START_TIMEOUT_MS = 240_000;

let state: string | undefined;
let run: StartRun | undefined;

function stateDir(): string {
  state = mkdtempSync(path.join(tmpdir(), "jianyi-dev-vars-local-"));
  return state;
}

afterEach(async () => {
  if (state) await stopLeftovers(state);
  if (run && run.child.exitCode === null && run.child.signalCode === null) {
    run.child.kill("SIGINT");
    await run.exited;
  }
  run = undefined;
  if (state) rmSync(state, { recursive: true, force: true });
  state = undefined;
}, 60_000);

const DEFAULTS = {
  ENVIRONMENT: "development",
  SPREADSHEET_ID: "demo",
  LINK_SECRET: "local-link-secret-for-npm-start-only-do-not-deploy",
  GOOGLE_SERVICE_ACCOUNT: JSON.stringify({
    client_email: "a@b",
    private_key: "-----BEGIN PRIVATE KEY-----\nx",
  }),
};

describe(".dev.vars.local", () => {
  it("puts its LINK_SECRET into the dev vars the Worker reads, and names only the names it took", () => {
    const dir = stateDir();
    const devVars = path.join(dir, "dev.vars");
    const secret = "rehearsal-secret-0123456789abcdef0123456789";
    writeFileSync(
      `${devVars}.local`,
      `# 演练更换密钥\nLINK_SECRET=${secret}\nexport SPREADSHEET_ID='copy-of-demo'\n\n`,
    );
    const overrides = readLocalOverrides(devVars);
    writeDevVars(devVars, DEFAULTS, overrides);

    // wrangler dev reads the file as dotenv: what it parses is what the Worker gets.
    const worker = parseEnv(readFileSync(devVars, "utf8"));
    expect(worker.LINK_SECRET).toBe(secret);
    expect(worker.SPREADSHEET_ID).toBe("copy-of-demo");
    expect(JSON.parse(worker.GOOGLE_SERVICE_ACCOUNT ?? "")).toEqual(
      JSON.parse(DEFAULTS.GOOGLE_SERVICE_ACCOUNT),
    );
    expect(worker.ENVIRONMENT).toBe("development");

    const said = overrideLines(overrides).join("\n");
    expect(said).toContain(`已从 ${devVars}.local 采用：LINK_SECRET、SPREADSHEET_ID`);
    expect(said).not.toContain(secret);
    expect(said).not.toContain("copy-of-demo");
  });

  it("reports in Chinese an unknown name and a line that is not NAME=value, by line number, and leaves them out", () => {
    const dir = stateDir();
    const devVars = path.join(dir, "dev.vars");
    writeFileSync(
      `${devVars}.local`,
      "LINK_SECRT=rehearsal-secret-0123456789abcdef0123456789\nthe key I got from the chat group\nLINK_SECRET='unclosed\n",
    );
    const overrides = readLocalOverrides(devVars);
    writeDevVars(devVars, DEFAULTS, overrides);

    const worker = parseEnv(readFileSync(devVars, "utf8"));
    expect(worker.LINK_SECRET).toBe(DEFAULTS.LINK_SECRET);
    expect(worker.LINK_SECRT).toBeUndefined();
    const said = overrideLines(overrides).join("\n");
    expect(said).toContain(
      `${devVars}.local 第 1 行：Worker 没有叫 LINK_SECRT 的设置（是不是 LINK_SECRET？），这一行没有采用`,
    );
    expect(said).toContain(
      `${devVars}.local 第 2 行：不是“名字=值”的格式（如 LINK_SECRET=新的值），这一行没有采用`,
    );
    expect(said).toContain(`${devVars}.local 第 3 行：引号没有配对，这一行没有采用`);
    expect(said).toContain(`${devVars}.local 里没有可采用的设置，全部用 npm start 的本地默认值`);
    // A malformed line may be a pasted secret: it is never echoed.
    expect(said).not.toContain("chat group");
    expect(said).not.toContain("rehearsal-secret");
  });

  it("takes exactly the Worker's string settings (src/env.ts)", () => {
    const env = readFileSync(path.resolve(import.meta.dirname, "../../../src/env.ts"), "utf8");
    const names = [...env.matchAll(/^\s+([A-Z][A-Z0-9_]*)\??: string;$/gm)].map((m) => m[1]);
    expect([...WORKER_SETTINGS].sort()).toEqual(names.sort());
  });

  it("says nothing when there is no such file", () => {
    const dir = stateDir();
    expect(overrideLines(readLocalOverrides(path.join(dir, "dev.vars")))).toEqual([]);
  });

  it(
    "npm start gives the Worker the LINK_SECRET written in <state>/dev.vars.local (the Worker's own check of it fails the start)",
    async () => {
      const ports = await freePorts(3);
      const [worker, emulator, sink] = ports as [number, number, number];
      const dir = stateDir();
      // Too short on purpose: the Worker's /healthz names its length, so the value it got is seen.
      writeFileSync(path.join(dir, "dev.vars.local"), "LINK_SECRET=short-one\n");
      run = runStart([
        "--port",
        `${worker}`,
        "--emulator-port",
        `${emulator}`,
        "--sink-port",
        `${sink}`,
        "--state",
        dir,
      ]);
      expect(await run.exited).toBe(1);
      const out = run.output();
      expect(out).toContain(`已从 ${path.join(dir, "dev.vars.local")} 采用：LINK_SECRET`);
      expect(out).toContain("LINK_SECRET 太短（9 个字符）");
      expect(out).not.toContain("short-one");
      expect(out).not.toContain("就绪 ready");
      expect(await allFree(ports)).toEqual([true, true, true]);
      expect(processesMentioning(dir)).toEqual([]);
    },
    START_TIMEOUT_MS,
  );
});
