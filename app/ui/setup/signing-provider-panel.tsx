import { Suspense } from 'react';
import { getEnvironment } from '@/app/lib/env';
import { checkSigningProviderReachable } from '@/app/lib/signing/check-signing-provider-reachable';
import { getSigningProviderState } from '@/app/lib/signing/get-signing-provider-state';
import { resolveSigningProviderConfig, type SigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { signingProviderSettings } from './signing-provider-settings';

const ADAPTER_LABELS: Record<SigningProviderConfig['provider'], string> = {
  esignanywhere: 'eSignAnyWhere API',
  http: 'Document address (HTTP)',
  sandbox: 'Built-in sandbox',
  none: 'None',
};

const WHAT_TO_SET =
  'To fetch signed documents, set SIGNING_PROVIDER to esignanywhere (with ESAW_BASE_URL and ESAW_API_TOKEN), http (with DOCUMENT_URL_TEMPLATE and, if needed, DOCUMENT_AUTH_HEADER) or sandbox, then restart the app.';

const LABEL = 'text-xs font-semibold uppercase tracking-wide text-slate-600';

/**
 * Which signing service the app asks for statuses and signed documents, what is set for it, what is missing and
 * whether it answers. Secrets are never shown, only whether they are set.
 */
export function SigningProviderPanel() {
  const config = resolveSigningProviderConfig();
  const state = getSigningProviderState(config);
  return (
    <section
      aria-labelledby="signing-provider-heading"
      data-testid="signing-provider-panel"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="signing-provider-heading" className="text-base font-semibold text-slate-900">
          Signing service
        </h2>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-500/30">
          {ADAPTER_LABELS[config.provider]}
        </span>
      </div>
      {config.provider === 'none' ? (
        // Said once, here: the envelope pages only link to it. The default's reason already names what to set, so
        // only the choices follow it.
        <div className="mt-3 max-w-prose space-y-1 text-sm text-slate-700" data-testid="signing-provider-explanation">
          <p className="font-medium text-slate-900">
            {config.explicit === false
              ? 'No signing service is configured: notifications are shown as they come, but signed documents are not fetched and statuses are not confirmed.'
              : state.description}
          </p>
          <p>{WHAT_TO_SET}</p>
        </div>
      ) : state.problem ? (
        // The description would repeat the problem; what to set is what the reader needs here.
        <div
          role="note"
          className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950"
        >
          <p className="font-medium">{state.problem}</p>
          <p className="mt-1">Fix it in the environment, then restart the app.</p>
        </div>
      ) : (
        <p className="mt-1 max-w-prose text-sm text-slate-600">{state.description}</p>
      )}

      <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
        <dt className={LABEL}>Statuses</dt>
        <dd className="text-slate-800">
          {state.confirmsStatus
            ? 'Confirmed with the signing service (finish callbacks, idle envelopes)'
            : 'Taken from notifications as they come'}
        </dd>
        <dt className={LABEL}>Signed documents</dt>
        <dd className="text-slate-800">
          {state.fetchesDocuments ? 'Fetched when an envelope completes' : 'Not fetched'}
        </dd>
        {signingProviderSettings(config, getEnvironment().SIGNING_PROVIDER).map(([name, value]) => (
          <Setting key={name} name={name} value={value} />
        ))}
        <dt className={LABEL}>Reachable</dt>
        <dd className="text-slate-800">
          {config.provider === 'none' || state.problem ? (
            <span className="text-slate-600">
              {config.provider === 'none'
                ? 'Not checked: no signing service is configured.'
                : 'Not checked until the configuration above is fixed.'}
            </span>
          ) : (
            // The check can take seconds against a slow service; the rest of the page does not wait for it.
            <Suspense fallback={<span className="text-slate-600">Checking…</span>}>
              <Reachability config={config} />
            </Suspense>
          )}
        </dd>
      </dl>
    </section>
  );
}

async function Reachability({ config }: { config: SigningProviderConfig }) {
  const { reachable, detail } = await checkSigningProviderReachable(config);
  return (
    <span className={`inline-flex items-start gap-1.5 ${reachable ? 'text-emerald-800' : 'text-red-800'}`}>
      <span aria-hidden className="font-bold">
        {reachable ? '✓' : '✗'}
      </span>
      <span className="min-w-0 break-words">
        <span className="font-medium">{reachable ? 'Yes' : 'No'}</span>: {detail}
      </span>
    </span>
  );
}

function Setting({ name, value }: { name: string; value: string | null }) {
  return (
    <>
      <dt className="font-mono text-xs text-slate-600 sm:pt-0.5">{name}</dt>
      <dd className="min-w-0 break-all font-mono text-xs text-slate-800 sm:pt-0.5">
        {value ?? <span className="font-sans text-amber-800">not set</span>}
      </dd>
    </>
  );
}
