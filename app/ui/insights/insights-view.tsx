import type { Insights } from '@/app/lib/insights/get-insights';
import { INSIGHT_PERIODS } from '@/app/lib/insights/insights-schemas';
import { TimeZoneContextProvider } from '@/app/ui/format/time-zone-context';
import { InvalidQueryNotice } from '@/app/ui/list/invalid-query-notice';
import { PageShell } from '@/app/ui/page-shell';
import { ChoiceLinks } from './choice-links';
import { InsightCharts } from './insight-charts';
import { periodLabel } from './insight-summaries';
import { InsightsEmptyState } from './insights-empty-state';
import { insightsHref } from './insights-href';
import { StuckEnvelopesSection } from './stuck-envelopes-section';
import { TimeZoneRefresh } from './time-zone-refresh';

/**
 * The Insights page: the charts of a period and the stuck envelopes, with days counted in the reader's time zone; or,
 * for a URL whose query cannot be read, what is wrong with it.
 */
export function InsightsView(props: {
  timeZone: string;
  now: Date;
  result: { ok: true; insights: Insights } | { ok: false; message: string };
  /** Whether the visitor may open Setup (admin), which the empty state points to. */
  mayConfigure: boolean;
}) {
  return (
    <TimeZoneContextProvider timeZone={props.timeZone}>
      <TimeZoneRefresh serverTimeZone={props.timeZone} />
      <PageShell
        id="insights"
        title="Insights"
        description={`How envelopes move from invitation to signature. Days are counted in ${props.timeZone} time.`}
        className="space-y-5"
      >
        {props.result.ok ? (
          <InsightsBody insights={props.result.insights} now={props.now} mayConfigure={props.mayConfigure} />
        ) : (
          <InvalidQueryNotice message={props.result.message} resetHref="/insights" resetLabel="Show the last 30 days" />
        )}
      </PageShell>
    </TimeZoneContextProvider>
  );
}

function InsightsBody({ insights, now, mayConfigure }: { insights: Insights; now: Date; mayConfigure: boolean }) {
  const { funnel, slowestRecipients, completedPerDay, stuck, stuckDays } = insights;
  const days = insights.period.days;
  const nothingAtAll =
    funnel.invited === 0 &&
    completedPerDay.every((day) => day.count === 0) &&
    slowestRecipients.length === 0 &&
    stuck.total === 0;
  const longerPeriod = INSIGHT_PERIODS.find((period) => period > days) ?? null;

  return (
    <>
      <ChoiceLinks
        label="Period"
        choices={INSIGHT_PERIODS.map((period) => ({
          href: insightsHref({ period, stuck: stuckDays }),
          label: `${period} days`,
          current: period === days,
        }))}
      />
      {nothingAtAll ? (
        <InsightsEmptyState
          periodLabel={periodLabel(days)}
          longerPeriodHref={longerPeriod ? insightsHref({ period: longerPeriod, stuck: stuckDays }) : null}
          mayConfigure={mayConfigure}
        />
      ) : (
        <InsightCharts insights={insights} />
      )}
      <StuckEnvelopesSection insights={insights} now={now} />
    </>
  );
}
