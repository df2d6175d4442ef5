import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { whenChangesStored } from '@/app/lib/webhooks/ingest-notification';
import { runSubscriptionDeliveries } from './run-subscription-deliveries';

// This process's sender of webhooks out: kicked after each stored batch (so the first attempt is made at once) and
// by the background sweep (retries, other instances' events). Runs never overlap; kicks during a run make one more.

const ACTIVE_CHECK_MS = 5_000;

// Off until the server starts its background jobs (start-background-jobs.ts): scripts and tests that store
// notifications send nothing by themselves.
let enabled = false;
let running: Promise<void> | null = null;
let again = false;
let activeUntil = 0;
let active = false;

/** Whether any subscription is enabled, asked at most every few seconds: without one a kick costs nothing. */
async function hasActiveSubscriptions(): Promise<boolean> {
  if (Date.now() < activeUntil) return active;
  active = (await prisma.subscription.count({ where: { disabledAt: null } })) > 0;
  activeUntil = Date.now() + ACTIVE_CHECK_MS;
  return active;
}

/** Forgets what hasActiveSubscriptions knew (a subscription was created, enabled or removed here). */
export function subscriptionsChanged(): void {
  activeUntil = 0;
}

/** This process sends webhooks out from now on (the server, once started): after each stored change, and when kicked. */
export function enableSubscriptionDeliveries(): void {
  if (enabled) return;
  enabled = true;
  whenChangesStored(() => void kickSubscriptionDeliveries());
}

/** Sends what is due now, after what is running; never throws (failures are logged). */
export function kickSubscriptionDeliveries(): Promise<void> {
  if (!enabled) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        if (!(await hasActiveSubscriptions())) break;
        await runSubscriptionDeliveries();
      } while (again);
    } catch (error) {
      console.error('Sending webhooks to subscriptions failed:', error);
    } finally {
      running = null;
    }
  })();
  return running;
}
