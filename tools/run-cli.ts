/**
 * Runs a command-line tool's `main` and sets the exit code it returns; an unexpected error prints
 * its message (not a stack trace, which staff cannot act on) and exits with 2.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
