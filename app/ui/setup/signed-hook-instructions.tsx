import { CopyButton } from './copy-button';

const EXAMPLE_BODY = JSON.stringify(
  {
    envelopeId: '7bfa100a-f52c-4915-b25d-210e6bb82f48',
    action: 'workstepFinished',
    recipientEmail: 'jane.doe@example.com',
    recipientOrder: 1,
    contract: '123',
  },
  null,
  2,
);

/**
 * What a hook with a signing secret takes. The signature covers the body only, so the notification travels in the
 * body alone; the query-string URLs of unsigned hooks would be refused and are not offered.
 */
export function SignedHookInstructions({ url }: { url: string }) {
  return (
    <div className="space-y-3 text-sm text-slate-700" data-testid="signed-hook-instructions">
      <p>
        This hook takes <strong>signed notifications only</strong>: a <code className="font-mono">POST</code> to the
        address below with the fields as JSON (or a form) in the body, <strong>no query string</strong>, and the
        Standard Webhooks headers <code className="font-mono">webhook-id</code>,{' '}
        <code className="font-mono">webhook-timestamp</code> and <code className="font-mono">webhook-signature</code>. A
        GET or a query string is refused, and each webhook-id is processed once.
      </p>
      <p className="text-xs text-slate-600">
        eSignAnyWhere&apos;s own callbacks are unsigned GET requests: give them a hook without a signing secret, limited
        to the signing service&apos;s networks.
      </p>
      <div>
        <div className="flex items-end justify-between gap-2">
          <p className="font-medium text-slate-700">Address</p>
          <CopyButton value={url} label="signed hook address" />
        </div>
        <p className="mt-1 break-all rounded-md bg-slate-50 px-3 py-2 font-mono text-xs">{url}</p>
      </div>
      <div>
        <p className="font-medium text-slate-700">Example body</p>
        <pre className="mt-1 overflow-x-auto rounded-md bg-slate-50 px-3 py-2 font-mono text-xs">{EXAMPLE_BODY}</pre>
      </div>
    </div>
  );
}
