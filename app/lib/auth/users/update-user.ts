import 'server-only';
import type { Database } from '@/app/lib/db/create-prisma-client';
import { getDatabaseProvider, prisma } from '@/app/lib/db/prisma';
import type { Role } from '../roles';
import { toUserSummary, type UserSummary } from './user-summary';

export type UpdateUserResult =
  | { ok: true; user: UserSummary; before: { role: string; disabled: boolean }; sessionsEnded: number }
  | { ok: false; code: 'not_found' | 'last_admin'; message: string };

/**
 * Changes a user's role, name or state. Disabling ends their sessions at once (the tokens stop with the user). The
 * last active admin cannot be moved down or disabled: nobody could manage the users any more.
 */
export async function updateUser({
  id,
  role,
  disabled,
  name,
  db = prisma,
}: {
  id: string;
  role?: Role;
  disabled?: boolean;
  name?: string;
  db?: Database;
}): Promise<UpdateUserResult> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) return { ok: false, code: 'not_found', message: 'No user has this id: reload the list of users.' };
    const losesAdmin = user.role === 'admin' && !user.disabled && ((role && role !== 'admin') || disabled === true);
    if (losesAdmin) {
      // Two admins moving each other down at once must not both see the other still there: on PostgreSQL the active
      // admins' rows are locked first, so the second waits and counts after the first (SQLite has one writer anyway).
      if (getDatabaseProvider() === 'postgresql')
        await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'admin' AND disabled = false FOR UPDATE`;
      const admins = await tx.user.count({ where: { role: 'admin', disabled: false } });
      if (admins <= 1)
        return {
          ok: false,
          code: 'last_admin',
          message: 'This is the last active admin: make someone else an admin first.',
        };
    }
    const updated = await tx.user.update({
      where: { id },
      data: { ...(role ? { role } : {}), ...(disabled !== undefined ? { disabled } : {}), ...(name ? { name } : {}) },
    });
    const { count } = disabled ? await tx.userSession.deleteMany({ where: { userId: id } }) : { count: 0 };
    return {
      ok: true,
      user: toUserSummary(updated),
      before: { role: user.role, disabled: user.disabled },
      sessionsEnded: count,
    };
  });
}
