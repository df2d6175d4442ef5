import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startSqliteCheckpointThread, type SqliteCheckpointThread } from './sqlite-checkpoint-thread';

// The thread runs its TypeScript source through tsx, as the envelope writer's thread does in its tests.
const execArgv = ['--import', 'tsx'];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A WAL database whose writer never checkpoints, holding `rows` rows of 1 KB that so far live only in its WAL. */
function writerWithUncheckpointedRows(rows: number) {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'checkpoint-'));
  cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
  const filePath = path.join(directory, 'app.db');
  const writer = new Sqlite(filePath);
  cleanups.push(() => void writer.close());
  writer.pragma('journal_mode = WAL');
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec('CREATE TABLE "Row" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)');
  const insert = writer.prepare('INSERT INTO "Row" ("body") VALUES (?)');
  writer.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`${i}`.padEnd(1024, 'x'));
  })();
  return { filePath, writer };
}

function start(filePath: string): SqliteCheckpointThread {
  const thread = startSqliteCheckpointThread(filePath, { intervalMs: 20, execArgv });
  cleanups.push(() => thread.close());
  return thread;
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the SQLite checkpoint thread', () => {
  it('copies what the writers commit into the database file, so that no commit has to', async () => {
    const { filePath } = writerWithUncheckpointedRows(2_000);
    // 2 MB of rows, all still in the WAL: the database file holds little more than the table's definition.
    expect(statSync(filePath).size).toBeLessThan(100_000);

    const thread = start(filePath);
    await until(() => {
      const report = thread.lastReport();
      return report !== null && 'walFrames' in report && report.walFrames > 0;
    }, 'the thread has checkpointed');

    expect(thread.lastReport()).toMatchObject({ walFrames: expect.any(Number) });
    const report = thread.lastReport() as { walFrames: number; checkpointedFrames: number };
    expect(report.checkpointedFrames).toBe(report.walFrames);
    expect(statSync(filePath).size).toBeGreaterThan(2_000 * 1024);
  });

  it('keeps up while the writer goes on committing, and never holds up its commits', async () => {
    const { filePath, writer } = writerWithUncheckpointedRows(10);
    const thread = start(filePath);
    const insert = writer.prepare('INSERT INTO "Row" ("body") VALUES (?)');
    // The writer has no busy timeout: a commit that met a lock held by the checkpoint would throw SQLITE_BUSY.
    writer.pragma('busy_timeout = 0');
    for (let batch = 0; batch < 40; batch++) {
      writer.transaction(() => {
        for (let i = 0; i < 50; i++) insert.run('y'.repeat(1024));
      })();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // The outcome reaches this thread by message, a moment after the file has grown.
    await until(
      () => statSync(filePath).size > 2_000 * 1024 && thread.lastReport() !== null,
      'the committed rows are in the database file and the thread has reported',
    );
    expect(writer.prepare('SELECT count(*) AS n FROM "Row"').get()).toEqual({ n: 2_010 });
    expect(thread.lastReport()).not.toHaveProperty('error');
  });

  it('says once, not on every round, why it cannot checkpoint', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'checkpoint-'));
    cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
    const notADatabase = path.join(directory, 'not-a-database.db');
    writeFileSync(notADatabase, 'this is not a SQLite file, it is long enough to have a header '.repeat(20));
    const errors: string[] = [];
    const original = console.error;
    console.error = (...parts: unknown[]) => void errors.push(parts.map(String).join(' '));
    cleanups.push(() => void (console.error = original));

    const thread = start(notADatabase);
    await until(() => thread.lastReport() !== null, 'the first round has reported');
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(thread.lastReport()).toEqual({ error: expect.stringMatching(/not a database/) });
    expect(errors).toEqual([
      expect.stringMatching(/^SQLite checkpoint failed \(commits checkpoint instead\): .*not a database/),
    ]);
  });
});
