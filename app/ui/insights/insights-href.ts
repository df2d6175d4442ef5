import { DEFAULT_PERIOD, DEFAULT_STUCK_DAYS } from '@/app/lib/insights/insights-schemas';

/** The Insights page with this period and stuck threshold; defaults are left out so the plain URL stays plain. */
export function insightsHref(options: { period: number; stuck: number }): string {
  const params = new URLSearchParams();
  if (options.period !== DEFAULT_PERIOD) params.set('period', String(options.period));
  if (options.stuck !== DEFAULT_STUCK_DAYS) params.set('stuck', String(options.stuck));
  const search = params.toString();
  return search ? `/insights?${search}` : '/insights';
}
