import 'server-only';
import { SpanStatusCode } from '@opentelemetry/api';
import { inSpan } from '@/app/lib/observability/in-span';
import { z } from 'zod';
import { ALERT_CHANNEL_KINDS } from '@/app/lib/alerts/alert-kinds';
import type { AlertNotice, ChannelSendOutcome, DigestNotice } from '@/app/lib/alerts/alert-notice';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { postWebhook, type PostOutcome } from '@/app/lib/subscriptions/post-webhook';
import { recordAttempt } from '@/app/lib/subscriptions/send-subscription-delivery';
import { signingSecrets } from '@/app/lib/subscriptions/subscription-secrets';
import { formatAlertMessage } from './format-alert-message';
import { formatDigestMessage } from './format-digest-message';
import { postAlertJson } from './post-alert-json';
import { sendAlertEmail, type SmtpTransportOverride } from './send-alert-email';
import { buildSlackPayload } from './slack-payload';
import { buildTeamsPayload } from './teams-payload';

export const ALERT_EVENT_TYPE = 'alert.raised';
export const DIGEST_EVENT_TYPE = 'alert.digest';

const channelKind = z.enum(ALERT_CHANNEL_KINDS);

export type AlertChannelToSend = { id: string; kind: string; name: string; target: string };

/**
 * Sends one message to one channel: the notices due together (one e-mail, one Slack or Teams message), or its daily
 * summary. To a change-feed subscription, each notice is its own signed Standard Webhooks event whose webhook-id comes
 * from the delivery (a retry sends the same id, so a receiver can drop what it already has), recorded in the
 * subscription's attempts like its other requests. ok only when everything was taken.
 */
export function sendToAlertChannel(
  options: Parameters<typeof sendToAlertChannelUntraced>[0],
): Promise<ChannelSendOutcome> {
  return inSpan('alert.send', { attributes: { 'alert.channel.kind': options.channel.kind } }, async (span) => {
    const outcome = await sendToAlertChannelUntraced(options);
    if (!outcome.ok) span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error ?? 'failed' });
    return outcome;
  });
}

async function sendToAlertChannelUntraced(
  options: {
    channel: AlertChannelToSend;
    now: Date;
    /** Another mail server than SMTP_URL's, or its TLS options: for tests. */
    smtpTransport?: SmtpTransportOverride;
  } & ({ notices: readonly AlertNotice[]; digest?: undefined } | { digest: DigestNotice; notices?: undefined }),
): Promise<ChannelSendOutcome> {
  const { channel } = options;
  if (options.notices && options.notices.length === 0) throw new Error('sendToAlertChannel needs at least one notice');
  const kind = channelKind.safeParse(channel.kind);
  if (!kind.success) {
    return { ok: false, durationMs: 0, error: `The channel "${channel.name}" has an unknown kind "${channel.kind}".` };
  }
  const publicUrl = getPublicUrl();
  const content: MessageContent = options.digest ? { digest: options.digest } : { notices: options.notices };
  switch (kind.data) {
    case 'email': {
      const message =
        'digest' in content
          ? formatDigestMessage({ digest: content.digest, publicUrl })
          : formatAlertMessage({ notices: content.notices, channelName: channel.name, publicUrl });
      const to = channel.target.split(/[\s,;]+/).filter((address) => address !== '');
      return sendAlertEmail({ to, message, smtp: options.smtpTransport });
    }
    case 'slack':
      return postAlertJson({
        url: channel.target,
        payload: buildSlackPayload({ channelName: channel.name, publicUrl, ...content }),
      });
    case 'teams':
      return postAlertJson({
        url: channel.target,
        payload: buildTeamsPayload({ channelName: channel.name, publicUrl, ...content }),
      });
    case 'webhook':
      return sendToSubscription({ channel, now: options.now, events: toEvents(content, channel, options.now) });
  }
}

type MessageContent = { notices: readonly AlertNotice[] } | { digest: DigestNotice };
type WebhookEvent = { id: string; type: string; body: string };

function toEvents(content: MessageContent, channel: AlertChannelToSend, now: Date): WebhookEvent[] {
  const timestamp = now.toISOString();
  if ('digest' in content) {
    const { digest } = content;
    return [
      {
        id: `digest_${digest.deliveryId}`,
        type: DIGEST_EVENT_TYPE,
        body: JSON.stringify({
          type: DIGEST_EVENT_TYPE,
          timestamp,
          data: {
            channelId: channel.id,
            channelName: digest.channelName,
            date: digest.date,
            timeZone: digest.timeZone,
            sections: digest.sections,
            dashboardUrl: digest.dashboardUrl,
          },
        }),
      },
    ];
  }
  return content.notices.map((notice) => ({
    id: `alert_${notice.deliveryId}`,
    type: ALERT_EVENT_TYPE,
    body: JSON.stringify({
      type: ALERT_EVENT_TYPE,
      timestamp,
      data: {
        alertId: notice.alertId,
        ruleId: notice.ruleId,
        kind: notice.kind,
        title: notice.title,
        summary: notice.summary,
        details: notice.details,
        envelope: notice.envelope,
        hook: notice.hookName,
        raisedAt: notice.raisedAt.toISOString(),
        test: notice.test,
      },
    }),
  }));
}

async function sendToSubscription(options: {
  channel: AlertChannelToSend;
  now: Date;
  events: WebhookEvent[];
}): Promise<ChannelSendOutcome> {
  const id = options.channel.target;
  const subscription = await prisma.subscription.findUnique({ where: { id } });
  if (!subscription) {
    return {
      ok: false,
      durationMs: 0,
      error: `The change feed's subscription ${id} no longer exists: choose another one for the channel "${options.channel.name}".`,
    };
  }
  if (subscription.disabledAt) {
    return {
      ok: false,
      durationMs: 0,
      error: `The subscription ${id} is disabled${subscription.disabledReason ? ` (${subscription.disabledReason})` : ''}: enable it in Setup.`,
    };
  }
  const secrets = signingSecrets(subscription, options.now);
  const outcomes: PostOutcome[] = [];
  for (const event of options.events) {
    const outcome = await postWebhook({
      url: subscription.url,
      messageId: event.id,
      body: event.body,
      secrets,
      now: options.now,
    });
    outcomes.push(outcome);
    await prisma.$transaction((tx) =>
      recordAttempt(tx, {
        subscriptionId: id,
        eventId: event.id,
        eventType: event.type,
        attemptedAt: options.now,
        outcome,
      }),
    );
  }
  const failed = outcomes.filter((outcome) => !outcome.ok);
  const durationMs = outcomes.reduce((total, outcome) => total + outcome.durationMs, 0);
  if (failed.length === 0) return { ok: true, durationMs, error: null };
  const first = failed[0]!.error ?? 'failed';
  return {
    ok: false,
    durationMs,
    error:
      outcomes.length === 1 ? first : `${failed.length} of ${outcomes.length} events were not taken; first: ${first}`,
  };
}
