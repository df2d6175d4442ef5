import { ALERT_ROUND_INTERVAL_MS, kickAlertWork } from '@/app/lib/alerts/alert-worker';
import { purgeOldAlerts } from '@/app/lib/alerts/purge-old-alerts';
import { purgeOldAuditEntries } from '@/app/lib/audit/purge-old-audit-entries';
import { purgeOldDeliveries } from '@/app/lib/deliveries/purge-old-deliveries';
import { getEnvironment } from '@/app/lib/env';
import { purgeOldFeedEvents } from '@/app/lib/feed/purge-old-feed-events';
import { sweepSigningWork } from '@/app/lib/reconciliation/sweep-signing-work';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { purgeOldSubscriptionRecords } from '@/app/lib/subscriptions/purge-old-subscription-records';
import { enableSubscriptionDeliveries, kickSubscriptionDeliveries } from '@/app/lib/subscriptions/subscription-worker';

const HOUR_MS = 3_600_000;
const SWEEP_INTERVAL_MS = 15_000;
const FIRST_SWEEP_AFTER_MS = 5_000;
const SUBSCRIPTION_SWEEP_INTERVAL_MS = 2_000;

/** Periodic upkeep for this server process. Timers are unref'd so they never keep it alive. */
export function startBackgroundJobs(): void {
  const state = globalThis as { backgroundJobsStarted?: boolean };
  if (state.backgroundJobsStarted) return;
  state.backgroundJobsStarted = true;

  const purge = () => {
    purgeOldDeliveries({ retentionDays: getEnvironment().DELIVERY_RETENTION_DAYS })
      .then((count) => count > 0 && console.log(`Delivery log: purged ${count} deliveries past retention.`))
      .catch((error: unknown) => console.error('Delivery log purge failed:', error));
    const retentionDays = getEnvironment().EVENT_RETENTION_DAYS;
    purgeOldFeedEvents({ retentionDays })
      .then((count) => count > 0 && console.log(`Change feed: purged ${count} events past retention.`))
      .then(() => purgeOldSubscriptionRecords({ retentionDays }))
      .catch((error: unknown) => console.error('Change feed purge failed:', error));
    purgeOldAlerts({ retentionDays: getEnvironment().DELIVERY_RETENTION_DAYS })
      .then((count) => count > 0 && console.log(`Alerts: purged ${count} alerts past retention.`))
      .catch((error: unknown) => console.error('Alert purge failed:', error));
    purgeOldAuditEntries({ retentionDays: getEnvironment().AUDIT_RETENTION_DAYS })
      .then((count) => count > 0 && console.log(`Audit log: purged ${count} entries past retention.`))
      .catch((error: unknown) => console.error('Audit log purge failed:', error));
  };
  setTimeout(purge, 30_000).unref();
  setInterval(purge, HOUR_MS).unref();

  // Webhooks out: right after each stored batch, and every few seconds for retries and other instances' events.
  enableSubscriptionDeliveries();
  setInterval(() => void kickSubscriptionDeliveries(), SUBSCRIPTION_SWEEP_INTERVAL_MS).unref();

  // Alerts: raised from the change feed and the clock, sent to their channels.
  setInterval(() => void kickAlertWork(), ALERT_ROUND_INTERVAL_MS).unref();

  // Status checks and document fetches that are due, including work a restart left behind.
  if (getSigningProvider()) {
    let sweeping = false;
    const sweep = () => {
      if (sweeping) return;
      sweeping = true;
      sweepSigningWork()
        .catch((error: unknown) => console.error('Signing service sweep failed:', error))
        .finally(() => (sweeping = false));
    };
    setTimeout(sweep, FIRST_SWEEP_AFTER_MS).unref();
    setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  }
}
