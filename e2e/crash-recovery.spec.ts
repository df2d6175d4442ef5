import { expect, test } from '@playwright/test';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
} from '../app/lib/db/scratch-postgresql-database';
import { assertLocalPostgresqlUrl } from '../app/testing/test-database-guard';
import { freePort, killAppServer, startAppServer } from './support/app-server';

// A server killed with SIGKILL in the middle of a burst loses nothing it answered 200 for.
const HOOK_ID = 'crash-test-hook-0123456789abcdef';
const BURST = 600;
const CONCURRENCY = 16;
const KILL_AFTER_ANSWERS = 150;

const databases: { name: string; url: () => Promise<string>; cleanup: (url: string) => Promise<void> }[] = [
  {
    name: 'SQLite',
    url: async () => `file:./data/e2e-crash/crash-${Date.now()}.db`,
    cleanup: async () => undefined,
  },
];
const postgresqlServer = process.env.TEST_DATABASE_URL;
if (postgresqlServer) {
  assertLocalPostgresqlUrl(postgresqlServer);
  databases.push({
    name: 'PostgreSQL',
    url: () => createScratchPostgresqlDatabase(postgresqlServer, 'envtest_crash'),
    cleanup: (url) => dropScratchPostgresqlDatabase(postgresqlServer, url, 'envtest_crash'),
  });
}

const ACTIONS = ['sendSignNotification', 'workstepOpened', 'workstepFinished', 'envelopeFinished'];

for (const database of databases) {
  test(`every delivery answered 200 survives a SIGKILL mid-burst (${database.name})`, async () => {
    test.setTimeout(180_000);
    const url = await database.url();
    const port = await freePort();
    const env = { DATABASE_URL: url, WEBHOOK_HOOK_IDS: HOOK_ID };
    try {
      const server = await startAppServer(env, port);
      const acknowledged: { envelopeId: string; action: string }[] = [];
      let answers = 0;
      let next = 0;
      const send = async (): Promise<void> => {
        while (next < BURST) {
          const index = next++;
          const envelopeId = `crash-${index % 200}`;
          const action = ACTIONS[Math.floor(index / 200) % ACTIONS.length]!;
          const query = `envelopeId=${envelopeId}&action=${action}&recipientOrder=1${action === 'envelopeFinished' ? '&FTOSIsFinishCallback=1' : ''}`;
          const response = await fetch(`${server.baseUrl}/api/webhooks/${HOOK_ID}?${query}`).catch(() => null);
          if (!response) return; // the server is gone
          answers += 1;
          if (response.status === 200) acknowledged.push({ envelopeId, action });
          if (answers === KILL_AFTER_ANSWERS) killAppServer(server, 'SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, send));
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS - CONCURRENCY);
      expect(acknowledged.length).toBeLessThan(BURST); // the kill really happened mid-burst

      const restarted = await startAppServer(env, port);
      try {
        const missing: string[] = [];
        for (const { envelopeId, action } of acknowledged) {
          const envelope = await (await fetch(`${restarted.baseUrl}/api/envelopes/${envelopeId}`)).json();
          const actions: string[] = (envelope.events ?? []).map((event: { action: string }) => event.action);
          if (!actions.includes(action)) missing.push(`${envelopeId}/${action}`);
        }
        expect(missing).toEqual([]);
      } finally {
        killAppServer(restarted);
      }
    } finally {
      await database.cleanup(url);
    }
  });
}
