import { encodeCursor } from '@/app/lib/api/cursor';
import { ENVELOPE_STATUSES, OPEN_STATUSES } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { buildDeliveryScenarios } from './delivery-scenarios';
import { contractNumberOf, emailOf, generateBatch } from './generate-envelopes';
import { isoTimeOf, readRows } from './read-rows';

export type Scenario = {
  name: string;
  path: string;
  /** Text the answer must contain, so a fast but wrong answer (an empty list, an error page) cannot pass. */
  expect: string;
};

/** Where in the list the "deep page" starts, as a share of all envelopes. */
const DEEP_PAGE_SHARE = 0.8;

/**
 * The requests measured, all pages a reader opens: the server renders each with its data (list, counts, hooks, the
 * delivery log).
 */
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
  const openStatuses = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');
  const [lastSent, soonestDeadline, firstByStatus, quietest, deliveryScenarios] = await Promise.all([
    firstIdOf(options.databaseUrl, `"sentAt" IS NOT NULL`, `"sentAt" DESC, "id" DESC`),
    firstIdOf(options.databaseUrl, `"expiresAt" IS NOT NULL`, `"expiresAt" ASC, "id" ASC`),
    firstIdOf(options.databaseUrl, `"status" = '${firstStatus}'`, `"lastEventAt" DESC, "id" DESC`),
    firstIdOf(options.databaseUrl, `"status" IN (${openStatuses})`, `"lastEventAt" ASC, "id" ASC`),
    buildDeliveryScenarios(options.databaseUrl),
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
    // Insights' "See all in the envelope list": every open envelope quiet for a week, the quietest first.
    { name: 'No activity for more than 7 days', path: '/?quietFor=7&sort=activity&dir=asc', expect: quietest },
    {
      name: 'Waiting on (e-mail)',
      path: `/?waitingOn=${encodeURIComponent(waitingOn.toUpperCase())}`,
      expect: envelopeAt(waitingIndex).id,
    },
    { name: 'Envelope detail, 200 events', path: `/envelopes/${encodeURIComponent(detailId)}`, expect: detailId },
    // Insights reads aggregates (rollup tables the database's triggers mark and a fold keeps up to date), no longer
    // the period's envelopes: a longer period reads more days of rollups, not more envelopes.
    { name: 'Insights, 7 days', path: '/insights?period=7', expect: 'Time from first open to completion' },
    { name: 'Insights, 30 days', path: '/insights', expect: 'Time from first open to completion' },
    { name: 'Insights, 90 days', path: '/insights?period=90', expect: 'Time from first open to completion' },
    ...deliveryScenarios,
    { name: 'Setup', path: '/setup', expect: 'Bench hook 1' },
  ];
}

/** The id of the first envelope in this order among those matching, read from the database. */
async function firstIdOf(databaseUrl: string, where: string, orderBy: string): Promise<string> {
  const [row] = await readRows<{ id: string }>(
    databaseUrl,
    () => `SELECT "id" FROM "Envelope" WHERE ${where} ORDER BY ${orderBy} LIMIT 1`,
  );
  if (!row) throw new Error(`No envelope matches ${where}.`);
  return row.id;
}

/** The cursor that makes envelope `index` (0 is the newest) the first of its page, read from the database. */
async function cursorBefore(databaseUrl: string, index: number): Promise<string> {
  const [row] = await readRows<{ id: string; at: string }>(
    databaseUrl,
    (provider) =>
      `SELECT "id", ${isoTimeOf(provider, 'lastEventAt')} AS "at"
       FROM "Envelope" ORDER BY "lastEventAt" DESC, "id" DESC LIMIT 1 OFFSET ${index - 1}`,
  );
  if (!row) throw new Error(`The fill has no envelope number ${index}.`);
  return encodeCursor({ id: row.id, at: new Date(row.at) });
}
