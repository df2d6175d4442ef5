'use client';

import { useState } from 'react';
import { roleLabel } from '@/app/ui/auth/roles-shown';
import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import type { ApiToken } from './account-api';
import { tokenState, type TokenState } from './account-words';
import { RevokeTokenButton } from './revoke-token-button';

const STATE_TONES: Record<TokenState['kind'], string> = {
  active: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30',
  expired: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  revoked: 'bg-slate-100 text-slate-600 ring-slate-400/30',
};

/** The reader's tokens, working ones first: what each may do, when it was last used, until when it works. */
export function TokenList({ tokens, renderedAt }: { tokens: ApiToken[]; renderedAt: string }) {
  // Expiry is judged at the server's render time first, so the first paint matches; a reload moves it on.
  const [now] = useState(() => new Date(renderedAt));
  if (tokens.length === 0)
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-center text-sm text-slate-600">
        No tokens yet. Create one below for each script or tool, so each can be revoked on its own.
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100" aria-label="API tokens">
      {tokens.map((token) => {
        const state = tokenState(token, now);
        return (
          <li
            key={token.id}
            className="flex flex-col gap-2 py-3 first:pt-0 sm:flex-row sm:items-start sm:justify-between"
            data-testid="token-item"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-900">
                <span className="[overflow-wrap:anywhere]">{token.name}</span>
                <span
                  className={`rounded px-1.5 py-px text-[0.6875rem] font-medium ring-1 ring-inset ${STATE_TONES[state.kind]}`}
                >
                  {state.label}
                </span>
              </p>
              <p className="mt-0.5 text-xs text-slate-600">
                {roleLabel(token.role)} · <code className="font-mono text-slate-800">{token.prefix}…</code> · created{' '}
                <ExactTime iso={token.createdAt} />
              </p>
              <p className="mt-0.5 text-xs text-slate-600">
                {token.lastUsedAt ? (
                  <>
                    Last used <ExactTime iso={token.lastUsedAt} />
                  </>
                ) : (
                  'Never used'
                )}{' '}
                ·{' '}
                {token.revokedAt ? (
                  <>
                    revoked <ExactTime iso={token.revokedAt} />
                  </>
                ) : token.expiresAt ? (
                  <>
                    {state.kind === 'expired' ? 'expired' : 'expires'} <ExactTime iso={token.expiresAt} />
                  </>
                ) : (
                  'never expires'
                )}
              </p>
            </div>
            {state.kind === 'active' ? <RevokeTokenButton tokenId={token.id} name={token.name} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
