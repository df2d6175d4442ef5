import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { encodeCursor } from '@/app/lib/api/cursor';
import { parseDatabaseUrl } from '@/app/lib/db/database-config';
import { ENVELOPE_STATUSES, OPEN_STATUSES } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
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
  // Someone an open envelope half-way down the list waits on.
  let waitingIndex = Math.floor(options.total * 0.6) + 5;
  while (!envelopeAt(waitingIndex).waitingOnEmail) waitingIndex++;
  const waitingOn = envelopeAt(waitingIndex).waitingOnEmail!;
  const firstStatus = ENVELOPE_STATUSES[0];
  const [lastSent, soonestDeadline, firstByStatus] = await Promise.all([
    firstIdOf(options.databaseUrl, `"sentAt" IS NOT NULL`, `"sentAt" DESC, "id" DESC`),
    firstIdOf(options.databaseUrl, `"expiresAt" IS NOT NULL`, `"expiresAt" ASC, "id" ASC`),
    firstIdOf(options.databaseUrl, `"status" = '${firstStatus}'`, `"lastEventAt" DESC, "id" DESC`),
  ]);
  if (!OPEN_STATUSES.includes(firstStatus)) throw new Error('the status sort scenario expects an open status first');
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
    { name: 'Sort by sent, newest first', path: '/?sort=sent&dir=desc', expect: lastSent },
    { name: 'Sort by deadline, soonest first', path: '/?sort=deadline&dir=asc', expect: soonestDeadline },
    { name: 'Sort by status', path: '/?sort=status&dir=asc', expect: firstByStatus },
    // Which envelope comes first moves with the clock; any open one expiring soon shows the words.
    { name: 'Expiring within 7 days', path: '/?expiringWithin=7', expect: 'expires in' },
    {
      name: 'Waiting on (e-mail)',
      path: `/?waitingOn=${encodeURIComponent(waitingOn.toUpperCase())}`,
      expect: envelopeAt(waitingIndex).id,
    },
    { name: 'Envelope detail, 200 events', path: `/envelopes/${encodeURIComponent(detailId)}`, expect: detailId },
    // Insights reads the period's envelopes on every visit (aggregates are issue 16's work): these show how it grows.
    { name: 'Insights, 7 days', path: '/insights?period=7', expect: 'Time from first open to completion' },
    { name: 'Insights, 30 days', path: '/insights', expect: 'Time from first open to completion' },
    { name: 'Insights, 90 days', path: '/insights?period=90', expect: 'Time from first open to completion' },
    { name: 'Setup', path: '/setup', expect: 'Bench hook 1' },
  ];
}

/** The id of the first envelope in this order among those matching, read from the database. */
async function firstIdOf(databaseUrl: string, where: string, orderBy: string): Promise<string> {
  const sql = `SELECT "id" FROM "Envelope" WHERE ${where} ORDER BY ${orderBy} LIMIT 1`;
  const config = parseDatabaseUrl(databaseUrl);
  if (config.provider === 'sqlite') {
    const database = new Sqlite(config.filePath, { readonly: true });
    try {
      return (database.prepare(sql).get() as { id: string }).id;
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: config.connectionString });
  await client.connect();
  try {
    return (await client.query<{ id: string }>(sql)).rows[0]!.id;
  } finally {
    await client.end();
  }
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
