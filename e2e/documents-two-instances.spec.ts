import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import {
  createScratchPostgresqlDatabase,
  dropScratchPostgresqlDatabase,
} from '../app/lib/db/scratch-postgresql-database';
import {
  makeTestPdf,
  startFakeEsignAnyWhereServer,
  type FakeEsignAnyWhereServer,
} from '../app/testing/fake-esignanywhere-server';
import { assertLocalPostgresqlUrl } from '../app/testing/test-database-guard';
import { killAppServer, startAppServer, type AppServer } from './support/app-server';

// Two app instances on one PostgreSQL database, both told about every finish callback at the same
// moment: each envelope is confirmed once and each of its files downloaded once, by one of them.
const HOOK_ID = 'two-instances-hook-0123456789abcdef';
const ENVELOPES = 12;

const postgresqlServer = process.env.TEST_DATABASE_URL;

test('two instances sharing PostgreSQL fetch each document exactly once', async () => {
  test.skip(!postgresqlServer, 'Set TEST_DATABASE_URL to run the two-instance test.');
  test.setTimeout(240_000);
  assertLocalPostgresqlUrl(postgresqlServer!);
  const databaseUrl = await createScratchPostgresqlDatabase(postgresqlServer!, 'envtest_two');
  const fake: FakeEsignAnyWhereServer = await startFakeEsignAnyWhereServer();
  const servers: AppServer[] = [];
  try {
    const env = {
      DATABASE_URL: databaseUrl,
      WEBHOOK_HOOK_IDS: HOOK_ID,
      SIGNING_PROVIDER: 'esignanywhere',
      ESAW_BASE_URL: fake.baseUrl,
      ESAW_API_TOKEN: fake.apiToken,
      DOCUMENT_STORAGE: 'database',
    };
    // One after the other: the first applies the migrations.
    servers.push(await startAppServer(env));
    servers.push(await startAppServer(env));

    const envelopeIds = Array.from({ length: ENVELOPES }, (_, index) => `two-instances-${Date.now()}-${index}`);
    for (const envelopeId of envelopeIds) {
      const signed = await makeTestPdf(`signed ${envelopeId}`, 2);
      const audit = await makeTestPdf(`audit ${envelopeId}`);
      fake.setEnvelope(envelopeId, {
        status: 'Completed',
        activities: [{ email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu', status: 'Completed' }],
        documents: [{ fileId: `${envelopeId}-doc`, fileName: 'Contract.pdf', bytes: signed, pageCount: 2 }],
        auditTrail: { fileId: `${envelopeId}-audit`, fileName: 'audit.pdf', bytes: audit },
      });
      // Slow downloads keep a fetch running while the other instance looks for work.
      for (const fileId of [`${envelopeId}-doc`, `${envelopeId}-audit`]) {
        fake.override(`/Api/v6/file/${fileId}`, {
          delayMs: 300,
          status: 200,
          body: fileId.endsWith('doc') ? signed : audit,
        });
      }
    }

    const notify = (server: AppServer, query: string) =>
      fetch(`${server.baseUrl}/api/webhooks/${HOOK_ID}?${query}`).then((response) => response.status);
    for (const envelopeId of envelopeIds) {
      expect(await notify(servers[0]!, `envelopeId=${envelopeId}&action=workstepFinished&recipientOrder=1`)).toBe(200);
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      // Both sweepers read a new envelope's details; between them, once. Waiting for that keeps the reads out of the
      // count of confirmations below.
      await expect
        .poll(
          async () =>
            (await db.query(`SELECT count(*)::int AS n FROM "Envelope" WHERE "detailsReadAt" IS NOT NULL`)).rows[0].n,
          { timeout: 60_000, intervals: [500] },
        )
        .toBe(ENVELOPES);
      for (const envelopeId of envelopeIds) {
        expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`), `first-sight reads of ${envelopeId}`).toBe(1);
      }
      // The same finish callback reaches both instances at once (senders retry, proxies duplicate).
      const statuses = await Promise.all(
        envelopeIds.flatMap((envelopeId) =>
          servers.map((server) =>
            notify(server, `envelopeId=${envelopeId}&action=envelopeFinished&FTOSIsFinishCallback=1`),
          ),
        ),
      );
      expect(statuses.every((status) => status === 200)).toBe(true);

      await expect
        .poll(
          async () =>
            (await db.query(`SELECT count(*)::int AS n FROM "DocumentFetch" WHERE "status" = 'stored'`)).rows[0].n,
          { timeout: 90_000, intervals: [500] },
        )
        .toBe(ENVELOPES);

      const envelopes = await db.query(`SELECT "status", "reconciliation" FROM "Envelope"`);
      expect(envelopes.rows).toHaveLength(ENVELOPES);
      expect(envelopes.rows.every((row) => row.status === 'completed' && row.reconciliation === 'confirmed')).toBe(
        true,
      );
      const documents = await db.query(`SELECT "envelopeId", "providerFileId" FROM "Document"`);
      expect(documents.rows).toHaveLength(2 * ENVELOPES);
      const jobs = await db.query(`SELECT "attempts" FROM "DocumentFetch"`);
      expect(jobs.rows.every((row) => row.attempts === 1)).toBe(true);

      // Either instance serves a stored file, with its length and its SHA-256 as ETag.
      const stored = await db.query(
        `SELECT "id", "envelopeId", "sha256", "byteSize" FROM "Document" WHERE "kind" = 'signed' LIMIT 1`,
      );
      const { id, envelopeId, sha256, byteSize } = stored.rows[0];
      const url = `${servers[1]!.baseUrl}/api/envelopes/${envelopeId}/documents/${id}`;
      const download = await fetch(url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-length')).toBe(String(byteSize));
      expect(download.headers.get('etag')).toBe(`"${sha256}"`);
      expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Contract\.pdf"/);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
      expect((await fetch(url, { headers: { 'If-None-Match': `"${sha256}"` } })).status).toBe(304);
    } finally {
      await db.end();
    }

    for (const envelopeId of envelopeIds) {
      // The first-sight read and one confirmation.
      expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}`), `status checks of ${envelopeId}`).toBe(2);
      expect(fake.countRequests(`/Api/v6/envelope/${envelopeId}/files`), `file lists of ${envelopeId}`).toBe(1);
      expect(fake.countRequests(`/Api/v6/file/${envelopeId}-doc`), `downloads of ${envelopeId}-doc`).toBe(1);
      expect(fake.countRequests(`/Api/v6/file/${envelopeId}-audit`), `downloads of ${envelopeId}-audit`).toBe(1);
    }
    // Both instances serve the result.
    for (const server of servers) {
      const detail = await fetch(`${server.baseUrl}/api/envelopes/${envelopeIds[0]}`);
      expect(detail.status).toBe(200);
    }
  } finally {
    for (const server of servers) killAppServer(server);
    await fake.close();
    await dropScratchPostgresqlDatabase(postgresqlServer!, databaseUrl, 'envtest_two');
  }
});
