import { describe, expect, it } from "vitest";
import { BENCH_PORTS, busyBenchPorts } from "../../../bench/ports";
import { occupy } from "../../support/ports";

describe("the bench's ports, checked before it starts", () => {
  it("names a taken port in Chinese and English with what the bench needs it for, and nothing once it is free", async () => {
    const held = await occupy();
    const { port } = held;
    const use = { port, what: "2,000 行单位的表格模拟器", whatEn: "the 2,000-row office's Sheets emulator" };
    expect(await busyBenchPorts([use])).toEqual([
      `端口 ${port} 已被占用（2,000 行单位的表格模拟器要用它）：请先停止占用它的程序，例如另一个还在运行的 npm run bench` +
        ` (port ${port}, the 2,000-row office's Sheets emulator, is busy)`,
    ]);
    await held.close();
    expect(await busyBenchPorts([use])).toEqual([]);
  });

  it("gives every fixed port one use", () => {
    const ports = Object.values(BENCH_PORTS).map((use) => use.port);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
