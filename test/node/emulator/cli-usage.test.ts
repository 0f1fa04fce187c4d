import { describe, expect, it } from "vitest";
import { runTsx } from "../provision/helpers";

const CLI = "tools/sheets-emulator/cli.ts";
const CLI_TIMEOUT_MS = 60_000;

describe("npm run emulator -- --help, and an option it does not know", () => {
  it(
    "--help prints a short usage in Chinese and starts nothing",
    async () => {
      const run = await runTsx(CLI, ["--help"], {});
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^用法: npm run emulator -- \[--port <端口>\]/);
      expect(run.stdout).toContain("--service-account <密钥文件>");
      expect(run.stdout).not.toContain("listening");
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "an unknown option is one Chinese line and exit code 2, no stack trace",
    async () => {
      const run = await runTsx(CLI, ["--prot", "8790"], {});
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toBe("不认识的选项 --prot：运行 npm run emulator -- --help 查看可用的选项");
    },
    CLI_TIMEOUT_MS,
  );
});
