import { encodeCursor } from '@/app/lib/api/cursor';
import { BENCH_HOOK_IDS } from './generate-envelopes';
import { isoTimeOf, readRows } from './read-rows';
import type { Scenario } from './scenarios';

/** The Deliveries page's page size when the URL sets none (delivery-schemas.ts). */
const PAGE_SIZE = 50;
/** Where in the delivery log the "deep page" starts, as a share of all deliveries. */
const DEEP_PAGE_SHARE = 0.8;

type DeliveryRow = { id: string; at: string };

/**
 * The Deliveries page: its first page, filtered by outcome and by hook, and a page deep in the log. Each must show
 * the delivery row (data-delivery-id) that only the right answer has: the last row of a filtered first page sits far
 * below the unfiltered first page, and the deep page's first row is nowhere near the top.
 */
export async function buildDeliveryScenarios(databaseUrl: string): Promise<Scenario[]> {
  const [newest] = await deliveriesWhere(databaseUrl, 'TRUE', { offset: 0, limit: 1 });
  const lastRejected = (
    await deliveriesWhere(databaseUrl, `"outcome" = 'rejected'`, { offset: 0, limit: PAGE_SIZE })
  ).at(-1);
  const hook = BENCH_HOOK_IDS[1]!;
  const lastOfHook = (await deliveriesWhere(databaseUrl, `"hookId" = '${hook}'`, { offset: 0, limit: PAGE_SIZE })).at(
    -1,
  );
  const total = await countDeliveries(databaseUrl);
  const deepIndex = Math.floor(total * DEEP_PAGE_SHARE);
  const [beforeDeep, deep] = await deliveriesWhere(databaseUrl, 'TRUE', { offset: deepIndex - 1, limit: 2 });
  if (!newest || !lastRejected || !lastOfHook || !beforeDeep || !deep) {
    throw new Error('The fill left too few deliveries for the Deliveries scenarios.');
  }
  return [
    { name: 'Deliveries, first page', path: '/deliveries', expect: rowOf(newest) },
    { name: 'Deliveries, outcome rejected', path: '/deliveries?outcome=rejected', expect: rowOf(lastRejected) },
    { name: 'Deliveries, one hook', path: `/deliveries?hook=${encodeURIComponent(hook)}`, expect: rowOf(lastOfHook) },
    {
      name: `Deliveries, deep page (after ${deepIndex.toLocaleString('en')} of ${total.toLocaleString('en')})`,
      path: `/deliveries?cursor=${encodeCursor({ at: new Date(beforeDeep.at), id: beforeDeep.id })}`,
      expect: rowOf(deep),
    },
  ];
}

const rowOf = (delivery: DeliveryRow) => `data-delivery-id="${delivery.id}"`;

/** Deliveries in the page's order (newest first), `offset` rows in. */
function deliveriesWhere(databaseUrl: string, where: string, page: { offset: number; limit: number }) {
  return readRows<DeliveryRow>(
    databaseUrl,
    (provider) =>
      `SELECT "id", ${isoTimeOf(provider, 'receivedAt')} AS "at" FROM "Delivery" WHERE ${where}
       ORDER BY "receivedAt" DESC, "id" DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
}

async function countDeliveries(databaseUrl: string): Promise<number> {
  const [row] = await readRows<{ count: number | string }>(
    databaseUrl,
    () => 'SELECT COUNT(*) AS "count" FROM "Delivery"',
  );
  return Number(row?.count ?? 0);
}
