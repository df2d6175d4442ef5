import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toAlertChannelView, type AlertChannelView } from './alert-channel-view';

export async function getAlertChannel(options: { id: string }): Promise<AlertChannelView | null> {
  const row = await prisma.alertChannel.findUnique({ where: { id: options.id } });
  return row ? toAlertChannelView(row) : null;
}
