'use client';

import { useState } from 'react';
import { CopyButton } from './copy-button';
import { InlineError } from './inline-error';
import { DANGER_BUTTON, SECONDARY_BUTTON } from './styles';
import { useHookSetting } from './use-hook-action';

// Enough of the secret to tell two apart on screen, not enough to use.
function maskSecret(secret: string): string {
  return `${secret.slice(0, 10)}${'•'.repeat(12)}`;
}

export function SigningSecret({ hookId, secret }: { hookId: string; secret: string | null }) {
  const [revealed, setRevealed] = useState(false);
  const { save, error, pending } = useHookSetting(hookId);

  return (
    <div>
      <p className="text-sm font-medium text-slate-700">Signing secret</p>
      <p className="text-xs text-slate-500">
        With a secret, only requests signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature) are
        accepted.
      </p>
      {secret ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <code
            data-testid="signing-secret"
            className="min-w-0 break-all rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800"
          >
            {revealed ? secret : maskSecret(secret)}
          </code>
          <button
            type="button"
            onClick={() => setRevealed((value) => !value)}
            aria-pressed={revealed}
            className={SECONDARY_BUTTON}
          >
            {revealed ? 'Hide' : 'Reveal'}
          </button>
          <CopyButton value={secret} label="signing secret" />
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">Not required</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => {
            // A new secret breaks a sender still using the old one: make sure that is intended.
            if (secret && !window.confirm('Replace the secret? Senders using the current one will be refused.')) return;
            void save({ signingSecret: 'generate' });
          }}
          className={SECONDARY_BUTTON}
        >
          {secret ? 'Generate a new secret' : 'Require signatures (generate secret)'}
        </button>
        {secret ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => void save({ signingSecret: null })}
            className={DANGER_BUTTON}
          >
            Stop requiring signatures
          </button>
        ) : null}
      </div>
      <InlineError message={error} />
    </div>
  );
}
