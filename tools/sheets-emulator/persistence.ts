import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Emulator, PersistedState } from "./emulator";

const SAVE_DELAY_MS = 200;

/** Keeps the emulator's state in a JSON file: loaded at start, saved shortly after changes and on close. */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly emulator: Emulator,
  ) {}

  /**
   * Loads the file if it exists; returns whether anything was loaded. A file it cannot read (edited by
   * hand, or from another version) stops the start with what to do, and is left as it is.
   */
  load(): boolean {
    if (!existsSync(this.path)) return false;
    let state: PersistedState;
    try {
      state = JSON.parse(readFileSync(this.path, "utf8")) as PersistedState;
    } catch (error) {
      throw new Error(this.unreadable(`不是有效的 JSON：${(error as Error).message}`));
    }
    if (state?.version !== 1) throw new Error(this.unreadable(`版本 ${String(state?.version)} 不受支持`));
    this.emulator.restore(state);
    return true;
  }

  private unreadable(why: string): string {
    return (
      `模拟器的状态文件 ${this.path} 读不了（${why}）。它保存着本地模拟表格的内容：` +
      `把它改名备份（或删除）后重新启动，会重新建立演示表格 ` +
      `(the emulator's state file cannot be read: move it aside and start again)`
    );
  }

  /** Debounced: a burst of writes costs one save. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes now (through a temporary file and a rename, so a crash never leaves half a file). */
  save(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.emulator.snapshot()));
    renameSync(tmp, this.path);
  }
}
