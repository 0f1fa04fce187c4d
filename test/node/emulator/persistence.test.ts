import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateServiceAccount } from "../../../tools/sheets-emulator/service-account";
import { occupy } from "../../support/ports";
import {
  enc,
  exchangeAssertion,
  STATIC_TOKEN,
  signAssertion,
  startTestEmulator,
  type TestEmulator,
} from "./helpers";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("persistence to a state file", () => {
  let running: TestEmulator | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it("saves spreadsheets and issued tokens on close and loads them at the next start", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "emu-state-")), "nested", "state.json");
    running = await startTestEmulator({ stateFile });
    running.emulator.createSpreadsheet({ spreadsheetId: "demo", sheets: [{ title: "建议台账" }] });
    const { access_token: token } = running.emulator.issueToken("sync@example.iam.gserviceaccount.com");
    await running.call("PUT", `/v4/spreadsheets/demo/values/${enc("'建议台账'!A1")}?valueInputOption=RAW`, {
      values: [["F-0001", "修路"]],
    });
    await running.close();
    running = undefined;
    expect(existsSync(stateFile)).toBe(true);

    running = await startTestEmulator({ stateFile });
    const read = await running.call(
      "GET",
      `/v4/spreadsheets/demo/values/${enc("'建议台账'!A1:B1")}`,
      undefined,
      token,
    );
    expect(read.body).toEqual({
      range: "'建议台账'!A1:B1",
      majorDimension: "ROWS",
      values: [["F-0001", "修路"]],
    });
  });

  it("loads a state file written before merges, sizes, groups and named ranges were kept", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "emu-state-")), "state.json");
    const sheet = {
      sheetId: 0,
      title: "建议台账",
      gridProperties: { rowCount: 10, columnCount: 3 },
      extra: {},
      rows: [[{ userEnteredValue: { stringValue: "编号" } }]],
      protectedRanges: [],
      conditionalFormats: [],
    };
    const spreadsheet = { spreadsheetId: "old", title: "旧", locale: "zh_CN", timeZone: "Asia/Shanghai" };
    const state = {
      version: 1,
      spreadsheets: [{ ...spreadsheet, autoRecalc: "ON_CHANGE", sheets: [sheet], private: false }],
      tokens: [],
      serviceAccounts: [],
    };
    writeFileSync(stateFile, JSON.stringify(state));
    running = await startTestEmulator({ stateFile });
    const merged = await running.call("POST", "/v4/spreadsheets/old:batchUpdate", {
      requests: [
        {
          mergeCells: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
          },
        },
        {
          addNamedRange: {
            namedRange: { name: "表头", range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 } },
          },
        },
      ],
    });
    expect(merged.status).toBe(200);
    expect(running.emulator.getValues("old", "表头")).toEqual([["编号"]]);
  });

  it("refuses a state file it cannot read, saying which and what to do, and leaves it as it is", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "emu-state-")), "state.json");
    writeFileSync(stateFile, "{not json");
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(
      `模拟器的状态文件 ${stateFile} 读不了（不是有效的 JSON：`,
    );
    expect(readFileSync(stateFile, "utf8")).toBe("{not json");
    writeFileSync(stateFile, JSON.stringify({ version: 2 }));
    await expect(startTestEmulator({ stateFile })).rejects.toThrow(
      `读不了（版本 2 不受支持）。它保存着本地模拟表格的内容：把它改名备份（或删除）后重新启动，会重新建立演示表格`,
    );
  });

  it("saves shortly after a change without waiting for close", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "emu-state-")), "state.json");
    running = await startTestEmulator({ stateFile });
    await running.call("POST", "/v4/spreadsheets", { properties: { title: "saved soon" } });
    await vi.waitFor(() => expect(readFileSync(stateFile, "utf8")).toContain("saved soon"), {
      timeout: 3000,
    });
  });
});

describe("the CLI", () => {
  it("names a busy port and the flag that moves it, and exits 1", async () => {
    const busy = await occupy();
    const { port } = busy;
    try {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "tools/sheets-emulator/cli.ts", "--port", `${port}`],
        {
          cwd: projectRoot,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
      expect(code).toBe(1);
      expect(stderr).toMatch(
        new RegExp(
          `^端口 ${port} 已被占用（Sheets 模拟器）：请先停止占用它的程序，或换一个端口，例如 npm run emulator -- --port \\d+\n` +
            `port ${port} \\(Sheets emulator\\) is busy: stop whatever uses it, or choose another port, e\\.g\\. npm run emulator -- --port \\d+\n$`,
        ),
      );
    } finally {
      await busy.close();
    }
  });

  it("starts with a key file and a static token, prints its URL, and saves state on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "emu-cli-"));
    const account = generateServiceAccount("cli@jianyi-test.iam.gserviceaccount.com");
    const keyPath = path.join(dir, "service-account.json");
    const statePath = path.join(dir, "state.json");
    writeFileSync(keyPath, JSON.stringify(account.keyFile));
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "tools/sheets-emulator/cli.ts",
        "--port",
        "0",
        "--static-token",
        STATIC_TOKEN,
        "--state",
        statePath,
        "--service-account",
        keyPath,
      ],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(output);
        if (m?.[1]) resolve(m[1]);
      });
      child.stderr.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.on("exit", () => reject(new Error(`CLI exited early:\n${output}`)));
    });
    const token = (await exchangeAssertion(url, await signAssertion(account))).body.access_token as string;
    const created = await fetch(`${url}/v4/spreadsheets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ properties: { title: "from the CLI" } }),
    });
    expect(created.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(readFileSync(statePath, "utf8")).toContain("from the CLI");
  });
});
