// Runs a command-line tool's main function: a clear one-paragraph message and exit 1 on failure.
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`\n✖ ${message}\n`);
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
}
