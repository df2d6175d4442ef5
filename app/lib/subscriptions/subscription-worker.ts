import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { whenChangesStored } from '@/app/lib/webhooks/ingest-notification';
import { giveWayToIngest } from '@/app/lib/webhooks/ingest-pressure';
import { runSubscriptionDeliveries } from './run-subscription-deliveries';

// This process's sender of webhooks out: kicked after each stored batch (so the first attempt is made at once) and
// by the background sweep (retries, other instances' events). Runs never overlap; kicks during a run make one more.

const ACTIVE_CHECK_MS = 5_000;
/**
 * Answering the signing service comes first: while a flood keeps this process saturated, each round of sends waits
 * for it to ease, up to this long, so that webhooks out still make progress and catch up when the flood ends.
 */
const MAX_GIVE_WAY_MS = 5_000;

// Off until the server starts its background jobs (start-background-jobs.ts): scripts and tests that store
// notifications send nothing by themselves. Kept on globalThis: Next.js bundles instrumentation (which enables and
// sweeps) apart from the route handlers (which kick after storing), each with its own copy of this module, and both
// must share one sender.
type WorkerState = {
  enabled: boolean;
  running: Promise<void> | null;
  /** Ends the running send after its round (shutting down). */
  stopRun: AbortController | null;
  again: boolean;
  activeUntil: number;
  active: boolean;
};
const GLOBAL_KEY = '__envelopeTrackerSubscriptionWorker';
const state = ((globalThis as { [GLOBAL_KEY]?: WorkerState })[GLOBAL_KEY] ??= {
  enabled: false,
  running: null,
  stopRun: null,
  again: false,
  activeUntil: 0,
  active: false,
});

/** Whether any subscription is enabled, asked at most every few seconds: without one a kick costs nothing. */
async function hasActiveSubscriptions(): Promise<boolean> {
  if (Date.now() < state.activeUntil) return state.active;
  state.active = (await prisma.subscription.count({ where: { disabledAt: null } })) > 0;
  state.activeUntil = Date.now() + ACTIVE_CHECK_MS;
  return state.active;
}

/** Forgets what hasActiveSubscriptions knew (a subscription was created, enabled or removed here). */
export function subscriptionsChanged(): void {
  state.activeUntil = 0;
}

/** This process sends webhooks out from now on (the server, once started): after each stored change, and when kicked. */
export function enableSubscriptionDeliveries(): void {
  if (state.enabled) return;
  state.enabled = true;
  whenChangesStored(() => void kickSubscriptionDeliveries());
}

/** Starts no more sends (the process is shutting down); resolves once the running one has finished. */
export async function stopSubscriptionDeliveries(): Promise<void> {
  state.enabled = false;
  state.again = false;
  state.stopRun?.abort();
  await state.running;
}

/** Sends what is due now, after what is running; never throws (failures are logged). */
export function kickSubscriptionDeliveries(): Promise<void> {
  if (!state.enabled) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const run = (async () => {
    try {
      do {
        state.again = false;
        if (!(await hasActiveSubscriptions())) break;
        const stopRun = (state.stopRun = new AbortController());
        await runSubscriptionDeliveries({
          beforeRound: () => giveWayToIngest({ maxMs: MAX_GIVE_WAY_MS }),
          signal: stopRun.signal,
        });
      } while (state.again && state.enabled);
    } catch (error) {
      console.error('Sending webhooks to subscriptions failed:', error);
    } finally {
      state.running = null;
      state.stopRun = null;
    }
  })();
  state.running = run;
  return run;
}
