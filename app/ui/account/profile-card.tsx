import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import { ROLE_SUMMARIES, roleLabel } from '@/app/ui/auth/roles-shown';
import type { User } from '@/app/ui/users/users-api';
import { AccountCard } from './account-card';
import { signInWays } from './account-words';

/** Who you are here: as an administrator set you up, and how you get in. */
export function ProfileCard({ user }: { user: User }) {
  return (
    <AccountCard id="profile-heading" title="Profile">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
        <Fact term="E-mail">
          <span className="[overflow-wrap:anywhere]" data-testid="profile-email">
            {user.email}
          </span>
        </Fact>
        <Fact term="Name">{user.name}</Fact>
        <Fact term="Role">
          <span className="font-medium">{roleLabel(user.role)}</span>
          <span className="text-slate-600">: {ROLE_SUMMARIES[user.role]}.</span>
        </Fact>
        <Fact term="Signs in with">{signInWays(user.signIn)}</Fact>
        <Fact term="Last sign-in">{user.lastSignInAt ? <ExactTime iso={user.lastSignInAt} /> : 'Never'}</Fact>
        <Fact term="Member since">
          <ExactTime iso={user.createdAt} />
        </Fact>
      </dl>
      <p className="mt-4 text-xs text-slate-600">An administrator changes your name or role on the Users page.</p>
    </AccountCard>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-slate-500">{term}</dt>
      <dd className="-mt-2.5 min-w-0 text-slate-900 sm:mt-0">{children}</dd>
    </div>
  );
}
