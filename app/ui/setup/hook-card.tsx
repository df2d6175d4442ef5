import type { presentHook } from '@/app/lib/hooks/present-hook';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { AllowedNetworks } from './allowed-networks';
import { HookRateLimit } from './hook-rate-limit';
import { HookUrls } from './hook-urls';
import { RevokeHookButton } from './revoke-hook-button';
import { SendTestNotification } from './send-test-notification';
import { SignedHookInstructions } from './signed-hook-instructions';
import { SigningSecret } from './signing-secret';

export type PresentedHook = ReturnType<typeof presentHook>;

const ORIGIN_LABELS: Record<string, string> = {
  dashboard: 'Created here',
  cli: 'Created with npm run hook:create',
  environment: 'From WEBHOOK_HOOK_IDS',
};

export function HookCard({ hook }: { hook: PresentedHook }) {
  const headingId = `hook-${hook.id}-heading`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="hook-card"
      // data-just-created: set for a moment by CreateHookForm on the hook it just created.
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-[box-shadow,background-color] duration-700 data-just-created:bg-brand-50 data-just-created:ring-2 data-just-created:ring-brand-600 sm:p-5"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} tabIndex={-1} className="break-words text-base font-semibold text-slate-900">
            {hook.name}
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">
            {ORIGIN_LABELS[hook.origin] ?? hook.origin} · <ExactTime iso={hook.createdAt} />
          </p>
        </div>
        <RevokeHookButton hookId={hook.id} name={hook.name} />
      </div>
      <div className="mt-4">
        {hook.signingSecret ? (
          <SignedHookInstructions url={hook.url} />
        ) : (
          <HookUrls
            webhookUrl={hook.webhookUrl}
            webhookStatusUrl={hook.webhookStatusUrl}
            workstepEventUrl={hook.workstepEventUrl}
          />
        )}
      </div>
      <div className="mt-4">
        <SendTestNotification hookId={hook.id} />
      </div>
      <div className="mt-5 grid gap-5 border-t border-slate-200 pt-4 md:grid-cols-2">
        <SigningSecret hookId={hook.id} secret={hook.signingSecret} />
        <AllowedNetworks hookId={hook.id} networks={hook.allowedNetworks} />
        <HookRateLimit
          hookId={hook.id}
          perSecond={hook.rateLimitPerSecond}
          defaultPerSecond={hook.defaultRateLimitPerSecond}
        />
      </div>
    </section>
  );
}
