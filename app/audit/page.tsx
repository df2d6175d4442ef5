import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { auditQuerySchema } from '@/app/lib/audit/audit-schemas';
import { listAuditEntries } from '@/app/lib/audit/list-audit-entries';
import { getEnvironment } from '@/app/lib/env';
import { AUDIT_PAGE_SIZE } from '@/app/ui/audit/audit-api';
import { AuditEmptyState } from '@/app/ui/audit/audit-empty-state';
import { hasActiveAuditFilters, readAuditFilters, withDaysAsInstants } from '@/app/ui/audit/audit-filters';
import { AuditFiltersForm } from '@/app/ui/audit/audit-filters-form';
import { AuditLogView } from '@/app/ui/audit/audit-log-view';
import { readTimeZone } from '@/app/ui/format/read-time-zone';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';
import { PageShell } from '@/app/ui/page-shell';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = readAuditFilters(toUrlSearchParams(await searchParams));
  // Days typed into the URL by hand, or sent by the form without JavaScript, count in the reader's zone.
  const { timeZone } = await readTimeZone();
  const apiFilters = withDaysAsInstants(filters, timeZone);
  const query = parseSearchParams(
    auditQuerySchema,
    new URLSearchParams({ ...apiFilters, limit: String(AUDIT_PAGE_SIZE) }),
  );
  const page = query.ok ? await listAuditEntries(query.value) : null;
  const retentionDays = getEnvironment().AUDIT_RETENTION_DAYS;

  return (
    <PageShell
      id="audit"
      title="Audit log"
      proseDescription
      description={
        <>
          Who did what, and when: sign-ins, document downloads and views, exports, replays, retries, reminders, test
          notifications and every change to hooks, subscriptions, alerts, users and API tokens. The log is append-only
          (nothing in it can be edited or deleted here) and keeps each entry for {retentionDays} days (
          <code className="font-mono text-[0.8125rem]">AUDIT_RETENTION_DAYS</code>).
        </>
      }
    >
      <AuditFiltersForm filters={filters} />
      {page ? (
        <AuditLogView
          key={JSON.stringify(apiFilters)}
          initial={page}
          renderedAt={new Date().toISOString()}
          filters={apiFilters}
          emptyState={<AuditEmptyState filtered={hasActiveAuditFilters(filters)} />}
        />
      ) : (
        <InvalidQueryNotice
          message={query.ok ? '' : query.message}
          resetHref="/audit"
          resetLabel="Show the whole log"
        />
      )}
    </PageShell>
  );
}
