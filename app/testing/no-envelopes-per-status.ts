import { ENVELOPE_STATUSES, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';

/** Counts per status with every status at zero, from the lifecycle's list: a new status needs no test edited. */
export function noEnvelopesPerStatus(): Record<EnvelopeStatus, number> {
  return Object.fromEntries(ENVELOPE_STATUSES.map((status) => [status, 0])) as Record<EnvelopeStatus, number>;
}
