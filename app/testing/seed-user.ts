import { randomUUID } from 'node:crypto';
import { createUser } from '@/app/lib/auth/users/create-user';
import { createUserSession } from '@/app/lib/auth/sessions/create-user-session';
import { createApiToken } from '@/app/lib/auth/tokens/create-api-token';
import type { Role } from '@/app/lib/auth/roles';

/** A user of its own for one test (a unique e-mail), optionally with a password, a session cookie and a token. */
export async function seedUser({ role, password, label = role }: { role: Role; password?: string; label?: string }) {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
  const created = await createUser({ email, role, password: password ?? null, name: `Test ${label}` });
  if (!created.ok) throw new Error(created.message);
  const user = created.user;
  return {
    user,
    email,
    /** A fresh session; `cookie` is the request header's value. */
    async signIn() {
      const session = await createUserSession({
        userId: user.id,
        method: 'password',
        sourceAddress: null,
        userAgent: null,
      });
      return { ...session, cookie: `envelope_tracker_session=${session.token}` };
    },
    async token(options: { role?: Role; name?: string } = {}) {
      const result = await createApiToken({
        userId: user.id,
        ownerRole: role,
        name: options.name ?? 'test token',
        role: options.role,
      });
      if (!result.ok) throw new Error(result.message);
      return result;
    },
  };
}
