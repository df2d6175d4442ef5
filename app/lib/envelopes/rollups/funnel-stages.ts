import { statusOutcome, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';

/** The signing funnel's stages as bits: an envelope counts in every stage it reached. */
export const FUNNEL_STAGE_BITS = {
  invited: 1,
  opened: 2,
  signed: 4,
  finished: 8,
  rejected: 16,
  expired: 32,
} as const;

export type FunnelStage = keyof typeof FUNNEL_STAGE_BITS;
export const FUNNEL_STAGES = Object.keys(FUNNEL_STAGE_BITS) as FunnelStage[];

/**
 * How far an envelope got. A later stage implies the earlier ones, so a missed "opened" notification does not make a
 * signed envelope drop out of the funnel.
 */
export function funnelStagesOf(envelope: {
  status: EnvelopeStatus;
  firstOpenedAt: Date | null;
  signedCount: number;
}): number {
  const outcome = statusOutcome(envelope.status);
  const signedAll = outcome === 'signed';
  let bits = FUNNEL_STAGE_BITS.invited;
  if (envelope.firstOpenedAt !== null || envelope.signedCount > 0 || signedAll) bits |= FUNNEL_STAGE_BITS.opened;
  if (envelope.signedCount > 0 || signedAll) bits |= FUNNEL_STAGE_BITS.signed;
  if (signedAll) bits |= FUNNEL_STAGE_BITS.finished;
  if (outcome === 'declined') bits |= FUNNEL_STAGE_BITS.rejected;
  if (outcome === 'lapsed') bits |= FUNNEL_STAGE_BITS.expired;
  return bits;
}
