import type { Metadata } from 'next';
import { summarizeRefusedDeliveries } from '@/app/lib/deliveries/summarize-refused-deliveries';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import { presentHook } from '@/app/lib/hooks/present-hook';
import { listSubscriptionAttempts } from '@/app/lib/subscriptions/list-subscription-attempts';
import { listSubscriptions } from '@/app/lib/subscriptions/list-subscriptions';
import { RefusedDeliveriesNotices } from '@/app/ui/deliveries/refused-deliveries-notice';
import { PageShell } from '@/app/ui/page-shell';
import { SimulateEnvelopeSection } from '@/app/ui/sandbox/simulate-envelope-section';
import { CreateHookForm } from '@/app/ui/setup/create-hook-form';
import { HookCard } from '@/app/ui/setup/hook-card';
import { RemoveTestEnvelopes } from '@/app/ui/setup/remove-test-envelopes';
import { SigningProviderPanel } from '@/app/ui/setup/signing-provider-panel';
import { SetupEmptyState } from '@/app/ui/setup/setup-empty-state';
import { ATTEMPTS_SHOWN } from '@/app/ui/subscriptions/subscription-api';
import { WebhooksOutSection } from '@/app/ui/subscriptions/webhooks-out-section';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Setup' };

export default async function SetupPage() {
  const [hooks, refused, subscriptions] = await Promise.all([
    listHooks().then((rows) => rows.map(presentHook)),
    summarizeRefusedDeliveries(),
    listSubscriptions(),
  ]);
  // A handful of subscriptions at most: one query each keeps the cards from starting empty.
  const attempts = Object.fromEntries(
    await Promise.all(
      subscriptions.map(
        async (subscription) =>
          [subscription.id, (await listSubscriptionAttempts(subscription.id, ATTEMPTS_SHOWN)) ?? []] as const,
      ),
    ),
  );

  return (
    <PageShell
      id="setup"
      title="Setup"
      proseDescription
      description={
        <>
          Paste a hook&apos;s callback URLs into your sign request (FintechOS: WebhookUrl and WebhookStatusUrl;
          eSignAnyWhere: its finish, status and workstep event callbacks); the placeholders such as{' '}
          <code className="font-mono text-[0.8125rem]">##EnvelopeId##</code> are filled in by the signing service.
        </>
      }
    >
      <RefusedDeliveriesNotices notices={refused} />
      <SigningProviderPanel />
      <SimulateEnvelopeSection />
      <CreateHookForm />
      {hooks.length === 0 ? (
        <SetupEmptyState />
      ) : (
        <div className="space-y-4">
          {hooks.map((hook) => (
            <HookCard key={hook.id} hook={hook} />
          ))}
        </div>
      )}
      {hooks.length === 0 ? null : <RemoveTestEnvelopes />}
      <WebhooksOutSection subscriptions={subscriptions} attempts={attempts} />
    </PageShell>
  );
}
