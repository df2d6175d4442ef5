import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { encodeCursor } from '@/app/lib/api/cursor';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { contractNumberOf, emailOf, generateBatch } from './generate-envelopes';

export type Scenario = {
  name: string;
  path: string;
  /** Text the answer must contain, so a fast but wrong answer (an empty list, an error page) cannot pass. */
  expect: string;
};

/** Where in the list the "deep page" starts, as a share of all envelopes. */
const DEEP_PAGE_SHARE = 0.8;

/** The requests measured, all pages a reader opens: the server renders each with its data (list, counts, hooks). */
export async function buildScenarios(options: {
  databaseUrl: string;
  total: number;
  now: Date;
  detailIndex: number;
}): Promise<Scenario[]> {
  const envelopeAt = (index: number) =>
    generateBatch({ from: index, to: index + 1, total: options.total, now: options.now, detailIndex: -1 })
      .envelopes[0]!;
  const deepIndex = Math.floor(options.total * DEEP_PAGE_SHARE);
  const cursor = await cursorBefore(options.databaseUrl, deepIndex);
  const emailIndex = Math.floor(options.total * 0.5) + 3;
  const contractIndex = Math.floor(options.total * 0.7) + 11;
  const detailId = envelopeAt(options.detailIndex).id;
  let firstRejected = 0;
  while (envelopeAt(firstRejected).status !== 'rejected') firstRejected++;
  return [
    { name: 'First page', path: '/', expect: envelopeAt(0).id },
    {
      name: `Deep page (after ${deepIndex.toLocaleString('en')} envelopes)`,
      path: `/?cursor=${cursor}`,
      expect: envelopeAt(deepIndex).id,
    },
    { name: 'Status filter (rejected)', path: '/?status=rejected', expect: envelopeAt(firstRejected).id },
    {
      name: 'Search by recipient e-mail',
      path: `/?q=${encodeURIComponent(emailOf(emailIndex, 1))}`,
      expect: envelopeAt(emailIndex).id,
    },
    {
      name: 'Search by custom value',
      path: `/?q=${encodeURIComponent(contractNumberOf(contractIndex))}`,
      expect: envelopeAt(contractIndex).id,
    },
    { name: 'Envelope detail, 200 events', path: `/envelopes/${encodeURIComponent(detailId)}`, expect: detailId },
  ];
}

/** The cursor that makes envelope `index` (0 is the newest) the first of its page, read from the database. */
async function cursorBefore(databaseUrl: string, index: number): Promise<string> {
  const config = parseDatabaseUrl(databaseUrl);
  if (config.provider === 'sqlite') {
    const database = new Sqlite(config.filePath, { readonly: true });
    try {
      const row = database
        .prepare(
          `SELECT "id", "lastEventAt" AS "at" FROM "Envelope" ORDER BY "lastEventAt" DESC, "id" DESC LIMIT 1 OFFSET ?`,
        )
        .get(index - 1) as { id: string; at: string };
      return encodeCursor({ id: row.id, at: new Date(row.at) });
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: config.connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; at: string }>(
      `SELECT "id", to_char("lastEventAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"
       FROM "Envelope" ORDER BY "lastEventAt" DESC, "id" DESC LIMIT 1 OFFSET $1`,
      [index - 1],
    );
    return encodeCursor({ id: rows[0]!.id, at: new Date(rows[0]!.at) });
  } finally {
    await client.end();
  }
}
