import 'server-only';
import type { Transaction } from '@/app/lib/db/create-prisma-client';
import type { AlertKind } from './alert-kinds';
import type { AlertWords } from './describe-alert';

const HOUR_MS = 3_600_000;

/** A rule as raising needs it: where its alerts go. */
export type RaisingRule = { id: string; kind: AlertKind; channels: { id: string; sendsAlerts: boolean }[] };

/** One occasion to raise, unless the rule already has it open. */
export type AlertCandidate = {
  rule: RaisingRule;
  /** The occasion: an envelope, an envelope's recipient, a hook, with since when where a condition lasts. */
  subjectKey: string;
  envelopeId: string | null;
  hookId: string | null;
  words: AlertWords;
};

/**
 * Raises each candidate whose rule has no open alert for it, and queues a message to each of the rule's channels.
 * Callers hold the evaluator's row (one writer at a time), and the unique open key refuses a second open alert
 * anyway. Per channel at most one message per envelope (or hook) and rule an hour: a later alert waits for the hour to
 * end and goes out with whatever else the channel has due then.
 */
export async function raiseAlerts(
  tx: Transaction,
  candidates: readonly AlertCandidate[],
  now: Date,
): Promise<{ id: number; kind: AlertKind; envelopeId: string | null }[]> {
  const raised: { id: number; kind: AlertKind; envelopeId: string | null }[] = [];
  for (const candidate of candidates) {
    const open = await tx.alert.findFirst({
      where: { ruleId: candidate.rule.id, openKey: candidate.subjectKey },
      select: { id: true },
    });
    if (open) continue;
    const alert = await tx.alert.create({
      data: {
        ruleId: candidate.rule.id,
        kind: candidate.rule.kind,
        subjectKey: candidate.subjectKey,
        openKey: candidate.subjectKey,
        envelopeId: candidate.envelopeId,
        hookId: candidate.hookId,
        raisedAt: now,
        summary: candidate.words.summary,
        details: candidate.words.details,
      },
      select: { id: true },
    });
    raised.push({ id: alert.id, kind: candidate.rule.kind, envelopeId: candidate.envelopeId });
    const throttleKey = candidate.envelopeId ?? candidate.hookId ?? candidate.subjectKey;
    for (const channel of candidate.rule.channels) {
      if (!channel.sendsAlerts) continue;
      await tx.alertDelivery.create({
        data: {
          channelId: channel.id,
          alertId: alert.id,
          ruleId: candidate.rule.id,
          kind: candidate.rule.kind,
          envelopeId: candidate.envelopeId,
          subjectKey: throttleKey,
          nextAttemptAt: await throttledSendTime(tx, {
            channelId: channel.id,
            ruleId: candidate.rule.id,
            throttleKey,
            now,
          }),
          createdAt: now,
        },
      });
    }
  }
  return raised;
}

/** Now, or when the hour since the last message for this channel, rule and subject ends. */
async function throttledSendTime(
  tx: Transaction,
  options: { channelId: string; ruleId: string; throttleKey: string; now: Date },
): Promise<Date> {
  const { now } = options;
  const previous = await tx.alertDelivery.findFirst({
    where: {
      channelId: options.channelId,
      ruleId: options.ruleId,
      subjectKey: options.throttleKey,
      createdAt: { gt: new Date(now.getTime() - HOUR_MS) },
    },
    orderBy: { createdAt: 'desc' },
    select: { status: true, nextAttemptAt: true, sentAt: true, createdAt: true },
  });
  if (!previous) return now;
  // Waiting for a later time: fold into it. Due or being sent right now, sent, or given up: the next may go an hour
  // after it.
  if (previous.status === 'pending' && previous.nextAttemptAt && previous.nextAttemptAt > now) {
    return previous.nextAttemptAt;
  }
  const after = new Date((previous.sentAt ?? previous.nextAttemptAt ?? previous.createdAt).getTime() + HOUR_MS);
  return after > now ? after : now;
}

/** Ends open alerts: their condition is over, so the same occasion may be raised again when it comes back. */
export async function endAlerts(tx: Transaction, alertIds: readonly number[], now: Date): Promise<void> {
  if (alertIds.length === 0) return;
  await tx.alert.updateMany({ where: { id: { in: [...alertIds] } }, data: { openKey: null, endedAt: now } });
}
