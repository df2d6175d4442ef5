// Runs a command-line tool's main function: a clear one-paragraph message and exit 1 on failure.
import nextEnv from '@next/env';

export function runCommand(main: () => Promise<void>): void {
  // The same .env files Next.js reads, so a tool and the server it prepares see one configuration.
  nextEnv.loadEnvConfig(process.cwd(), !process.argv.includes('--production'), {
    info: () => {},
    error: console.error,
  });
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
