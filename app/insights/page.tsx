import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { getInsights } from '@/app/lib/insights/get-insights';
import { insightsQuerySchema } from '@/app/lib/insights/insights-schemas';
import { readTimeZone } from '@/app/ui/format/read-time-zone';
import { InsightsView } from '@/app/ui/insights/insights-view';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const query = parseSearchParams(insightsQuerySchema, toUrlSearchParams(await searchParams));
  const { timeZone } = await readTimeZone();
  const now = new Date();
  const result = query.ok
    ? { ok: true as const, insights: await getInsights({ query: query.value, now, timeZone }) }
    : query;
  const auth = await getAuthState();
  return <InsightsView timeZone={timeZone} now={now} result={result} mayConfigure={auth.can('admin')} />;
}
