/**
 * Calls `gone` once the process that started this one has ended: `npm start` killed with SIGTERM
 * or SIGKILL (a process manager, an editor's task, `kill`) takes only npm and its shell down, and
 * without this the stack, wrangler and workerd run on holding their ports. Node has no
 * parent-death signal, so it polls: an orphan is adopted by another process and its ppid changes.
 * The timer never keeps the process alive.
 */
export function watchParent(gone: () => void, everyMs = 1_000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
}
