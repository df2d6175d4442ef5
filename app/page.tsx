import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { listEnvelopesQuerySchema } from '@/app/lib/envelopes/envelope-schemas';
import { listEnvelopes } from '@/app/lib/envelopes/list-envelopes';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { EnvelopeEmptyState } from '@/app/ui/envelopes/envelope-empty-state';
import { EnvelopeFilters } from '@/app/ui/envelopes/envelope-filters';
import { envelopeApiUrl, hasActiveFilters, readListFilters } from '@/app/ui/envelopes/envelope-list-params';
import { EnvelopeListView } from '@/app/ui/envelopes/envelope-list-view';
import { toHookOptions } from '@/app/ui/list/filter-fields';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';
import { PageShell } from '@/app/ui/page-shell';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Envelopes' };

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  const filters = readListFilters(params);
  const query = parseSearchParams(listEnvelopesQuerySchema, params);
  const cursor = params.get('cursor')?.trim() || null;
  // The first paint has everything, counts included: nothing on this page waits for the browser to ask.
  const [auth, hooks, page] = await Promise.all([
    getAuthState(),
    // Revoked hooks too: their envelopes are still listed.
    listHooks({ includeRevoked: true }),
    query.ok ? listEnvelopes({ ...query.value, counts: true }) : null,
  ]);
  const mayOperate = auth.can('operator');
  const filterForm = <EnvelopeFilters filters={filters} hooks={toHookOptions(hooks)} />;

  return (
    <PageShell
      id="envelopes"
      title="Envelopes"
      description="Has the customer signed yet, who is it waiting on, and until when?"
    >
      {page ? (
        <EnvelopeListView
          initial={page}
          renderedAt={new Date().toISOString()}
          filters={filters}
          cursor={cursor}
          apiUrl={envelopeApiUrl(filters)}
          filterForm={filterForm}
          emptyState={
            <EnvelopeEmptyState filtered={hasActiveFilters(filters) || cursor !== null} mayOperate={mayOperate} />
          }
          mayOperate={mayOperate}
        />
      ) : (
        <>
          {filterForm}
          <InvalidQueryNotice message={query.ok ? '' : query.message} resetHref="/" resetLabel="Show all envelopes" />
        </>
      )}
    </PageShell>
  );
}
