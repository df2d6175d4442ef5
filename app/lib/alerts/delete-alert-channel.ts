import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** Deletes a channel with its pending and past messages; rules keep their other channels. False when there was none. */
export async function deleteAlertChannel(options: { id: string }): Promise<boolean> {
  const { count } = await prisma.alertChannel.deleteMany({ where: { id: options.id } });
  return count > 0;
}
