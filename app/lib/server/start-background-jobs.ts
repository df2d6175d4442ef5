import { purgeOldDeliveries } from '@/app/lib/deliveries/purge-old-deliveries';
import { getEnvironment } from '@/app/lib/env';

const HOUR_MS = 3_600_000;

/** Periodic upkeep for this server process. Timers are unref'd so they never keep it alive. */
export function startBackgroundJobs(): void {
  const state = globalThis as { backgroundJobsStarted?: boolean };
  if (state.backgroundJobsStarted) return;
  state.backgroundJobsStarted = true;

  const purge = () =>
    purgeOldDeliveries({ retentionDays: getEnvironment().DELIVERY_RETENTION_DAYS })
      .then((count) => count > 0 && console.log(`Delivery log: purged ${count} deliveries past retention.`))
      .catch((error: unknown) => console.error('Delivery log purge failed:', error));
  setTimeout(purge, 30_000).unref();
  setInterval(purge, HOUR_MS).unref();
}
