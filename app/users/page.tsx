import type { Metadata } from 'next';
import { z } from 'zod';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { getAuthConfig } from '@/app/lib/auth/resolve-auth-config';
import { ROLES } from '@/app/lib/auth/roles';
import { listUsers } from '@/app/lib/auth/users/list-users';
import { AccountsOffNotice } from '@/app/ui/account/accounts-off-notice';
import { ROLE_SUMMARIES, roleLabel } from '@/app/ui/auth/roles-shown';
import { PageShell } from '@/app/ui/page-shell';
import { AddUserForm } from '@/app/ui/users/add-user-form';
import { userSchema } from '@/app/ui/users/users-api';
import { UsersSection } from '@/app/ui/users/users-section';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Users' };

/** Admins only: proxy.ts refuses the page to everyone else. */
export default async function UsersPage() {
  const auth = await getAuthState();
  const config = getAuthConfig();
  const title = 'Users';
  const description = 'Who may sign in, and with which role.';
  if (auth.protection !== 'accounts' || config.mode !== 'accounts')
    return (
      <PageShell id="users" title={title} description={description}>
        <AccountsOffNotice misconfigured={auth.protection === 'misconfigured'} />
      </PageShell>
    );

  // The same checks as the browser's, so server and client agree on the types (roles as the enum).
  const users = z.array(userSchema).parse(await listUsers());
  return (
    <PageShell
      id="users"
      title={title}
      proseDescription
      description="Who may sign in, and with which role. A new role applies from the person's next click; disabling someone signs them out at once."
    >
      <UsersSection initialUsers={users} currentUserId={auth.principal?.userId ?? null} />
      <AddUserForm sso={config.sso} />
      <dl className="max-w-prose space-y-1 text-sm text-slate-600">
        {ROLES.map((role) => (
          <div key={role}>
            <dt className="inline font-medium text-slate-800">{roleLabel(role)}</dt>
            <dd className="inline">: {ROLE_SUMMARIES[role]}.</dd>
          </div>
        ))}
      </dl>
    </PageShell>
  );
}
