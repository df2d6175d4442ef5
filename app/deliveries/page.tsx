import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { listDeliveriesQuerySchema } from '@/app/lib/deliveries/delivery-schemas';
import { listDeliveries } from '@/app/lib/deliveries/list-deliveries';
import { summarizeRefusedDeliveries } from '@/app/lib/deliveries/summarize-refused-deliveries';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { DeliveryFilters } from '@/app/ui/deliveries/delivery-filters';
import {
  deliveryListHref,
  hasActiveDeliveryFilters,
  readDeliveryFilters,
} from '@/app/ui/deliveries/delivery-list-params';
import { DeliveryEmptyState } from '@/app/ui/deliveries/delivery-notices';
import { DeliveryTable } from '@/app/ui/deliveries/delivery-table';
import { RefusedDeliveriesNotices } from '@/app/ui/deliveries/refused-deliveries-notice';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { ListPagination } from '@/app/ui/list/list-pagination';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Deliveries' };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  const filters = readDeliveryFilters(params);
  const query = parseSearchParams(listDeliveriesQuerySchema, params);
  // Revoked hooks too: their old deliveries are often exactly what is being diagnosed.
  const [hooks, page, refused] = await Promise.all([
    listHooks({ includeRevoked: true }),
    query.ok ? listDeliveries(query.value) : null,
    summarizeRefusedDeliveries(),
  ]);
  const hookNames = new Map(hooks.map((hook) => [hook.id, hook.name]));
  const now = new Date();

  return (
    <section aria-labelledby="deliveries-heading" className="space-y-4">
      <div>
        <h1 id="deliveries-heading" className="text-2xl font-semibold tracking-tight">
          Deliveries
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Every request senders made to a hook, newest first. Why was a notification refused?
        </p>
      </div>
      <RefusedDeliveriesNotices notices={refused} />
      <DeliveryFilters
        filters={filters}
        hooks={hooks.map((hook) => ({ id: hook.id, name: hook.name, revoked: hook.revokedAt !== null }))}
      />
      {!query.ok ? (
        <InvalidQueryNotice message={query.message} resetHref="/deliveries" resetLabel="Show all deliveries" />
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <DeliveryTable deliveries={page.items} hookNames={hookNames} now={now} />
          <ListPagination
            firstPageHref={params.get('cursor') ? deliveryListHref(filters) : null}
            nextPageHref={page.nextCursor ? deliveryListHref(filters, page.nextCursor) : null}
          />
        </>
      ) : page ? (
        <DeliveryEmptyState filtered={hasActiveDeliveryFilters(filters) || Boolean(params.get('cursor'))} />
      ) : null}
    </section>
  );
}
