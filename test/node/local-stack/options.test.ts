import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStackArgs, stackUrls } from "../../../tools/local-stack/options";
import { busyPortMessage } from "../../../tools/local-stack/ports";

describe("npm start options", () => {
  it("defaults to 8787, 8790 and 8791 with state in .local/ and .dev.vars", () => {
    const options = parseStackArgs([]);
    expect(stackUrls(options)).toEqual({
      worker: "http://127.0.0.1:8787",
      emulator: "http://127.0.0.1:8790",
      sink: "http://127.0.0.1:8791",
    });
    expect(path.basename(options.paths.devVarsFile)).toBe(".dev.vars");
    expect(options.paths.wranglerState).toBeUndefined();
  });

  it("takes --port, --emulator-port, --sink-port and --state", () => {
    const options = parseStackArgs([
      "--port",
      "9787",
      "--emulator-port",
      "9790",
      "--sink-port",
      "9791",
      "--state",
      "/tmp/x",
    ]);
    expect(stackUrls(options).worker).toBe("http://127.0.0.1:9787");
    expect(stackUrls(options).emulator).toBe("http://127.0.0.1:9790");
    expect(options.paths).toEqual({
      serviceAccountFile: "/tmp/x/service-account.json",
      emulatorStateFile: "/tmp/x/emulator-state.json",
      devVarsFile: "/tmp/x/dev.vars",
      wranglerState: "/tmp/x/wrangler",
    });
  });

  it("refuses a port that is not a number, two equal ports and unknown flags, saying what to change", () => {
    expect(() => parseStackArgs(["--port", "http"])).toThrow("--port 应为 1–65535 的端口号，收到 “http”");
    expect(() => parseStackArgs(["--emulator-port", "8787"])).toThrow("需要三个不同的端口");
    expect(() => parseStackArgs(["--prot", "1"])).toThrow("npm start -- --help");
  });

  it("suggests a port, or a placeholder when none was found free", () => {
    const use = { port: 8790, what: "Sheets 模拟器", whatEn: "Sheets emulator", flag: "--emulator-port" };
    expect(busyPortMessage(use, 8890)).toBe(
      "端口 8790 已被占用（Sheets 模拟器）：请先停止占用它的程序，或换一个端口，例如 npm start -- --emulator-port 8890\n" +
        "port 8790 (Sheets emulator) is busy: stop whatever uses it, or choose another port, e.g. npm start -- --emulator-port 8890",
    );
    expect(busyPortMessage(use, null)).toContain("npm start -- --emulator-port <端口>");
  });
});
