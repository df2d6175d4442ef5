import type { Insights } from '@/app/lib/insights/get-insights';
import { formatDuration } from '@/app/ui/format/duration';
import { ChartCard, ChartDataTable } from './chart-card';
import { CHART_COLORS } from './chart-colors';
import { recipientDisplayName } from './duration-axis';
import { CompletedPerDayChart } from './completed-per-day-chart';
import { FunnelChart, type FunnelStage } from './funnel-chart';
import {
  longDayLabel,
  percentOf,
  periodLabel,
  summarizeCompletedPerDay,
  summarizeFunnel,
  summarizeOpenToCompletion,
  summarizeSlowestRecipients,
} from './insight-summaries';
import { OpenToCompletionChart } from './open-to-completion-chart';
import { SlowestRecipientsChart } from './slowest-recipients-chart';

/** What an empty chart says instead: why it may be empty and what to do about it. */
const EMPTY_CHART_HELP = {
  completed: (period: string) =>
    `No envelope was completed in ${period}. An envelope counts as completed when its finish callback arrives: ` +
    "check that the sign request has the hook's WebhookStatusUrl, or choose a longer period.",
  funnel: (period: string) =>
    `No envelope was sent in ${period}. Envelopes appear here with their first notification: paste a hook's URLs ` +
    'from the Setup page into your sign requests, or choose a longer period.',
  openToCompletion: (period: string) =>
    `Needs envelopes completed in ${period} whose opening was reported. Check that the sign request sends status ` +
    'notifications (WebhookStatusUrl), or choose a longer period.',
  slowestRecipients: (period: string) =>
    `Nobody signed in ${period}, or the notifications named no recipient. Add recipientEmail=##RecipientEmail## to ` +
    'the hook URLs (the Setup page shows them complete), or choose a longer period.',
};

/** The four charts of a period, each with its summary sentence and its numbers as a table. */
export function InsightCharts({ insights }: { insights: Insights }) {
  const { funnel, openToCompletion, slowestRecipients, completedPerDay } = insights;
  const days = insights.period.days;
  const period = periodLabel(days);
  const completedTotal = completedPerDay.reduce((sum, day) => sum + day.count, 0);
  const stages: FunnelStage[] = [
    { stage: 'Sent', count: funnel.invited, color: CHART_COLORS.sent },
    { stage: 'Opened', count: funnel.opened, color: CHART_COLORS.opened },
    { stage: 'Signed', count: funnel.signed, color: CHART_COLORS.signed },
    { stage: 'Completed', count: funnel.completed, color: CHART_COLORS.completed },
  ].map((stage) => ({ ...stage, percent: percentOf(stage.count, funnel.invited) }));

  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <ChartCard
        id="completed-per-day"
        className="lg:col-span-2"
        title="Envelopes completed per day"
        description={`Completions in ${period}, by the day the envelope was finished.`}
        summary={summarizeCompletedPerDay(completedPerDay)}
        empty={completedTotal === 0 ? EMPTY_CHART_HELP.completed(period) : null}
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
        description={`Envelopes first seen in ${period} and the furthest step each has reached.`}
        summary={summarizeFunnel(funnel, days)}
        empty={funnel.invited === 0 ? EMPTY_CHART_HELP.funnel(period) : null}
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
        description={`Envelopes completed in ${period}, by how long they took after first being opened.`}
        summary={summarizeOpenToCompletion(openToCompletion, days)}
        empty={openToCompletion.total === 0 ? EMPTY_CHART_HELP.openToCompletion(period) : null}
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
        description={`Average time from invitation (or first open) to signature, over signatures in ${period}.`}
        summary={summarizeSlowestRecipients(slowestRecipients, days)}
        empty={slowestRecipients.length === 0 ? EMPTY_CHART_HELP.slowestRecipients(period) : null}
        chart={
          <SlowestRecipientsChart
            recipients={slowestRecipients.map((recipient) => ({
              who: recipientDisplayName(recipient),
              averageSeconds: recipient.averageSeconds,
              signatures: recipient.signatures,
            }))}
          />
        }
        table={
          <ChartDataTable
            caption="Recipients slowest to sign"
            columns={['Recipient', 'E-mail', 'Average wait', 'Longest wait', 'Signatures']}
            rows={slowestRecipients.map((recipient) => [
              recipientDisplayName(recipient),
              recipient.email,
              formatDuration(recipient.averageSeconds * 1000),
              formatDuration(recipient.longestSeconds * 1000),
              recipient.signatures,
            ])}
          />
        }
      />
    </div>
  );
}
