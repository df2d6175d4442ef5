import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { listDeliveriesQuerySchema } from '@/app/lib/deliveries/delivery-schemas';
import { getReplayedDelivery, listDeliveries } from '@/app/lib/deliveries/list-deliveries';
import { summarizeRefusedDeliveries } from '@/app/lib/deliveries/summarize-refused-deliveries';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { DeliveryFilters } from '@/app/ui/deliveries/delivery-filters';
import {
  deliveryListHref,
  hasActiveDeliveryFilters,
  readDeliveryFilters,
  REPLAYED_PARAM,
} from '@/app/ui/deliveries/delivery-list-params';
import { DeliveryEmptyState } from '@/app/ui/deliveries/delivery-notices';
import { DeliveryTable } from '@/app/ui/deliveries/delivery-table';
import { RefusedDeliveriesNotices } from '@/app/ui/deliveries/refused-deliveries-notice';
import { ReplayOutcomeNotice } from '@/app/ui/deliveries/replay-outcome-notice';
import { toHookOptions } from '@/app/ui/list/filter-fields';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { ListPagination } from '@/app/ui/list/list-pagination';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';
import { PageShell } from '@/app/ui/page-shell';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Deliveries' };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  const filters = readDeliveryFilters(params);
  const query = parseSearchParams(listDeliveriesQuerySchema, params);
  const replayedId = params.get(REPLAYED_PARAM)?.slice(0, 128) || null;
  const [auth, hooks, page, refused, replayed] = await Promise.all([
    getAuthState(),
    // Revoked hooks too: their old deliveries are often exactly what is being diagnosed.
    listHooks({ includeRevoked: true }),
    query.ok ? listDeliveries(query.value) : null,
    summarizeRefusedDeliveries(),
    replayedId ? getReplayedDelivery(replayedId) : null,
  ]);
  const hookNames = new Map(hooks.map((hook) => [hook.id, hook.name]));
  const now = new Date();

  return (
    <PageShell
      id="deliveries"
      title="Deliveries"
      description="Every request senders made to a hook, newest first. Why was a notification refused?"
    >
      <RefusedDeliveriesNotices notices={refused} />
      {replayed ? (
        <ReplayOutcomeNotice
          key={replayed.id}
          replay={replayed}
          inList={page?.items.some((item) => item.id === replayed.id) ?? false}
        />
      ) : null}
      <DeliveryFilters filters={filters} hooks={toHookOptions(hooks)} />
      {!query.ok ? (
        <InvalidQueryNotice message={query.message} resetHref="/deliveries" resetLabel="Show all deliveries" />
      ) : null}
      {page && page.items.length > 0 ? (
        <>
          <DeliveryTable
            deliveries={page.items}
            hookNames={hookNames}
            now={now}
            highlightId={replayed?.id}
            mayReplay={auth.can('operator')}
          />
          <ListPagination
            firstPageHref={params.get('cursor') ? deliveryListHref(filters) : null}
            nextPageHref={page.nextCursor ? deliveryListHref(filters, page.nextCursor) : null}
          />
        </>
      ) : page ? (
        <DeliveryEmptyState filtered={hasActiveDeliveryFilters(filters) || Boolean(params.get('cursor'))} />
      ) : null}
    </PageShell>
  );
}
