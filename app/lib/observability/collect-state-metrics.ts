import 'server-only';
import { Gauge } from 'prom-client';
import { prisma } from '@/app/lib/db/prisma';
import { ENVELOPE_STATUSES } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { countEnvelopesByStatus } from '@/app/lib/envelopes/count-envelopes-by-status';
import { countFailedReconciliations } from '@/app/lib/reconciliation/count-failed-reconciliations';
import { getMetrics, METRIC_PREFIX } from './metrics-registry';

/** Counting every envelope takes tens of milliseconds at scale: a scrape reuses a count this fresh. */
const STATE_REUSE_MS = 15_000;

type QueueState = { depth: number; oldestAgeSeconds: number; failed: number };
type State = { envelopes: Record<string, number>; rollupBacklog: number; queues: Record<string, QueueState> };

const GLOBAL_KEY = '__envelopeTrackerStateGauges';

function gauges() {
  const holder = globalThis as { [GLOBAL_KEY]?: ReturnType<typeof createGauges> };
  return (holder[GLOBAL_KEY] ??= createGauges());
}

function createGauges() {
  const registers = [getMetrics().registry];
  return {
    cache: { state: null as State | null, until: 0 },
    envelopes: new Gauge({
      name: `${METRIC_PREFIX}envelopes`,
      help: 'Envelopes by status.',
      labelNames: ['status'] as const,
      registers,
    }),
    rollupBacklog: new Gauge({
      name: `${METRIC_PREFIX}rollup_backlog`,
      help: 'Changes to envelopes not yet folded into the status counts and Insights (a backlog after an upgrade).',
      registers,
    }),
    queueDepth: new Gauge({
      name: `${METRIC_PREFIX}queue_depth`,
      help: 'Jobs waiting, by queue: document_fetch, reconciliation, subscription, alert.',
      labelNames: ['queue'] as const,
      registers,
    }),
    queueOldest: new Gauge({
      name: `${METRIC_PREFIX}queue_oldest_age_seconds`,
      help: 'Age of the oldest waiting job, by queue (0 when none waits).',
      labelNames: ['queue'] as const,
      registers,
    }),
    queueFailed: new Gauge({
      name: `${METRIC_PREFIX}queue_failed`,
      help: 'Jobs given up, by queue (kept until purged).',
      labelNames: ['queue'] as const,
      registers,
    }),
  };
}

/** Reads the database's state into the gauges (at most every STATE_REUSE_MS), just before a scrape is answered. */
export async function collectStateMetrics(now: Date = new Date()): Promise<void> {
  const g = gauges();
  if (!g.cache.state || Date.now() >= g.cache.until) {
    g.cache.state = await readState(now);
    g.cache.until = Date.now() + STATE_REUSE_MS;
  }
  const { envelopes, rollupBacklog, queues } = g.cache.state;
  for (const status of ENVELOPE_STATUSES) g.envelopes.set({ status }, envelopes[status] ?? 0);
  g.rollupBacklog.set(rollupBacklog);
  for (const [queue, state] of Object.entries(queues)) {
    g.queueDepth.set({ queue }, state.depth);
    g.queueOldest.set({ queue }, state.oldestAgeSeconds);
    g.queueFailed.set({ queue }, state.failed);
  }
}

async function readState(now: Date): Promise<State> {
  const age = (since: Date | null | undefined) => (since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0);
  // From the status rollup (counted from the envelopes only while an upgrade's backlog is folded).
  const envelopes = await countEnvelopesByStatus({ filters: { tests: 'include' } });
  const [rollupBacklog, fetchWaiting, fetchOldest, fetchFailed, reconcileDue, reconcileOldest, reconcileFailed] =
    await Promise.all([
      prisma.rollupChange.count(),
      prisma.documentFetch.count({ where: { status: 'pending' } }),
      prisma.documentFetch.findFirst({
        where: { status: 'pending' },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
      prisma.documentFetch.count({ where: { status: 'failed' } }),
      prisma.envelope.count({ where: { nextReconcileAt: { lte: now } } }),
      prisma.envelope.findFirst({
        where: { nextReconcileAt: { lte: now } },
        orderBy: { nextReconcileAt: 'asc' },
        select: { nextReconcileAt: true },
      }),
      countFailedReconciliations(),
    ]);
  const [subscriptionWaiting, subscriptionOldest, subscriptionFailed, alertWaiting, alertOldest, alertFailed] =
    await Promise.all([
      prisma.subscriptionDelivery.count({ where: { status: 'pending' } }),
      prisma.subscriptionDelivery.findFirst({
        where: { status: 'pending' },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
      prisma.subscriptionDelivery.count({ where: { status: 'failed' } }),
      prisma.alertDelivery.count({ where: { status: 'pending' } }),
      prisma.alertDelivery.findFirst({
        where: { status: 'pending' },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
      prisma.alertDelivery.count({ where: { status: 'failed' } }),
    ]);
  return {
    envelopes,
    rollupBacklog,
    queues: {
      document_fetch: { depth: fetchWaiting, oldestAgeSeconds: age(fetchOldest?.createdAt), failed: fetchFailed },
      reconciliation: {
        depth: reconcileDue,
        oldestAgeSeconds: age(reconcileOldest?.nextReconcileAt),
        failed: reconcileFailed,
      },
      subscription: {
        depth: subscriptionWaiting,
        oldestAgeSeconds: age(subscriptionOldest?.createdAt),
        failed: subscriptionFailed,
      },
      alert: { depth: alertWaiting, oldestAgeSeconds: age(alertOldest?.createdAt), failed: alertFailed },
    },
  };
}
