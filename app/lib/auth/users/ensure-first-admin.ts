import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { createUser } from './create-user';

/** The e-mail of the admin made from DASHBOARD_PASSWORD when ADMIN_EMAIL does not name one. */
export const LEGACY_ADMIN_EMAIL = 'admin@localhost';

export type FirstAdminOutcome =
  | { created: 'admin-from-environment'; email: string }
  | { created: 'admin-from-dashboard-password'; email: string }
  | { created: null; users: number };

/**
 * On a start with no users in the database, makes the first admin: from ADMIN_EMAIL and ADMIN_PASSWORD, or, for
 * an installation that used the one shared DASHBOARD_PASSWORD, an admin with that password (ADMIN_EMAIL, else
 * admin@localhost), so sign-in keeps working. With users in the database it changes nothing.
 */
export async function ensureFirstAdmin({
  adminEmail,
  adminPassword,
  dashboardPassword,
}: {
  adminEmail?: string;
  adminPassword?: string;
  dashboardPassword?: string;
}): Promise<FirstAdminOutcome> {
  const users = await prisma.user.count();
  if (users > 0) return { created: null, users };
  if (adminEmail && adminPassword) {
    const result = await createUser({ email: adminEmail, role: 'admin', password: adminPassword, name: 'Admin' });
    if (result.ok) return { created: 'admin-from-environment', email: result.user.email };
  }
  if (dashboardPassword) {
    const email = adminEmail ?? LEGACY_ADMIN_EMAIL;
    const result = await createUser({
      email,
      role: 'admin',
      password: dashboardPassword,
      name: 'Admin',
      legacyAdmin: true,
    });
    if (result.ok) return { created: 'admin-from-dashboard-password', email: result.user.email };
  }
  return { created: null, users: await prisma.user.count() };
}

/** Whether anyone can sign in as an admin today: an active admin with a password or an SSO identity. */
export async function countActiveAdmins(): Promise<number> {
  return prisma.user.count({ where: { role: 'admin', disabled: false } });
}
