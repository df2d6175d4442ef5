import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

/** How far back the Setup and Deliveries pages look for refused notifications. */
export const REFUSED_WINDOW_HOURS = 24;

// What a refusal means for whoever configures the sender, in the words a notice uses, and what to check.
const REFUSAL_ADVICE: Record<string, { what: string; fix: string }> = {
  missing_envelope_id: {
    what: 'missing envelope id',
    fix: 'Check the callback URL: it must carry envelopeId=##EnvelopeId##.',
  },
  unreplaced_placeholder: {
    what: 'envelope id placeholder not filled in',
    fix: 'Check the callback URL: the sender left ##EnvelopeId## as it was.',
  },
  invalid_envelope_id: {
    what: 'malformed envelope id',
    fix: 'Check what the sender puts in envelopeId.',
  },
  invalid_action: { what: 'malformed action', fix: 'Check what the sender puts in action.' },
  invalid_recipient_order: {
    what: 'recipientOrder out of range',
    fix: 'Check what the sender puts in recipientOrder (0 to 10,000).',
  },
  invalid_recipient_email: { what: 'recipientEmail too long', fix: 'Check what the sender puts in recipientEmail.' },
  malformed_json: { what: 'malformed JSON body', fix: 'Check the body the sender posts.' },
  invalid_field: { what: 'a field sent as an object', fix: 'Check the body the sender posts.' },
  unsupported_media_type: { what: 'unsupported content type', fix: 'Send JSON, a form or a GET.' },
  signed_hook_requires_body: {
    what: 'query string or GET on a signed hook',
    fix: 'Signed hooks take the notification in the signed POST body only.',
  },
  invalid_signature: { what: 'signature not valid', fix: "Check the sender's signing secret and clock." },
  source_not_allowed: {
    what: 'sender outside the allowed networks',
    fix: "Add the sender's network to the hook, or check who is calling it.",
  },
  body_too_large: { what: 'body over 64 KiB', fix: 'Send only the notification fields.' },
  envelope_belongs_to_another_hook: {
    what: 'envelope owned by another hook',
    fix: 'Send notifications to the hook the envelope was first reported through.',
  },
};

export type RefusedDeliveriesNotice = {
  hookId: string;
  hookName: string;
  errorCode: string;
  count: number;
  /** "12 notifications refused in the last 24 hours on hook X: missing envelope id. Check the callback URL." */
  message: string;
};

/** Refused notifications of the last 24 hours, grouped by hook and reason, most frequent first. */
export async function summarizeRefusedDeliveries(options: { now?: Date; hookId?: string } = {}) {
  const since = new Date((options.now ?? new Date()).getTime() - REFUSED_WINDOW_HOURS * 3_600_000);
  const groups = await prisma.delivery.groupBy({
    by: ['hookId', 'errorCode'],
    where: { outcome: 'rejected', receivedAt: { gte: since }, hookId: options.hookId },
    _count: { _all: true },
  });
  if (groups.length === 0) return [];
  const hooks = await prisma.hook.findMany({
    where: { id: { in: [...new Set(groups.map((group) => group.hookId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(hooks.map((hook) => [hook.id, hook.name]));
  return groups
    .map((group): RefusedDeliveriesNotice => {
      const errorCode = group.errorCode ?? 'refused';
      const advice = REFUSAL_ADVICE[errorCode] ?? { what: errorCode, fix: 'Open the deliveries to see why.' };
      const count = group._count._all;
      const hookName = names.get(group.hookId) ?? 'a revoked hook';
      return {
        hookId: group.hookId,
        hookName,
        errorCode,
        count,
        message:
          `${count} notification${count === 1 ? '' : 's'} refused in the last ${REFUSED_WINDOW_HOURS} hours on ` +
          `hook ${hookName}: ${advice.what}. ${advice.fix}`,
      };
    })
    .sort((a, b) => b.count - a.count || a.hookName.localeCompare(b.hookName));
}
