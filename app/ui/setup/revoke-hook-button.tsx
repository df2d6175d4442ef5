'use client';

import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from './inline-error';
import { DANGER_BUTTON } from './styles';
import { hookApiUrl, useHookAction } from './use-hook-action';

export function RevokeHookButton({ hookId, name }: { hookId: string; name: string }) {
  const { run, error, pending } = useHookAction();
  return (
    <div className="text-right">
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke ${name}`}
        onClick={() => {
          // Revoking cannot be undone and the signing service is refused from then on.
          if (!window.confirm(`Revoke "${name}"? Notifications sent to its URLs will be refused from now on.`)) return;
          void run(() => requestJson(hookApiUrl(hookId), { method: 'DELETE' }));
        }}
        className={DANGER_BUTTON}
      >
        Revoke
      </button>
      <InlineError message={error} />
    </div>
  );
}
