import type { Metadata } from 'next';
import { listAlertChannels } from '@/app/lib/alerts/list-alert-channels';
import { listAlertHistory } from '@/app/lib/alerts/list-alert-history';
import { listAlertRules } from '@/app/lib/alerts/list-alert-rules';
import { getEnvironment } from '@/app/lib/env';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { listSubscriptions } from '@/app/lib/subscriptions/list-subscriptions';
import { HISTORY_PAGE_SIZE } from '@/app/ui/alerts/alert-api';
import { AlertsExplained } from '@/app/ui/alerts/alerts-explained';
import { ChannelsSection } from '@/app/ui/alerts/channels-section';
import { EmailSetupNotice } from '@/app/ui/alerts/email-setup-notice';
import { HistorySection } from '@/app/ui/alerts/history-section';
import { RulesSection } from '@/app/ui/alerts/rules-section';
import { SuggestedRulesPanel } from '@/app/ui/alerts/suggested-rules-panel';
import { toHookOptions } from '@/app/ui/list/filter-fields';
import { PageShell } from '@/app/ui/page-shell';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage() {
  const [channels, rules, history, hooks, subscriptions] = await Promise.all([
    listAlertChannels(),
    listAlertRules(),
    listAlertHistory({ limit: HISTORY_PAGE_SIZE }),
    // Revoked hooks too, so a rule limited to one still names it; the form offers only live ones.
    listHooks({ includeRevoked: true }),
    listSubscriptions(),
  ]);
  const environment = getEnvironment();
  const missingEmailSettings = [
    ...(environment.SMTP_URL ? [] : ['SMTP_URL']),
    ...(environment.ALERT_EMAIL_FROM ? [] : ['ALERT_EMAIL_FROM']),
  ];

  return (
    <PageShell
      id="alerts"
      title="Alerts"
      proseDescription
      description="Be told when an envelope needs someone: by e-mail, Slack, Teams or webhook, once per occasion. Rules say what deserves an alert, channels where it goes."
    >
      <EmailSetupNotice missing={missingEmailSettings} />
      <AlertsExplained />
      <SuggestedRulesPanel initialRules={rules} initialChannels={channels} />
      <ChannelsSection
        initialChannels={channels}
        initialRules={rules}
        emailReady={missingEmailSettings.length === 0}
        // Ids, addresses and descriptions only: a subscription's signing key never reaches the page.
        subscriptions={subscriptions.map(({ id, url, description }) => ({ id, url, description }))}
      />
      <RulesSection initialRules={rules} initialChannels={channels} hooks={toHookOptions(hooks)} />
      <HistorySection
        initialHistory={history}
        initialRules={rules}
        initialChannels={channels}
        renderedAt={new Date().toISOString()}
      />
    </PageShell>
  );
}
