// `npm run bench:dashboard`: how fast the production server answers the pages a reader opens (the envelope list,
// its filters and searches, an envelope with a long timeline, the delivery log) on a database of 250,000 envelopes,
// about 1.5 million events and the last 90 days' deliveries, next to the same on 2,500 envelopes; then how fast the
// CSV and documents ZIP exports stream the whole list, and in how much memory. SQLite, and PostgreSQL with
// TEST_DATABASE_URL. A benchmark: it reports, it never fails a run.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrismaClient } from '@/app/lib/db/create-prisma-client';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { foldRollupChanges } from '@/app/lib/envelopes/rollups/fold-rollup-changes';
import { assertLocalPostgresqlUrl } from '@/app/testing/test-database-guard';
import {
  prepareKeptPostgresqlDatabase,
  preparePostgresqlDatabase,
  type BenchDatabase,
  type DatabaseKind,
} from './bench/bench-databases';
import { startBenchServer, type BenchServer } from './bench/bench-server';
import { buildProductionServer } from './bench/build-server';
import { cleanUpOnExit, registerCleanup, runCleanups } from './bench/cleanup';
import { fillDatabase, type FillResult } from './bench-dashboard/fill-database';
import { keptFillPath, readKeptFill, writeKeptFill, type KeptFill } from './bench-dashboard/kept-fill';
import { DELIVERY_RETENTION_DAYS } from './bench-dashboard/generate-deliveries';
import { documentFileCount } from './bench-dashboard/generate-documents';
import { BENCH_HOOK_IDS } from './bench-dashboard/generate-envelopes';
import { EXPORTS, measureExport } from './bench-dashboard/measure-export';
import { measureInTurns } from './bench-dashboard/measure-requests';
import {
  describeExport,
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
// BENCH_SMALL_ENVELOPES: the size asked in turns with the full one (a hundredth unless set), e.g. 250,000 next to
// 2,500,000, the growth issue 16 measures; kept databases of both sizes make that a run of minutes.
const SMALL_SIZE = Number(process.env.BENCH_SMALL_ENVELOPES ?? Math.max(1, Math.round(FULL_SIZE / 100)));
const REQUESTS = 30;
const WARM_UP_REQUESTS = 5;
// Filling and measuring one database at both sizes normally takes a few minutes per 250,000 envelopes; a loaded
// machine takes longer.
const TIME_LIMIT_PER_DATABASE_MS = Math.max(40, (FULL_SIZE / 250_000) * 20) * 60_000;
const KEEP_DATABASES = Boolean(process.env.BENCH_KEEP_DATABASES);
const REUSE_DATABASES = Boolean(process.env.BENCH_REUSE_DATABASES);

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
    // BENCH_SQLITE=off benches PostgreSQL alone (at 2,500,000 envelopes each database takes the better part of an hour).
    if (process.env.BENCH_SQLITE !== 'off') {
      results.push(await withinTimeLimit('SQLite', () => benchDatabase('SQLite', (size) => prepareSqlite(size))));
    }
    if (postgresqlServerUrl) {
      results.push(
        await withinTimeLimit('PostgreSQL', () =>
          benchDatabase('PostgreSQL', (size) => preparePostgresql(postgresqlServerUrl, size)),
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
  prepare: (size: number) => SizeDatabase | Promise<SizeDatabase>,
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
          env: {
            DOCUMENT_STORAGE: 'filesystem',
            DOCUMENT_STORAGE_DIR: size.documents.dir,
            // A day past the fill's window: the server's purge (30 s after start, then hourly) finds nothing to delete
            // while pages are measured, so its work never lands in a page's time.
            DELIVERY_RETENTION_DAYS: String(DELIVERY_RETENTION_DAYS + 1),
          },
        }),
      );
    }
    const loadAverageBefore = os.loadavg()[0] ?? NaN;
    const [full, small] = prepared.map((size) => ({
      envelopes: size.total,
      fill: size.fill,
      loadAverageBefore,
      scenarios: [] as SizeResult['scenarios'],
      exports: [] as SizeResult['exports'],
    }));
    for (const [index, scenario] of prepared[0]!.scenarios.entries()) {
      const smallScenario = prepared[1]!.scenarios[index]!;
      // One scenario that fails (a request timed out, an error page) is reported and the run goes on: at 2,500,000
      // envelopes the fill before it took most of an hour.
      const measured = await measureInTurns({
        targets: [
          {
            url: `${servers[0]!.baseUrl}${scenario.path}`,
            expect: scenario.expect,
            label: `${kind}, ${FULL_SIZE.toLocaleString('en')} envelopes`,
          },
          {
            url: `${servers[1]!.baseUrl}${smallScenario.path}`,
            expect: smallScenario.expect,
            label: `${kind}, ${SMALL_SIZE.toLocaleString('en')} envelopes`,
          },
        ],
        count: REQUESTS,
        warmUp: WARM_UP_REQUESTS,
      }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      const failed = measured instanceof Error;
      if (failed) {
        console.log(`  ${scenario.name}: FAILED, ${measured.message}`);
        process.exitCode = 1;
      } else {
        const [fullTimes, smallTimes] = measured;
        console.log(
          `  ${scenario.name}: median ${fullTimes!.medianMs} ms, p95 ${fullTimes!.p95Ms} ms ` +
            `(${SMALL_SIZE.toLocaleString('en')} envelopes: ${smallTimes!.medianMs} ms, ${smallTimes!.p95Ms} ms)`,
        );
      }
      for (const [sizeIndex, size] of [full!, small!].entries()) {
        const { name, path: scenarioPath } = prepared[sizeIndex]!.scenarios[index]!;
        size.scenarios.push(
          failed
            ? { name, path: scenarioPath, times: null, error: measured.message }
            : { name, path: scenarioPath, times: measured[sizeIndex]! },
        );
      }
    }
    // One download at a time, after the pages: each server's memory is its own export's alone.
    for (const definition of EXPORTS) {
      for (const [index, size] of [full!, small!].entries()) {
        const exported = await measureExport({
          baseUrl: servers[index]!.baseUrl,
          processGroupId: servers[index]!.processGroupId,
          definition,
          expectedCount: definition.unit === 'rows' ? size.envelopes : size.fill.documents,
        });
        console.log(`  ${describeExport(exported, size.envelopes)}`);
        size.exports.push(exported);
      }
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
    for (const size of prepared) {
      await size.database.dispose();
      size.documents.dispose();
    }
  }
}

/** A database for one size: a kept one's fill when it is reused, and how to record the fill of one to keep. */
type SizeDatabase = BenchDatabase & { reusedFill: KeptFill | null; name: string; recordFill(kept: KeptFill): void };

type PreparedSize = {
  total: number;
  database: SizeDatabase;
  documents: DocumentStore;
  fill: FillResult & { rollupSeconds: number };
  scenarios: Scenario[];
};

async function prepareSize(kind: DatabaseKind, total: number, database: SizeDatabase): Promise<PreparedSize> {
  const kept = database.reusedFill;
  const documents = prepareDocumentStore(kind, total, kept !== null);
  try {
    await applyMigrations({ config: parseDatabaseUrl(database.databaseUrl) });
    const { now, detailIndex, fill } = kept ?? (await fillAndFold(kind, total, database, documents.dir));
    if (kept) {
      console.log(`\n▶ ${kind}, ${total.toLocaleString('en')} envelopes: reusing ${database.name} (kept)…`);
      // Whatever a migration since queued.
      await foldAllRollupChanges(database.databaseUrl);
    } else if (KEEP_DATABASES) {
      database.recordFill({ total, now, detailIndex, fill });
    }
    const scenarios = await buildScenarios({ databaseUrl: database.databaseUrl, total, now, detailIndex });
    return { total, database, documents, fill, scenarios };
  } catch (error) {
    await database.dispose();
    documents.dispose();
    throw error;
  }
}

async function fillAndFold(kind: DatabaseKind, total: number, database: BenchDatabase, documentsDir: string) {
  console.log(`\n▶ ${kind}, ${total.toLocaleString('en')} envelopes: migrating and filling…`);
  const now = new Date();
  const detailIndex = Math.floor(total / 3);
  let reported = 0;
  const fill = await fillDatabase({
    databaseUrl: database.databaseUrl,
    total,
    now,
    detailIndex,
    documentsDir,
    documentFiles: documentFileCount(total, FULL_SIZE),
    onProgress: (done) => {
      if (done - reported >= 50_000 || done === total) {
        reported = done;
        console.log(`  ${done.toLocaleString('en')} envelopes written`);
      }
    },
  });
  console.log(
    `  filled in ${fill.seconds.toFixed(0)} s: ${fill.recipients.toLocaleString('en')} recipients, ` +
      `${fill.events.toLocaleString('en')} events, ${fill.deliveries.toLocaleString('en')} deliveries, ` +
      `${fill.documents.toLocaleString('en')} stored files.`,
  );
  const rollupSeconds = await foldAllRollupChanges(database.databaseUrl);
  console.log(`  rollups folded in ${rollupSeconds.toFixed(0)} s (what the migration's backlog costs a server).`);
  return { now, detailIndex, fill: { ...fill, rollupSeconds } };
}

type DocumentStore = { dir: string; dispose(): void };

/**
 * A document store folder of its own per database and size (the server is pointed at it), never the app's
 * data/documents: the bench's files must not mix with real ones, and are removed after the run.
 */
function prepareDocumentStore(kind: DatabaseKind, size: number, reused: boolean): DocumentStore {
  const dir = path.resolve(`data/bench/dashboard-documents-${kind.toLowerCase()}-${size}`);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // A kept database's files are reused with it; the fill writes them anew otherwise.
  if (!reused) remove();
  mkdirSync(dir, { recursive: true });
  const forget = reused ? () => undefined : registerCleanup({ graceful: async () => remove(), lastResort: remove });
  return {
    dir,
    dispose: () => {
      forget();
      if (!KEEP_DATABASES) remove();
    },
  };
}

/** Folds every envelope the fill's inserts queued for the rollups, as a server's background fold would. */
async function foldAllRollupChanges(databaseUrl: string): Promise<number> {
  const startedAt = Date.now();
  const config = parseDatabaseUrl(databaseUrl);
  const db = createPrismaClient(config);
  try {
    while ((await foldRollupChanges({ db, provider: config.provider, limit: 100_000 })).pending);
  } finally {
    await db.$disconnect();
  }
  return (Date.now() - startedAt) / 1000;
}

const sqliteFileOf = (size: number) => `data/bench/dashboard-${size}.db`;

/**
 * A fresh SQLite file per size, removed after its run (the full one is over a gigabyte) unless kept
 * (BENCH_KEEP_DATABASES=1); a kept one of the same size is used again with BENCH_REUSE_DATABASES=1.
 */
function prepareSqlite(size: number): SizeDatabase {
  const file = sqliteFileOf(size);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    rmSync(keptFillPath(file), { force: true });
  };
  mkdirSync(path.dirname(file), { recursive: true });
  const reusedFill = REUSE_DATABASES && existsSync(file) ? readKeptFill(file, size) : null;
  if (!reusedFill) remove();
  // An interrupted fill leaves nothing behind; a reused database stays whatever happens.
  const forget = reusedFill ? () => undefined : registerCleanup({ graceful: async () => remove(), lastResort: remove });
  return {
    kind: 'SQLite',
    databaseUrl: `file:./${file}`,
    name: file,
    reusedFill,
    recordFill: (kept) => writeKeptFill(file, kept),
    dispose: async () => {
      forget();
      if (!KEEP_DATABASES) remove();
    },
  };
}

/**
 * A PostgreSQL database per size on the server of TEST_DATABASE_URL, dropped after its run unless kept
 * (BENCH_KEEP_DATABASES=1, as envtest_bench_dashboard_N with its record in data/bench/); a kept one of the same size
 * is used again with BENCH_REUSE_DATABASES=1.
 */
async function preparePostgresql(serverUrl: string, size: number): Promise<SizeDatabase> {
  if (!KEEP_DATABASES && !REUSE_DATABASES) {
    // A name of its own, so runs side by side on one server never drop each other's database.
    const database = await preparePostgresqlDatabase(serverUrl);
    return { ...database, name: 'a new PostgreSQL database', reusedFill: null, recordFill: () => undefined };
  }
  const record = `data/bench/dashboard-postgresql-${size}`;
  const keptFill = REUSE_DATABASES ? readKeptFill(record, size) : null;
  const database = await prepareKeptPostgresqlDatabase(serverUrl, {
    name: `dashboard_${size}`,
    reuse: keptFill !== null,
    keep: KEEP_DATABASES,
  });
  const reusedFill = database.reused ? keptFill : null;
  if (!reusedFill) rmSync(keptFillPath(record), { force: true });
  mkdirSync(path.dirname(record), { recursive: true });
  return {
    ...database,
    name: `the PostgreSQL database ${database.name}`,
    reusedFill,
    recordFill: (kept) => writeKeptFill(record, kept),
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
