import { resolveSigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { SimulateEnvelopeButton } from './simulate-envelope-button';

/** The Setup page's invitation to try the app without a signing service; shown only with the sandbox. */
export function SimulateEnvelopeSection() {
  if (resolveSigningProviderConfig().provider !== 'sandbox') return null;
  return (
    <section
      aria-labelledby="simulate-heading"
      className="space-y-3 rounded-lg border border-brand-600/20 bg-brand-50 p-4 sm:p-5"
    >
      <div>
        <h2 id="simulate-heading" className="text-base font-semibold text-slate-900">
          Try it with the sandbox
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          The built-in sandbox signing service plays one envelope&apos;s life against the first hook below (a hook named
          &ldquo;Sandbox&rdquo; is made if there is none): invitations, opens, signatures, sometimes a rejection or a
          retried delivery, and the signed PDF at the end.
        </p>
      </div>
      <SimulateEnvelopeButton variant="secondary" />
    </section>
  );
}
