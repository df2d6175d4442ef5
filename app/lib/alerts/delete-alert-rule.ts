import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** Deletes a rule with the alerts it raised and their messages. False when there was none. */
export async function deleteAlertRule(options: { id: string }): Promise<boolean> {
  const { count } = await prisma.alertRule.deleteMany({ where: { id: options.id } });
  return count > 0;
}
