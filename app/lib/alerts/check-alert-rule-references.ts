import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { AlertFailure } from './alert-not-found';

/** Whether the channels and the hook a rule names exist, with what to do when one does not. */
export async function checkAlertRuleReferences(options: {
  channelIds?: readonly string[];
  hookId?: string | null;
}): Promise<{ ok: true } | AlertFailure> {
  const invalid = (message: string) => ({ ok: false, status: 400, code: 'invalid_rule', message }) as const;
  if (options.channelIds) {
    const found = await prisma.alertChannel.findMany({
      where: { id: { in: [...options.channelIds] } },
      select: { id: true },
    });
    const missing = options.channelIds.filter((id) => !found.some((channel) => channel.id === id));
    if (missing.length > 0) {
      return invalid(`No channel ${missing.join(', ')}: GET /api/alerts/channels lists them.`);
    }
  }
  if (options.hookId) {
    const hook = await prisma.hook.findUnique({ where: { id: options.hookId }, select: { id: true } });
    if (!hook) return invalid('No such hook: give the id of a hook listed on Setup, or leave "hookId" out.');
  }
  return { ok: true };
}
