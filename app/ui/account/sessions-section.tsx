'use client';

import { ExactTime } from '@/app/ui/envelopes/time-stamps';
import type { AccountSession } from './account-api';
import { AccountCard } from './account-card';
import { describeUserAgent, sessionMethod } from './account-words';
import { SignOutEverywhereButton } from './sign-out-everywhere-button';
import { useAccountSessions } from './use-account-sessions';

/** Where the reader is signed in, this browser marked, and the way to end them all (a lost laptop). */
export function SessionsSection({ initialSessions }: { initialSessions: AccountSession[] }) {
  const { sessions, error } = useAccountSessions(initialSessions);
  return (
    <AccountCard
      id="sessions-heading"
      title="Where you are signed in"
      description="Each browser that signed in as you, most recently used first. A session ends after a while without use, or when you sign out."
    >
      {error ? (
        <p role="status" className="mb-3 text-sm text-amber-800">
          Could not update the sessions ({error.message}); showing the last list received.
        </p>
      ) : null}
      <ul className="divide-y divide-slate-100" aria-label="Sessions">
        {sessions.map((session) => (
          <li key={session.id} className="py-3 first:pt-0" data-testid="session-item">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium text-slate-900">
              <span title={session.userAgent ?? undefined}>{describeUserAgent(session.userAgent)}</span>
              {session.current ? (
                <span className="rounded bg-brand-50 px-1.5 py-px text-[0.6875rem] font-medium text-brand-700 ring-1 ring-inset ring-brand-600/30">
                  This browser
                </span>
              ) : null}
            </p>
            <p className="mt-0.5 text-xs text-slate-600">
              {sessionMethod(session.method)}
              {session.sourceAddress ? <> · from {session.sourceAddress}</> : null} · signed in{' '}
              <ExactTime iso={session.createdAt} /> · last used <ExactTime iso={session.lastUsedAt} />
            </p>
          </li>
        ))}
      </ul>
      <div className="mt-4 border-t border-slate-100 pt-4">
        <SignOutEverywhereButton />
      </div>
    </AccountCard>
  );
}
