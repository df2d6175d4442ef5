import 'server-only';
import { randomInt } from 'node:crypto';
import { prisma } from '@/app/lib/db/prisma';
import type { AlertChannelKind } from './alert-kinds';
import type { ChannelSendOutcome } from './alert-notice';
import { sendToAlertChannel } from './channels/send-to-alert-channel';
import type { AlertSendOptions } from './send-due-alert-deliveries';

/** Sends a test alert to the channel now, once, and says what came of it. Null when there is no such channel. */
export async function sendAlertChannelTest(
  options: { id: string; now?: Date } & AlertSendOptions,
): Promise<ChannelSendOutcome | null> {
  const channel = await prisma.alertChannel.findUnique({ where: { id: options.id } });
  if (!channel) return null;
  return sendToAlertChannel({
    smtpTransport: options.smtpTransport,
    channel: { ...channel, kind: channel.kind as AlertChannelKind },
    now: options.now ?? new Date(),
    notices: [
      {
        // Its own id each time: a receiver deduplicating by webhook-id shows every test.
        deliveryId: randomInt(1, 2 ** 47),
        alertId: 0,
        ruleId: 'test',
        ruleDescription: 'A test from the Alerts page',
        kind: 'rejected',
        title: 'Test alert',
        summary: `Test alert: the channel "${channel.name}" works`,
        details: ['Sent from the Alerts page to check this channel. Nothing needs doing.'],
        envelope: null,
        hookName: null,
        raisedAt: options.now ?? new Date(),
        test: true,
      },
    ],
  });
}
