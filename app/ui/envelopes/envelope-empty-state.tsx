import Link from 'next/link';
import { resolveSigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { SimulateEnvelopeButton } from '@/app/ui/sandbox/simulate-envelope-button';

export function EnvelopeEmptyState({ filtered }: { filtered: boolean }) {
  // Only the built-in sandbox can play an envelope's life; a real signing service sends its own.
  const sandbox = !filtered && resolveSigningProviderConfig().provider === 'sandbox';
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      {filtered ? (
        <>
          <p className="text-lg font-medium">No envelopes match</p>
          <p className="mt-1 text-sm text-slate-600">
            Try another search or status, or{' '}
            <Link href="/" className="font-medium text-brand-700 underline underline-offset-2">
              show all envelopes
            </Link>
            .
          </p>
        </>
      ) : (
        <>
          <p className="text-lg font-medium">No envelopes yet</p>
          <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600">
            Create a hook with{' '}
            <code className="whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.8125rem] text-slate-800">
              npm run hook:create -- &quot;name&quot;
            </code>{' '}
            and paste the WebhookUrl and WebhookStatusUrl it prints into your sign request: envelopes appear here with
            their first notification.
          </p>
          {sandbox ? (
            <div className="mx-auto mt-6 max-w-prose border-t border-slate-200 pt-6">
              <p className="mb-3 text-sm text-slate-600">
                No signing service yet? The built-in sandbox plays a realistic envelope against this app, from the
                invitation to the signed PDF.
              </p>
              <SimulateEnvelopeButton align="center" />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
