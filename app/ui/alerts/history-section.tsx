'use client';

import { useState } from 'react';
import { FILTER_FIELD, FILTER_LABEL } from '@/app/ui/list/filter-fields';
import type { AlertChannel, AlertHistoryPage, AlertRule, HistoryFilters } from './alert-api';
import { HistoryList } from './history-list';
import { useAlertChannels } from './use-alert-channels';
import { useAlertRules } from './use-alert-rules';

const NO_FILTERS: HistoryFilters = { rule: '', channel: '' };

/** The alerts sent, waiting or given up, newest first, by rule and channel; kept current while the page is open. */
export function HistorySection({
  initialHistory,
  initialRules,
  initialChannels,
  renderedAt,
}: {
  initialHistory: AlertHistoryPage;
  initialRules: AlertRule[];
  initialChannels: AlertChannel[];
  /** The server's clock at render time, so "5 min ago" reads the same before and after hydration. */
  renderedAt: string;
}) {
  const [now] = useState(() => new Date(renderedAt));
  const [filters, setFiltersState] = useState<HistoryFilters>(NO_FILTERS);
  // The server's page is a starting point only until the filters first change; after that it is old news.
  const [serverPageCurrent, setServerPageCurrent] = useState(true);
  const setFilters = (next: HistoryFilters) => {
    setServerPageCurrent(false);
    setFiltersState(next);
  };
  const { rules } = useAlertRules(initialRules);
  const { channels } = useAlertChannels(initialChannels);
  const filtered = filters.rule !== '' || filters.channel !== '';

  return (
    <section aria-labelledby="alert-history-heading" className="space-y-4 pt-4">
      <div>
        <h2 id="alert-history-heading" className="text-lg font-semibold text-slate-900">
          History
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Every alert message, newest first: sent, waiting for its next attempt, or failed. Updated every few seconds.
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:max-w-3xl">
        <div>
          <label htmlFor="history-rule" className={FILTER_LABEL}>
            Rule
          </label>
          <select
            id="history-rule"
            value={filters.rule}
            onChange={(event) => setFilters({ ...filters, rule: event.target.value })}
            className={FILTER_FIELD}
          >
            <option value="">All rules</option>
            {rules.map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.description}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="history-channel" className={FILTER_LABEL}>
            Channel
          </label>
          <select
            id="history-channel"
            value={filters.channel}
            onChange={(event) => setFilters({ ...filters, channel: event.target.value })}
            className={FILTER_FIELD}
          >
            <option value="">All channels</option>
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* A list of its own per filter: it starts empty and asks, rather than showing the unfiltered page meanwhile. */}
      <HistoryList
        key={`${filters.rule}|${filters.channel}`}
        filters={filters}
        initial={filtered || !serverPageCurrent ? undefined : initialHistory}
        filtered={filtered}
        now={now}
      />
    </section>
  );
}
