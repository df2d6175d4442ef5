import type { EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { funnelStagesOf } from './funnel-stages';
import { dayOf } from './time-slots';

export type EnvelopeForRollups = {
  id: string;
  hookId: string;
  isTest: boolean;
  status: EnvelopeStatus;
  firstSeenAt: Date;
  firstOpenedAt: Date | null;
  finishedAt: Date | null;
  signedCount: number;
};

export type RecipientForRollups = {
  id: number;
  envelopeId: string;
  email: string | null;
  name: string | null;
  invitedAt: Date | null;
  firstOpenedAt: Date | null;
  finishedAt: Date | null;
};

/** One row of EnvelopeRollup: what an envelope adds to the rollups. */
export type EnvelopeFigures = {
  envelopeId: string;
  hookId: string;
  isTest: boolean;
  status: EnvelopeStatus;
  firstSeenAt: Date;
  funnelStages: number;
  completedAt: Date | null;
  completionSeconds: number | null;
};

/** One row of SignatureWait. */
export type SignatureWaitFigures = {
  recipientId: number;
  envelopeId: string;
  email: string;
  name: string | null;
  finishedAt: Date;
  /** finishedAt's UTC day, as dayOf counts it. */
  finishedDay: number;
  seconds: number;
};

const wholeSeconds = (from: Date, to: Date) => Math.floor(to.getTime() / 1000) - Math.floor(from.getTime() / 1000);

/**
 * What an envelope counts for. Test envelopes (made from Setup) count only per status, never in Insights. An
 * out-of-order finish before the first open has no meaningful open-to-completion time.
 */
export function envelopeFigures(envelope: EnvelopeForRollups): EnvelopeFigures {
  const completedAt =
    !envelope.isTest && envelope.status === 'completed' && envelope.finishedAt ? envelope.finishedAt : null;
  const opened = envelope.firstOpenedAt;
  return {
    envelopeId: envelope.id,
    hookId: envelope.hookId,
    isTest: envelope.isTest,
    status: envelope.status,
    firstSeenAt: envelope.firstSeenAt,
    funnelStages: envelope.isTest ? 0 : funnelStagesOf(envelope),
    completedAt,
    completionSeconds: completedAt && opened && completedAt >= opened ? wholeSeconds(opened, completedAt) : null,
  };
}

/** A signature's wait starts at the invitation, or at the first open when no invitation notification came. */
export function signatureWaitFigures(recipient: RecipientForRollups): SignatureWaitFigures | null {
  const start = recipient.invitedAt ?? recipient.firstOpenedAt;
  const { finishedAt, email } = recipient;
  if (!email || !finishedAt || !start || finishedAt < start) return null;
  return {
    recipientId: recipient.id,
    envelopeId: recipient.envelopeId,
    email: email.toLowerCase(),
    name: recipient.name,
    finishedAt,
    finishedDay: dayOf(finishedAt),
    seconds: wholeSeconds(start, finishedAt),
  };
}
