import { ALERT_ROUND_INTERVAL_MS, kickAlertWork, stopAlertWork } from '@/app/lib/alerts/alert-worker';
import { purgeOldAlerts } from '@/app/lib/alerts/purge-old-alerts';
import { purgeOldAuditEntries } from '@/app/lib/audit/purge-old-audit-entries';
import { purgeEndedSignIns } from '@/app/lib/auth/purge-ended-sign-ins';
import { getDatabaseConfig } from '@/app/lib/db/database-config';
import { startSqliteCheckpointThread, type SqliteCheckpointThread } from '@/app/lib/db/sqlite-checkpoint-thread';
import { purgeOldDeliveries } from '@/app/lib/deliveries/purge-old-deliveries';
import { getEnvironment } from '@/app/lib/env';
import { purgeOldFeedEvents } from '@/app/lib/feed/purge-old-feed-events';
import { foldRollupsWhenQuiet, stopRollupFolds } from '@/app/lib/rollup-worker/rollup-fold-worker';
import { sweepSigningWork } from '@/app/lib/reconciliation/sweep-signing-work';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { purgeOldSubscriptionRecords } from '@/app/lib/subscriptions/purge-old-subscription-records';
import {
  enableSubscriptionDeliveries,
  kickSubscriptionDeliveries,
  stopSubscriptionDeliveries,
} from '@/app/lib/subscriptions/subscription-worker';

const HOUR_MS = 3_600_000;
const SWEEP_INTERVAL_MS = 15_000;
const FIRST_SWEEP_AFTER_MS = 5_000;
const SUBSCRIPTION_SWEEP_INTERVAL_MS = 2_000;
const ROLLUP_FOLD_INTERVAL_MS = 1_000;

type BackgroundJobs = {
  timers: NodeJS.Timeout[];
  sweep: Promise<unknown> | null;
  checkpoints: SqliteCheckpointThread | null;
};
const GLOBAL_KEY = '__envelopeTrackerBackgroundJobs';

/** Periodic upkeep for this server process. Timers are unref'd so they never keep it alive. */
export function startBackgroundJobs(): void {
  const holder = globalThis as { [GLOBAL_KEY]?: BackgroundJobs };
  if (holder[GLOBAL_KEY]) return;
  const jobs: BackgroundJobs = (holder[GLOBAL_KEY] = { timers: [], sweep: null, checkpoints: null });
  const every = (ms: number, task: () => void) => jobs.timers.push(setInterval(task, ms).unref());
  const after = (ms: number, task: () => void) => jobs.timers.push(setTimeout(task, ms).unref());

  // SQLite: the WAL is copied into the database file beside the writers, not inside their commits.
  const database = getDatabaseConfig();
  if (database.provider === 'sqlite') jobs.checkpoints = startSqliteCheckpointThread(database.filePath);

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
    purgeEndedSignIns().catch((error: unknown) => console.error('Session purge failed:', error));
  };
  after(30_000, purge);
  every(HOUR_MS, purge);

  // Status counts and Insights: changes marked by the database's triggers are folded into the rollups.
  every(ROLLUP_FOLD_INTERVAL_MS, () => foldRollupsWhenQuiet());

  // Webhooks out: right after each stored batch, and every few seconds for retries and other instances' events.
  enableSubscriptionDeliveries();
  every(SUBSCRIPTION_SWEEP_INTERVAL_MS, () => void kickSubscriptionDeliveries());

  // Alerts: raised from the change feed and the clock, sent to their channels.
  every(ALERT_ROUND_INTERVAL_MS, () => void kickAlertWork());

  // Status checks and document fetches that are due, including work a restart left behind.
  if (getSigningProvider()) {
    const sweep = () => {
      if (jobs.sweep) return;
      jobs.sweep = sweepSigningWork()
        .catch((error: unknown) => console.error('Signing service sweep failed:', error))
        .finally(() => (jobs.sweep = null));
    };
    after(FIRST_SWEEP_AFTER_MS, sweep);
    every(SWEEP_INTERVAL_MS, sweep);
  }
}

/** Starts no more background work (the process is shutting down); resolves once what was running has finished. */
export async function stopBackgroundJobs(): Promise<void> {
  const jobs = (globalThis as { [GLOBAL_KEY]?: BackgroundJobs })[GLOBAL_KEY];
  for (const timer of jobs?.timers ?? []) clearTimeout(timer);
  await Promise.allSettled([stopSubscriptionDeliveries(), stopAlertWork(), jobs?.sweep, stopRollupFolds()]);
  await jobs?.checkpoints?.close();
}
