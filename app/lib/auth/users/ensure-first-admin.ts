import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { verifyPassword } from '../passwords/password-hash';
import { createUser } from './create-user';

/** The e-mail of the admin made from DASHBOARD_PASSWORD when ADMIN_EMAIL does not name one. */
export const LEGACY_ADMIN_EMAIL = 'admin@localhost';

export type FirstAdminOutcome =
  | { created: 'admin-from-environment'; email: string }
  | { created: 'admin-from-dashboard-password'; email: string }
  | {
      created: null;
      users: number;
      /** DASHBOARD_PASSWORD is set but is no longer the legacy admin's password (changed on either side). */
      legacyPasswordDiffers: boolean;
    };

/**
 * On a start with no users in the database, makes the first admin: from ADMIN_EMAIL and ADMIN_PASSWORD, or, for
 * an installation that used the one shared DASHBOARD_PASSWORD, an admin with that password (ADMIN_EMAIL, else
 * admin@localhost), so sign-in keeps working. With users in the database it changes nothing. Two instances starting
 * at once make one admin: the other finds the e-mail taken and goes on.
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
  if (users === 0 && adminEmail && adminPassword) {
    const result = await createUser({ email: adminEmail, role: 'admin', password: adminPassword, name: 'Admin' });
    if (result.ok) return { created: 'admin-from-environment', email: result.user.email };
  } else if (users === 0 && dashboardPassword) {
    const result = await createUser({
      email: adminEmail ?? LEGACY_ADMIN_EMAIL,
      role: 'admin',
      password: dashboardPassword,
      name: 'Admin',
      legacyAdmin: true,
    });
    if (result.ok) return { created: 'admin-from-dashboard-password', email: result.user.email };
  }
  const legacy = dashboardPassword ? await prisma.user.findFirst({ where: { legacyAdmin: true } }) : null;
  const legacyPasswordDiffers =
    legacy !== null && !(await verifyPassword({ password: dashboardPassword!, hash: legacy.passwordHash }));
  return { created: null, users: await prisma.user.count(), legacyPasswordDiffers };
}
