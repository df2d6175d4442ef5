import Link from 'next/link';
import type { Insights } from '@/app/lib/insights/get-insights';
import { STUCK_DAY_CHOICES } from '@/app/lib/insights/insights-schemas';
import { countLabel } from '@/app/lib/format/count-label';
import { envelopeListHref } from '@/app/ui/envelopes/envelope-list-params';
import { formatCount } from '@/app/ui/format/count';
import { ChoiceLinks } from './choice-links';
import { summarizeStuck } from './insight-summaries';
import { insightsHref } from './insights-href';
import { StuckEnvelopesTable } from './stuck-envelopes-table';

/** Open envelopes without news for a chosen number of days, whatever the period of the charts. */
export function StuckEnvelopesSection({ insights, now }: { insights: Insights; now: Date }) {
  const { stuck, stuckDays } = insights;
  const choices: number[] = STUCK_DAY_CHOICES.includes(stuckDays as (typeof STUCK_DAY_CHOICES)[number])
    ? [...STUCK_DAY_CHOICES]
    : [...STUCK_DAY_CHOICES, stuckDays].sort((a, b) => a - b);
  return (
    <section
      aria-labelledby="stuck-heading"
      data-testid="stuck-envelopes"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div>
        <h2 id="stuck-heading" className="text-base font-semibold text-slate-900">
          Stuck envelopes
        </h2>
        <p className="mt-0.5 text-xs text-slate-600">
          Sent, opened or partially signed envelopes with no notification since; whatever the period above.
        </p>
      </div>
      <ChoiceLinks
        label="No activity for more than"
        choices={choices.map((choice) => ({
          href: insightsHref({ period: insights.period.days, stuck: choice }),
          label: countLabel(choice, 'day'),
          current: choice === stuckDays,
        }))}
      />
      <p className="text-sm text-slate-800" data-testid="stuck-envelopes-summary">
        {summarizeStuck(stuck.total, stuckDays)}
        {stuck.total > stuck.items.length ? ` The ${stuck.items.length} quietest are listed.` : ''}
        {stuck.total > 0 ? (
          <>
            {' '}
            {/* The list pages through all of them, and can remind their recipients or export them. */}
            <Link
              href={envelopeListHref({ quietFor: String(stuckDays), sort: 'activity', dir: 'asc' })}
              className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              {stuck.total > stuck.items.length
                ? `See all ${formatCount(stuck.total)} in the envelope list`
                : 'See them in the envelope list'}
            </Link>
          </>
        ) : null}
      </p>
      {stuck.items.length > 0 ? (
        <StuckEnvelopesTable envelopes={stuck.items} now={now} />
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-700">
          Nothing is waiting that long.
          {/* At the smallest choice there is nothing fewer to choose. */}
          {choices.some((choice) => choice < stuckDays)
            ? ' Choose fewer days to see envelopes that went quiet more recently.'
            : null}
        </p>
      )}
    </section>
  );
}
