// `npm run bench:ingest`: how fast the production server stores webhook notifications, on SQLite and (with
// TEST_DATABASE_URL) PostgreSQL, next to a route that does nothing. A benchmark: it reports, it never fails a run.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertLocalPostgresqlUrl } from '@/app/testing/test-database-guard';
import {
  prepareSqliteDatabase,
  preparePostgresqlDatabase,
  type BenchDatabase,
  type DatabaseKind,
} from './bench/bench-databases';
import { startBenchServer } from './bench/bench-server';
import { buildProductionServer } from './bench/build-server';
import { cleanUpOnExit, runCleanups } from './bench/cleanup';
import { readProcessGroupCpuMs } from './bench/process-group';
import { roundTo } from './bench/statistics';
import { measureClosedLoopThroughput } from './bench/closed-loop-throughput';
import { BENCH_ENVELOPE_COUNT, createNotificationStream, type BenchRequest } from './bench/notification-stream';
import { measureOpenLoopLatency } from './bench/open-loop-latency';
import { countFeedEvents } from './bench/count-feed-events';
import { measureDeliveries, startWebhookSink, waitForCount } from './bench/webhook-sink';
import {
  ingestToDoNothingPercent,
  printDatabaseTable,
  printSummary,
  writeResultsFile,
  type BenchSettings,
  type DatabaseBenchResult,
} from './bench/report';
import { runCommand } from './run-command';

// Its own build folder, so the bench never overwrites (or runs) a developer's .next build.
const DIST_DIR = '.next-bench';
// Fixed so runs are comparable; it only ever exists in the bench's own throw-away databases.
const BENCH_HOOK_ID = 'bench_ingest_hook_0123456789abcd';
const DO_NOTHING_PATH = '/api/health/live';
const doNothingRequest = (): BenchRequest => ({ method: 'GET', path: DO_NOTHING_PATH, headers: {}, body: '' });
// Everything for one database (start, warm-up, three measurements, stop) normally takes about 80 s.
const TIME_LIMIT_PER_DATABASE_MS = 8 * 60_000;
/** The subscription's backlog counts as sent once every feed event reached the sink, or nothing came for this long. */
const DRAIN_LIMIT_MS = 60_000;
/** A pause between two databases' runs, after their writes reached the disk. */
const SETTLE_MS = 10_000;

const SETTINGS: BenchSettings = {
  connections: 50,
  throughputSeconds: 15,
  warmUpSecondsPerRoute: 2,
  openLoopRatePerSecond: 100,
  openLoopSeconds: 20,
  envelopes: BENCH_ENVELOPE_COUNT,
};

cleanUpOnExit();
// The SQLite path, the build folder and `npm start` are all relative to the project root.
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));

runCommand(async () => {
  const startedAt = new Date();
  const postgresqlServerUrl = process.env.TEST_DATABASE_URL?.trim();
  // Refused before the build rather than after it.
  if (postgresqlServerUrl) assertLocalPostgresqlUrl(postgresqlServerUrl);
  try {
    await buildProductionServer({ distDir: DIST_DIR, reuse: Boolean(process.env.BENCH_SKIP_BUILD) });
    const results: DatabaseBenchResult[] = [];
    // BENCH_SQLITE=off benches PostgreSQL alone (a second look at it without a run just before).
    if (process.env.BENCH_SQLITE !== 'off') {
      results.push(await withinTimeLimit('SQLite', async () => benchDatabase(prepareSqliteDatabase())));
    }
    if (postgresqlServerUrl) {
      if (results.length > 0) await settleAfterRun();
      results.push(
        await withinTimeLimit('PostgreSQL', async () =>
          benchDatabase(await preparePostgresqlDatabase(postgresqlServerUrl)),
        ),
      );
    } else {
      console.log(
        '\nPostgreSQL skipped: set TEST_DATABASE_URL=postgresql://… (a server on this machine) to bench it too.',
      );
    }
    writeResultsFile(results, SETTINGS, startedAt);
    printSummary(results, SETTINGS);
  } finally {
    await runCleanups();
  }
});

async function benchDatabase(database: BenchDatabase): Promise<DatabaseBenchResult> {
  const loadAverageBefore = os.loadavg()[0] ?? NaN;
  try {
    console.log(`\n▶ ${database.kind}: starting the server (npm start)…`);
    let stopSink: (() => Promise<void>) | undefined;
    const server = await startBenchServer({
      databaseUrl: database.databaseUrl,
      distDir: DIST_DIR,
      hookId: BENCH_HOOK_ID,
    });
    try {
      const { baseUrl } = server;
      // One active subscription, as in production: every stored change is also sent out (to a fast local sink).
      // BENCH_SUBSCRIPTION=off measures without it (the sink then receives nothing).
      const sink = await startWebhookSink();
      stopSink = sink.close;
      if (process.env.BENCH_SUBSCRIPTION !== 'off') {
        const subscribed = await fetch(`${baseUrl}/api/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ url: sink.url, description: 'bench sink' }),
        });
        if (subscribed.status !== 201)
          throw new Error(`Creating the bench subscription answered ${subscribed.status}.`);
      }
      const notifications = createNotificationStream(BENCH_HOOK_ID);
      const webhookPath = `/api/webhooks/${BENCH_HOOK_ID}`;
      const closedLoop = { baseUrl, connections: SETTINGS.connections };

      console.log(`  warming up (${SETTINGS.warmUpSecondsPerRoute} s per route)…`);
      // First requests compile route code and fill connection pools; they must not count.
      await measureClosedLoopThroughput({
        ...closedLoop,
        path: webhookPath,
        durationSeconds: SETTINGS.warmUpSecondsPerRoute,
        nextRequest: notifications.next,
      });
      const subscribed = process.env.BENCH_SUBSCRIPTION !== 'off';
      const expectedTotal = async () => (subscribed ? countFeedEvents(database) : 0);
      await waitForCount(sink, await expectedTotal(), DRAIN_LIMIT_MS);
      if (database.kind === 'PostgreSQL') await analyzePostgresql(database.databaseUrl);
      await measureClosedLoopThroughput({
        ...closedLoop,
        path: DO_NOTHING_PATH,
        durationSeconds: SETTINGS.warmUpSecondsPerRoute,
      });

      console.log(`  ingest throughput (${SETTINGS.throughputSeconds} s)…`);
      const load = { countBefore: sink.received().count, loadStartedAt: performance.now(), loadEndedAt: 0 };
      const ingest = await measureClosedLoopThroughput({
        ...closedLoop,
        path: webhookPath,
        durationSeconds: SETTINGS.throughputSeconds,
        nextRequest: notifications.next,
      });
      load.loadEndedAt = performance.now();
      // The backlog goes out before the next measurement, which it would otherwise slow down.
      console.log('  webhooks out: waiting for the backlog to be delivered…');
      const webhooksOut = await measureDeliveries(sink, load, { expectedTotal, limitMs: DRAIN_LIMIT_MS });
      console.log(`  do-nothing throughput (${SETTINGS.throughputSeconds} s)…`);
      const doNothing = await measureClosedLoopThroughput({
        ...closedLoop,
        path: DO_NOTHING_PATH,
        durationSeconds: SETTINGS.throughputSeconds,
      });
      const openLoop = {
        baseUrl,
        ratePerSecond: SETTINGS.openLoopRatePerSecond,
        durationSeconds: SETTINGS.openLoopSeconds,
      };
      // The same schedule on the do-nothing route: the latency the machine and server add before any storing, so a
      // slow machine's tail can be told apart from the webhook's own.
      console.log(
        `  do-nothing latency at ${openLoop.ratePerSecond} req/s, open loop (${openLoop.durationSeconds} s)…`,
      );
      const doNothingPhase = await withServerCpu(server.processGroupId, () =>
        measureOpenLoopLatency({ ...openLoop, nextRequest: doNothingRequest }),
      );
      console.log(`  latency at ${openLoop.ratePerSecond} req/s, open loop (${openLoop.durationSeconds} s)…`);
      const ingestPhase = await withServerCpu(server.processGroupId, () =>
        measureOpenLoopLatency({ ...openLoop, nextRequest: notifications.next }),
      );
      const doNothingLatency = doNothingPhase.result;
      const latency = ingestPhase.result;

      const serverStderrLines = server.stderrLineCount();
      if (serverStderrLines > 0) console.log(`  last server output:\n${indent(server.recentOutput())}`);
      const peakMemory = await server.stop();
      console.log(`  ${notifications.sent().toLocaleString('en')} notifications sent.`);
      const result: DatabaseBenchResult = {
        database: database.kind,
        ingest,
        doNothing,
        ingestToDoNothingPercent: ingestToDoNothingPercent(ingest, doNothing),
        latency,
        doNothingLatency,
        cpuPerRequestMs: {
          ingest: perRequest(ingestPhase.cpuMs, latency.answered),
          doNothing: perRequest(doNothingPhase.cpuMs, doNothingLatency.answered),
        },
        peakMemory,
        serverStderrLines,
        loadAverageBefore,
        webhooksOut,
      };
      printDatabaseTable(result);
      return result;
    } finally {
      await server.stop().catch((error: unknown) => console.error('Stopping the server failed:', error));
      await stopSink?.();
    }
  } finally {
    await database.dispose();
  }
}

/**
 * The server's CPU time (all its processes and threads; not the database's) over a phase: at a fixed rate it says
 * what a request costs with less noise than its latency does.
 */
async function withServerCpu<T>(
  processGroupId: number,
  phase: () => Promise<T>,
): Promise<{ result: T; cpuMs: number }> {
  const before = readProcessGroupCpuMs(processGroupId);
  const result = await phase();
  const after = readProcessGroupCpuMs(processGroupId);
  return { result, cpuMs: before === null || after === null ? NaN : after - before };
}

const perRequest = (cpuMs: number, requests: number) => (requests > 0 ? roundTo(cpuMs / requests, 2) : NaN);

/**
 * Lets the machine settle after a database's run: its files (over 100 MB of SQLite database and log) are still being
 * written back to disk for a while, and that writeback would land in the next database's measurement.
 */
async function settleAfterRun(): Promise<void> {
  console.log("\nWaiting for the last run's writes to reach the disk…");
  await runProgram('sync', []);
  await sleep(SETTLE_MS);
}

/**
 * Statistics for the minutes-old database, as any database a server has run on for a while has: PostgreSQL's
 * autovacuum analyzes a new table at most once a minute, so without this some runs measured the writer's statements
 * with plans made for empty tables (a third of the runs at 46–51 % instead of 63–66 %).
 */
async function analyzePostgresql(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function withinTimeLimit<T>(database: DatabaseKind, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${database} took over ${TIME_LIMIT_PER_DATABASE_MS / 60_000} minutes; stopped.`)),
      TIME_LIMIT_PER_DATABASE_MS,
    );
  });
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
}

const runProgram = promisify(execFile);

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
