'use client';

import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { DANGER_BUTTON } from '@/app/ui/setup/styles';
import { tokenApiUrl } from './account-api';
import { useTokenAction } from './use-token-action';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const { run, error, pending } = useTokenAction();
  return (
    <div className="sm:text-right">
      <button
        type="button"
        disabled={pending}
        aria-label={`Revoke the token ${name}`}
        onClick={() => {
          // A revoked token stops at once and cannot be brought back: whatever uses it breaks now.
          if (!window.confirm(`Revoke the token “${name}”? Scripts using it are refused from now on.`)) return;
          void run(() => requestJson(tokenApiUrl(tokenId), { method: 'DELETE' }), 'The token was not revoked');
        }}
        className={DANGER_BUTTON}
      >
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      <InlineError message={error} />
    </div>
  );
}
