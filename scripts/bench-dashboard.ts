// `npm run bench:dashboard`: how fast the production server answers the pages a reader opens (the envelope list,
// its filters and searches, an envelope with a long timeline) on a database of 250,000 envelopes and about 1.5 million
// events, next to the same on 2,500 envelopes. SQLite, and PostgreSQL with TEST_DATABASE_URL. A benchmark: it
// reports, it never fails a run.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { assertLocalPostgresqlUrl } from '@/app/testing/test-database-guard';
import { preparePostgresqlDatabase, type BenchDatabase, type DatabaseKind } from './bench/bench-databases';
import { startBenchServer, type BenchServer } from './bench/bench-server';
import { buildProductionServer } from './bench/build-server';
import { cleanUpOnExit, registerCleanup, runCleanups } from './bench/cleanup';
import { fillDatabase, type FillResult } from './bench-dashboard/fill-database';
import { BENCH_HOOK_IDS } from './bench-dashboard/generate-envelopes';
import { measureInTurns } from './bench-dashboard/measure-requests';
import {
  formatMarkdown,
  printSummary,
  writeResultsFile,
  type DatabaseResult,
  type SizeResult,
} from './bench-dashboard/report';
import { buildScenarios, type Scenario } from './bench-dashboard/scenarios';
import { runCommand } from './run-command';

// Its own build folder, so the bench never overwrites (or runs) a developer's .next build.
// BENCH_DIST_DIR: a build directory of one's own, so runs side by side never rebuild each other's.
const DIST_DIR = process.env.BENCH_DIST_DIR || '.next-bench-dashboard';
const FULL_SIZE = Number(process.env.BENCH_ENVELOPES ?? 250_000);
const SMALL_SIZE = Math.max(1, Math.round(FULL_SIZE / 100));
const REQUESTS = 30;
const WARM_UP_REQUESTS = 5;
// Filling and measuring one database at both sizes normally takes a few minutes; a loaded machine takes longer.
const TIME_LIMIT_PER_DATABASE_MS = 40 * 60_000;

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
    const results: DatabaseResult[] = [];
    results.push(await withinTimeLimit('SQLite', () => benchDatabase('SQLite', (size) => prepareSqlite(size))));
    if (postgresqlServerUrl) {
      results.push(
        await withinTimeLimit('PostgreSQL', () =>
          benchDatabase('PostgreSQL', () => preparePostgresqlDatabase(postgresqlServerUrl)),
        ),
      );
    } else {
      console.log(
        '\nPostgreSQL skipped: set TEST_DATABASE_URL=postgresql://… (a server on this machine) to bench it too.',
      );
    }
    writeResultsFile(results, startedAt);
    printSummary(results, { requests: REQUESTS, warmUp: WARM_UP_REQUESTS });
  } finally {
    await runCleanups();
  }
});

async function benchDatabase(
  kind: DatabaseKind,
  prepare: (size: number) => BenchDatabase | Promise<BenchDatabase>,
): Promise<DatabaseResult> {
  const prepared: PreparedSize[] = [];
  const servers: BenchServer[] = [];
  try {
    for (const total of [FULL_SIZE, SMALL_SIZE]) prepared.push(await prepareSize(kind, total, await prepare(total)));
    // Both servers run side by side and are asked in turns, so the machine's other work weighs on both sizes alike.
    console.log(`\n▶ ${kind}: starting a server per size (npm start)…`);
    for (const size of prepared) {
      servers.push(
        await startBenchServer({
          databaseUrl: size.database.databaseUrl,
          distDir: DIST_DIR,
          hookId: BENCH_HOOK_IDS[0]!,
        }),
      );
    }
    const loadAverageBefore = os.loadavg()[0] ?? NaN;
    const [full, small] = prepared.map((size) => ({
      envelopes: size.total,
      fill: size.fill,
      loadAverageBefore,
      scenarios: [] as SizeResult['scenarios'],
    }));
    for (const [index, scenario] of prepared[0]!.scenarios.entries()) {
      const smallScenario = prepared[1]!.scenarios[index]!;
      const [fullTimes, smallTimes] = await measureInTurns({
        targets: [
          { url: `${servers[0]!.baseUrl}${scenario.path}`, expect: scenario.expect },
          { url: `${servers[1]!.baseUrl}${smallScenario.path}`, expect: smallScenario.expect },
        ],
        count: REQUESTS,
        warmUp: WARM_UP_REQUESTS,
      });
      console.log(
        `  ${scenario.name}: median ${fullTimes!.medianMs} ms, p95 ${fullTimes!.p95Ms} ms ` +
          `(${SMALL_SIZE.toLocaleString('en')} envelopes: ${smallTimes!.medianMs} ms, ${smallTimes!.p95Ms} ms)`,
      );
      full!.scenarios.push({ name: scenario.name, path: scenario.path, times: fullTimes! });
      small!.scenarios.push({ name: smallScenario.name, path: smallScenario.path, times: smallTimes! });
    }
    for (const server of servers) {
      if (server.stderrLineCount() > 0) console.log(`  last server output:\n${server.recentOutput()}`);
    }
    const result: DatabaseResult = { database: kind, full: full!, small: small! };
    console.log(`\n${formatMarkdown(result)}`);
    return result;
  } finally {
    for (const server of servers) {
      await server.stop().catch((error: unknown) => console.error('Stopping the server failed:', error));
    }
    for (const size of prepared) await size.database.dispose();
  }
}

type PreparedSize = { total: number; database: BenchDatabase; fill: FillResult; scenarios: Scenario[] };

async function prepareSize(kind: DatabaseKind, total: number, database: BenchDatabase): Promise<PreparedSize> {
  try {
    console.log(`\n▶ ${kind}, ${total.toLocaleString('en')} envelopes: migrating and filling…`);
    await applyMigrations({ config: parseDatabaseUrl(database.databaseUrl) });
    const now = new Date();
    const detailIndex = Math.floor(total / 3);
    let reported = 0;
    const fill = await fillDatabase({
      databaseUrl: database.databaseUrl,
      total,
      now,
      detailIndex,
      onProgress: (done) => {
        if (done - reported >= 50_000 || done === total) {
          reported = done;
          console.log(`  ${done.toLocaleString('en')} envelopes written`);
        }
      },
    });
    console.log(
      `  filled in ${fill.seconds.toFixed(0)} s: ${fill.recipients.toLocaleString('en')} recipients, ` +
        `${fill.events.toLocaleString('en')} events.`,
    );
    const scenarios = await buildScenarios({ databaseUrl: database.databaseUrl, total, now, detailIndex });
    return { total, database, fill, scenarios };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}

/** A fresh SQLite file per size, removed after its run (the full one is over a gigabyte). */
function prepareSqlite(size: number): BenchDatabase {
  const file = `data/bench/dashboard-${size}.db`;
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  };
  mkdirSync(path.dirname(file), { recursive: true });
  remove();
  const forget = registerCleanup({ graceful: async () => remove(), lastResort: remove });
  return {
    kind: 'SQLite',
    databaseUrl: `file:./${file}`,
    dispose: async () => {
      forget();
      if (!process.env.BENCH_KEEP_DATABASES) remove();
    },
  };
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
