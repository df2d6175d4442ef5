import type { Metadata } from 'next';
import { z } from 'zod';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { listUserSessions } from '@/app/lib/auth/sessions/list-user-sessions';
import { listApiTokens } from '@/app/lib/auth/tokens/list-api-tokens';
import { getUserById } from '@/app/lib/auth/users/list-users';
import { apiTokenSchema } from '@/app/ui/account/account-api';
import { hasPassword } from '@/app/ui/account/account-words';
import { AccountsOffNotice } from '@/app/ui/account/accounts-off-notice';
import { ChangePasswordForm } from '@/app/ui/account/change-password-form';
import { ChangePasswordNotice } from '@/app/ui/account/change-password-notice';
import { ProfileCard } from '@/app/ui/account/profile-card';
import { SessionsSection } from '@/app/ui/account/sessions-section';
import { TokensSection } from '@/app/ui/account/tokens-section';
import { PageShell } from '@/app/ui/page-shell';
import { userSchema } from '@/app/ui/users/users-api';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Account' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const [auth, params] = await Promise.all([getAuthState(), searchParams]);
  const principal = auth.principal;
  const userId = principal?.userId ?? null;
  const found = userId ? await getUserById({ id: userId }) : null;

  if (!principal || !userId || !found)
    return (
      <PageShell id="account" title="Account" description="Your profile, password, sessions and API tokens.">
        <AccountsOffNotice misconfigured={auth.protection === 'misconfigured'} />
      </PageShell>
    );

  const [sessions, tokens] = await Promise.all([
    listUserSessions({ userId, currentSessionId: principal.sessionId }),
    listApiTokens({ userId }),
  ]);
  // The same checks as the browser's, so server and client agree on the types (roles as the enum).
  const user = userSchema.parse(found);
  const mustChange = user.mustChangePassword || params['change-password'] === '1';
  const passwordForm = (
    // Keyed, so it keeps its state (the "Password changed" it shows) when it moves after the change.
    <ChangePasswordForm
      key="change-password"
      email={user.email}
      hasPassword={hasPassword(user.signIn)}
      mustChange={mustChange}
    />
  );

  return (
    <PageShell
      id="account"
      title="Account"
      description="Your profile, your password, where you are signed in, and your API tokens."
    >
      {mustChange ? <ChangePasswordNotice /> : null}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 lg:grid-cols-2">
        {/* The password to change comes first, where a phone shows it without scrolling. */}
        {mustChange ? passwordForm : null}
        <ProfileCard key="profile" user={user} />
        {mustChange ? null : passwordForm}
      </div>
      <SessionsSection initialSessions={sessions} />
      {/* Until the password is changed the API refuses new tokens (the proxy keeps only this page open). */}
      {user.mustChangePassword ? null : (
        <TokensSection
          initialTokens={z.array(apiTokenSchema).parse(tokens)}
          ownRole={principal.role}
          renderedAt={new Date().toISOString()}
        />
      )}
    </PageShell>
  );
}
