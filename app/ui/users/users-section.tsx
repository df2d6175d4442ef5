'use client';

import { useState } from 'react';
import { ColumnHeaders, ScrollableTable, TableHead } from '@/app/ui/list/scrollable-table';
import { OneTimePassword } from './one-time-password';
import type { RevealedPassword } from './revealed-password';
import { UserRow } from './user-row';
import type { User } from './users-api';
import { useUsers } from './use-users';

/** Everyone who may sign in, kept current, with a reset's one-time password shown above them once. */
export function UsersSection({ initialUsers, currentUserId }: { initialUsers: User[]; currentUserId: string | null }) {
  const { users, error } = useUsers(initialUsers);
  const [revealed, setRevealed] = useState<RevealedPassword | null>(null);
  return (
    <section aria-labelledby="users-list-heading" className="space-y-3">
      <h2 id="users-list-heading" className="sr-only">
        Users
      </h2>
      {error ? (
        <p role="status" className="text-sm text-amber-800">
          Could not update the users ({error.message}); showing the last list received.
        </p>
      ) : null}
      {revealed ? <OneTimePassword revealed={revealed} onDismiss={() => setRevealed(null)} /> : null}
      <ScrollableTable id="users-table" caption="Users" minWidthClass="min-w-[64rem]">
        <TableHead>
          <ColumnHeaders labels={['User', 'Role', 'State', 'Signs in with', 'Last sign-in', 'Actions']} />
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <UserRow key={user.id} user={user} yourself={user.id === currentUserId} onPasswordRevealed={setRevealed} />
          ))}
        </tbody>
      </ScrollableTable>
    </section>
  );
}
