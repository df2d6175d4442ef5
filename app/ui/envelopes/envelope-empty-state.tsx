import { resolveSigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { EmptyState, NoMatchesState } from '@/app/ui/empty-state';
import { roleBlockedReason } from '@/app/ui/auth/roles-shown';
import { SimulateEnvelopeButton } from '@/app/ui/sandbox/simulate-envelope-button';

/** `mayOperate`: whether the visitor's role may play a simulated envelope (operator). */
export function EnvelopeEmptyState({ filtered, mayOperate }: { filtered: boolean; mayOperate: boolean }) {
  if (filtered) return <NoMatchesState items="envelopes" filters="search or status" resetHref="/" />;
  // Only the built-in sandbox can play an envelope's life; a real signing service sends its own.
  const sandbox = resolveSigningProviderConfig().provider === 'sandbox';
  return (
    <EmptyState
      title="No envelopes yet"
      footer={
        sandbox ? (
          <div className="mx-auto mt-6 max-w-prose border-t border-slate-200 pt-6">
            <p className="mb-3 text-sm text-slate-600">
              No signing service yet? The built-in sandbox plays a realistic envelope against this app, from the
              invitation to the signed PDF.
            </p>
            <SimulateEnvelopeButton
              align="center"
              blockedReason={roleBlockedReason(mayOperate, 'Simulating an envelope')}
            />
          </div>
        ) : null
      }
    >
      Create a hook with{' '}
      <code className="whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.8125rem] text-slate-800">
        npm run hook:create -- &quot;name&quot;
      </code>{' '}
      and paste the WebhookUrl and WebhookStatusUrl it prints into your sign request: envelopes appear here with their
      first notification.
    </EmptyState>
  );
}
