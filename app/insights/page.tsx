import type { Metadata } from 'next';
import { parseSearchParams } from '@/app/lib/api/parse-search-params';
import { getInsights, type Insights } from '@/app/lib/insights/get-insights';
import { INSIGHT_PERIODS, insightsQuerySchema, STUCK_DAY_CHOICES } from '@/app/lib/insights/insights-schemas';
import { formatDuration } from '@/app/ui/format/duration';
import { readTimeZone } from '@/app/ui/format/read-time-zone';
import { TimeZoneContextProvider } from '@/app/ui/format/time-zone-context';
import { ChartCard, ChartDataTable } from '@/app/ui/insights/chart-card';
import { CHART_COLORS } from '@/app/ui/insights/chart-colors';
import { ChoiceLinks } from '@/app/ui/insights/choice-links';
import { CompletedPerDayChart } from '@/app/ui/insights/completed-per-day-chart';
import { FunnelChart, type FunnelStage } from '@/app/ui/insights/funnel-chart';
import {
  longDayLabel,
  percentOf,
  periodLabel,
  plural,
  summarizeCompletedPerDay,
  summarizeFunnel,
  summarizeOpenToCompletion,
  summarizeSlowestRecipients,
  summarizeStuck,
} from '@/app/ui/insights/insight-summaries';
import { InsightsEmptyState } from '@/app/ui/insights/insights-empty-state';
import { insightsHref } from '@/app/ui/insights/insights-href';
import { OpenToCompletionChart } from '@/app/ui/insights/open-to-completion-chart';
import { SlowestRecipientsChart } from '@/app/ui/insights/slowest-recipients-chart';
import { StuckEnvelopesTable } from '@/app/ui/insights/stuck-envelopes-table';
import { TimeZoneRefresh } from '@/app/ui/insights/time-zone-refresh';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { toUrlSearchParams, type RawSearchParams } from '@/app/ui/list/list-url';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  const query = parseSearchParams(insightsQuerySchema, params);
  const { timeZone } = await readTimeZone();
  const now = new Date();
  const insights = query.ok ? await getInsights({ query: query.value, now, timeZone }) : null;

  return (
    <TimeZoneContextProvider timeZone={timeZone}>
      <TimeZoneRefresh serverTimeZone={timeZone} />
      <section aria-labelledby="insights-heading" className="space-y-5">
        <div>
          <h1 id="insights-heading" className="text-2xl font-semibold tracking-tight">
            Insights
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            How envelopes move from invitation to signature. Days are counted in {timeZone} time.
          </p>
        </div>
        {insights ? (
          <InsightsBody insights={insights} now={now} />
        ) : (
          <InvalidQueryNotice
            message={query.ok ? '' : query.message}
            resetHref="/insights"
            resetLabel="Show the last 30 days"
          />
        )}
      </section>
    </TimeZoneContextProvider>
  );
}

function InsightsBody({ insights, now }: { insights: Insights; now: Date }) {
  const { funnel, openToCompletion, slowestRecipients, completedPerDay, stuck } = insights;
  const days = insights.period.days;
  const completedTotal = completedPerDay.reduce((sum, day) => sum + day.count, 0);
  const nothingAtAll =
    funnel.invited === 0 && completedTotal === 0 && slowestRecipients.length === 0 && stuck.total === 0;
  const longerPeriod = INSIGHT_PERIODS.find((period) => period > days) ?? null;

  const stages: FunnelStage[] = [
    { stage: 'Sent', count: funnel.invited, color: CHART_COLORS.sent },
    { stage: 'Opened', count: funnel.opened, color: CHART_COLORS.opened },
    { stage: 'Signed', count: funnel.signed, color: CHART_COLORS.signed },
    { stage: 'Completed', count: funnel.completed, color: CHART_COLORS.completed },
  ].map((stage) => ({ ...stage, percent: percentOf(stage.count, funnel.invited) }));

  return (
    <>
      <ChoiceLinks
        label="Period"
        choices={INSIGHT_PERIODS.map((period) => ({
          href: insightsHref({ period, stuck: insights.stuckDays }),
          label: `${period} days`,
          current: period === days,
        }))}
      />
      {nothingAtAll ? (
        <InsightsEmptyState
          periodLabel={periodLabel(days)}
          longerPeriodHref={longerPeriod ? insightsHref({ period: longerPeriod, stuck: insights.stuckDays }) : null}
        />
      ) : (
        <div className="grid gap-5 lg:grid-cols-2">
          <ChartCard
            id="completed-per-day"
            className="lg:col-span-2"
            title="Envelopes completed per day"
            description={`Completions in ${periodLabel(days)}, by the day the envelope was finished.`}
            summary={summarizeCompletedPerDay(completedPerDay)}
            empty={
              completedTotal === 0 ? (
                <>
                  No envelope was completed in {periodLabel(days)}. An envelope counts as completed when its finish
                  callback arrives: check that the sign request has the hook&apos;s WebhookStatusUrl, or choose a longer
                  period.
                </>
              ) : null
            }
            chart={<CompletedPerDayChart days={completedPerDay} />}
            table={
              <ChartDataTable
                caption="Envelopes completed per day"
                columns={['Day', 'Completed']}
                rows={completedPerDay.map((day) => [longDayLabel(day.day), day.count])}
              />
            }
          />
          <ChartCard
            id="funnel"
            title="From sent to completed"
            description={`Envelopes first seen in ${periodLabel(days)} and the furthest step each has reached.`}
            summary={summarizeFunnel(funnel, days)}
            empty={
              funnel.invited === 0 ? (
                <>
                  No envelope was sent in {periodLabel(days)}. Envelopes appear here with their first notification:
                  paste a hook&apos;s URLs from the Setup page into your sign requests, or choose a longer period.
                </>
              ) : null
            }
            chart={<FunnelChart stages={stages} />}
            table={
              <ChartDataTable
                caption="Envelopes per step"
                columns={['Step', 'Envelopes', 'Of sent']}
                rows={[
                  ...stages.map((stage) => [stage.stage, stage.count, `${stage.percent}%`]),
                  ['Rejected', funnel.rejected, `${percentOf(funnel.rejected, funnel.invited)}%`],
                  ['Expired or canceled', funnel.expired, `${percentOf(funnel.expired, funnel.invited)}%`],
                ]}
              />
            }
          />
          <ChartCard
            id="open-to-completion"
            title="Time from first open to completion"
            description={`Envelopes completed in ${periodLabel(days)}, by how long they took after first being opened.`}
            summary={summarizeOpenToCompletion(openToCompletion, days)}
            empty={
              openToCompletion.total === 0 ? (
                <>
                  Needs envelopes completed in {periodLabel(days)} whose opening was reported. Check that the sign
                  request sends status notifications (WebhookStatusUrl), or choose a longer period.
                </>
              ) : null
            }
            chart={<OpenToCompletionChart buckets={openToCompletion.buckets} />}
            table={
              <ChartDataTable
                caption="Envelopes by time from first open to completion"
                columns={['Time taken', 'Envelopes']}
                rows={openToCompletion.buckets.map((bucket) => [bucket.label, bucket.count])}
              />
            }
          />
          <ChartCard
            id="slowest-recipients"
            className="lg:col-span-2"
            title="Recipients slowest to sign"
            description={`Average time from invitation (or first open) to signature, over signatures in ${periodLabel(days)}.`}
            summary={summarizeSlowestRecipients(slowestRecipients, days)}
            empty={
              slowestRecipients.length === 0 ? (
                <>
                  Nobody signed in {periodLabel(days)}, or the notifications named no recipient. Add
                  recipientEmail=##RecipientEmail## to the hook URLs (the Setup page shows them complete), or choose a
                  longer period.
                </>
              ) : null
            }
            chart={
              <SlowestRecipientsChart
                recipients={slowestRecipients.map((recipient) => ({
                  who: recipient.name ?? recipient.email,
                  averageHours: Math.round((recipient.averageSeconds / 3600) * 10) / 10,
                  averageSeconds: recipient.averageSeconds,
                  signatures: recipient.signatures,
                }))}
              />
            }
            table={
              <ChartDataTable
                caption="Recipients slowest to sign"
                columns={['Recipient', 'Average wait', 'Longest wait', 'Signatures']}
                rows={slowestRecipients.map((recipient) => [
                  recipient.name ? `${recipient.name} (${recipient.email})` : recipient.email,
                  formatDuration(recipient.averageSeconds * 1000),
                  formatDuration(recipient.longestSeconds * 1000),
                  recipient.signatures,
                ])}
              />
            }
          />
        </div>
      )}
      <StuckSection insights={insights} now={now} />
    </>
  );
}

function StuckSection({ insights, now }: { insights: Insights; now: Date }) {
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
          label: plural(choice, 'day'),
          current: choice === stuckDays,
        }))}
      />
      <p className="text-sm text-slate-800" data-testid="stuck-envelopes-summary">
        {summarizeStuck(stuck.total, stuckDays)}
        {stuck.total > stuck.items.length ? ` The ${stuck.items.length} quietest are listed.` : ''}
      </p>
      {stuck.items.length > 0 ? (
        <StuckEnvelopesTable envelopes={stuck.items} now={now} />
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-700">
          Nothing is waiting that long. Choose fewer days to see envelopes that went quiet more recently.
        </p>
      )}
    </section>
  );
}
