// The bench starts servers, a build and a database of its own; none may outlive it, however it ends (an error,
// Ctrl-C, a timeout), or the next run finds a port taken and a stray server eating CPU.

type AsyncCleanup = () => Promise<void>;
type LastResortCleanup = () => void;

const asyncCleanups = new Set<AsyncCleanup>();
const lastResortCleanups = new Set<LastResortCleanup>();
let cleaningUp: Promise<void> | undefined;

const CLEANUP_LIMIT_MS = 30_000;

/**
 * Registers how to undo something. `graceful` runs on normal completion, errors and signals; `lastResort` must be
 * synchronous because it also runs from process.on('exit'), when no more awaiting is possible. Returns an
 * unregister function for when the thing has been undone already.
 */
export function registerCleanup(cleanup: { graceful: AsyncCleanup; lastResort: LastResortCleanup }): () => void {
  asyncCleanups.add(cleanup.graceful);
  lastResortCleanups.add(cleanup.lastResort);
  return () => {
    asyncCleanups.delete(cleanup.graceful);
    lastResortCleanups.delete(cleanup.lastResort);
  };
}

/** Runs every registered graceful cleanup, newest first, each one even when an earlier one failed. */
export function runCleanups(): Promise<void> {
  cleaningUp ??= (async () => {
    const limit = setTimeout(() => {
      console.error('Cleanup is taking too long; forcing it.');
      process.exit(1);
    }, CLEANUP_LIMIT_MS);
    for (const cleanup of [...asyncCleanups].reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('Cleanup step failed:', error instanceof Error ? error.message : error);
      }
    }
    asyncCleanups.clear();
    clearTimeout(limit);
  })();
  return cleaningUp;
}

/** Installs the signal and exit handlers; call once, first thing. */
export function cleanUpOnExit(): void {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": the exit handler still kills what is left.
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the server and cleaning up (press Ctrl-C again to force)…`);
    void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('exit', () => {
    for (const cleanup of [...lastResortCleanups].reverse()) {
      try {
        cleanup();
      } catch {
        // Nothing more can be done while exiting; the other cleanups must still run.
      }
    }
  });
}
