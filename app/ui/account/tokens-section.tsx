'use client';

import type { Role } from '@/app/lib/auth/roles';
import type { ApiToken } from './account-api';
import { AccountCard } from './account-card';
import { CreateTokenForm } from './create-token-form';
import { TokenList } from './token-list';
import { useApiTokens } from './use-api-tokens';

/** Personal API tokens: for scripts that call the API as the reader, each revocable on its own. */
export function TokensSection({
  initialTokens,
  ownRole,
  renderedAt,
}: {
  initialTokens: ApiToken[];
  ownRole: Role;
  renderedAt: string;
}) {
  const { tokens, error } = useApiTokens(initialTokens);
  return (
    <AccountCard
      id="tokens-heading"
      title="Personal API tokens"
      description="For scripts and tools that call this dashboard's API as you. A token stops working when revoked, when it expires, or when your account is disabled."
    >
      {error ? (
        <p role="status" className="mb-3 text-sm text-amber-800">
          Could not update the tokens ({error.message}); showing the last list received.
        </p>
      ) : null}
      <TokenList tokens={tokens} renderedAt={renderedAt} />
      <div className="mt-4">
        <CreateTokenForm ownRole={ownRole} />
      </div>
    </AccountCard>
  );
}
