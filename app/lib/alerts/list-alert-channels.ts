import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { toAlertChannelView, type AlertChannelView } from './alert-channel-view';

/** Every alert channel, oldest first. */
export async function listAlertChannels(): Promise<AlertChannelView[]> {
  const rows = await prisma.alertChannel.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return rows.map(toAlertChannelView);
}
