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

  /** Loads the file if it exists; returns whether anything was loaded. */
  load(): boolean {
    if (!existsSync(this.path)) return false;
    const state = JSON.parse(readFileSync(this.path, "utf8")) as PersistedState;
    if (state.version !== 1)
      throw new Error(`${this.path}: unsupported emulator state version ${String(state.version)}`);
    this.emulator.restore(state);
    return true;
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
