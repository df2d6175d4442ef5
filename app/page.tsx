import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { listEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { listEnvelopes } from '@/app/lib/envelopes/list-envelopes';
import { EnvelopeEmptyState } from '@/app/ui/envelopes/envelope-empty-state';
import { EnvelopeFilters } from '@/app/ui/envelopes/envelope-filters';
import { envelopeListHref, hasActiveFilters, readListFilters } from '@/app/ui/envelopes/envelope-list-params';
import { EnvelopeTable } from '@/app/ui/envelopes/envelope-table';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { ListPagination } from '@/app/ui/list/list-pagination';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Envelopes' };

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  const filters = readListFilters(params);
  const query = parseSearchParams(listEnvelopesQuerySchema, params);
  const page = query.ok ? await listEnvelopes(query.value) : null;
  const now = new Date();

  return (
    <section aria-labelledby="envelopes-heading" className="space-y-4">
      <div>
        <h1 id="envelopes-heading" className="text-2xl font-semibold tracking-tight">
          Envelopes
        </h1>
        <p className="mt-1 text-sm text-slate-600">Newest activity first. Has the customer signed yet?</p>
      </div>
      <EnvelopeFilters filters={filters} />
      {!query.ok ? <InvalidQueryNotice message={query.message} resetHref="/" resetLabel="Show all envelopes" /> : null}
      {page && page.items.length > 0 ? (
        <>
          <EnvelopeTable envelopes={page.items} now={now} />
          <ListPagination
            firstPageHref={params.get('cursor') ? envelopeListHref(filters) : null}
            nextPageHref={page.nextCursor ? envelopeListHref(filters, page.nextCursor) : null}
          />
        </>
      ) : page ? (
        <EnvelopeEmptyState filtered={hasActiveFilters(filters) || Boolean(params.get('cursor'))} />
      ) : null}
    </section>
  );
}
