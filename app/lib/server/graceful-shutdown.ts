import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { PROCESS_LEASE_PREFIX } from '@/app/lib/documents/lease-owner';
import { getLogger } from '@/app/lib/observability/logger';
import { flushTraces } from '@/app/lib/observability/start-tracing';
import { stopBackgroundJobs } from './start-background-jobs';
import { trackedServers } from './tracked-servers';

/** However long the requests in flight take, the process ends this long after the signal (Kubernetes waits 30 s). */
const SHUTDOWN_DEADLINE_MS = 25_000;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

/**
 * On SIGTERM or SIGINT (with NEXT_MANUAL_SIG_HANDLE, which `npm start` sets, Next.js leaves both to the app): stop
 * taking connections, answer the requests in flight (each webhook's batch commits before its answer), let the
 * background rounds that are running finish and start none, release every lease this process still holds (document
 * fetches, webhooks out, alerts) so another instance takes the work at once, then exit.
 */
export function installGracefulShutdown(): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  const holder = globalThis as { __envelopeTrackerShutdown?: boolean };
  if (holder.__envelopeTrackerShutdown !== undefined) return;
  holder.__envelopeTrackerShutdown = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (holder.__envelopeTrackerShutdown) return;
      holder.__envelopeTrackerShutdown = true;
      setTimeout(() => process.exit(EXIT_CODES[signal]), SHUTDOWN_DEADLINE_MS);
      shutDown(signal).finally(() => process.exit(EXIT_CODES[signal]));
    });
  }
}

async function shutDown(signal: string): Promise<void> {
  const logger = getLogger();
  logger.info({ signal }, 'shutting down: answering the requests in flight');
  const closed = [...trackedServers()].map(
    (server) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  );
  try {
    // A webhook answers only once its batch committed: with every request answered, ingest has nothing left.
    await Promise.all([...closed, stopBackgroundJobs()]);
    const released = await releaseLeases();
    await flushTraces();
    logger.info({ released }, 'shut down: requests answered, background work finished, leases released');
  } catch (error) {
    logger.error({ err: error }, 'shutdown did not finish cleanly; leases left run out by themselves');
  }
}

/** Gives back the jobs this process claimed and did not finish: another instance takes them without waiting. */
async function releaseLeases(): Promise<number> {
  const mine = { leaseOwner: { startsWith: PROCESS_LEASE_PREFIX } };
  const free = { leaseOwner: null, leaseExpiresAt: null };
  const counts = await Promise.all([
    prisma.documentFetch.updateMany({ where: mine, data: free }),
    prisma.subscriptionDelivery.updateMany({ where: { ...mine, status: 'pending' }, data: free }),
    prisma.alertDelivery.updateMany({ where: { ...mine, status: 'pending' }, data: free }),
  ]);
  return counts.reduce((sum, { count }) => sum + count, 0);
}
