import 'server-only';
import { runAlertWork } from './run-alert-work';

// This process's alerting: a round every few seconds (event alerts go out within seconds, the conditions that last
// are checked once a minute). Rounds never overlap. Kept on globalThis: Next.js bundles instrumentation apart from the
// route handlers, and both must share one worker.

export const ALERT_ROUND_INTERVAL_MS = 5_000;

type WorkerState = { running: Promise<void> | null; again: boolean; stopped: boolean };
const GLOBAL_KEY = '__envelopeTrackerAlertWorker';
const state = ((globalThis as { [GLOBAL_KEY]?: WorkerState })[GLOBAL_KEY] ??= {
  running: null,
  again: false,
  stopped: false,
});

/** Starts no more rounds (the process is shutting down); resolves once the running one has finished. */
export async function stopAlertWork(): Promise<void> {
  state.stopped = true;
  state.again = false;
  await state.running;
}

/** Runs a round now, after the one running; never throws (failures are logged). */
export function kickAlertWork(): Promise<void> {
  if (state.stopped) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const run = (async () => {
    try {
      do {
        state.again = false;
        await runAlertWork({ now: new Date(), shouldContinue: () => !state.stopped });
      } while (state.again && !state.stopped);
    } catch (error) {
      console.error('Alerting failed:', error);
    } finally {
      state.running = null;
    }
  })();
  state.running = run;
  return run;
}
