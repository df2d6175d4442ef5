import type { EnvelopeStatus } from '@/app/generated/prisma/sqlite/enums';

/** The status-callback actions eSignAnyWhere documents; others are kept as they came. */
export const KNOWN_ACTIONS = [
  'sendSignNotification',
  'workstepOpened',
  'workstepFinished',
  'workstepRejected',
  'workstepDelegated',
  'workstepDelegatedSenderActionRequired',
  'envelopeExpired',
  'envelopeFinished',
] as const;

export type KnownAction = (typeof KNOWN_ACTIONS)[number];

export function isKnownAction(action: string): action is KnownAction {
  return (KNOWN_ACTIONS as readonly string[]).includes(action);
}

/**
 * Milestones that happen once per recipient (or once per envelope) are stored once however often
 * they arrive. The rest (invitations, opens, unknown actions) may truly happen again, so only
 * repeats within REPEAT_WINDOW_MS count as the same event.
 */
export function isRepeatable(action: string): boolean {
  return action === 'sendSignNotification' || action === 'workstepOpened' || !isKnownAction(action);
}

export const REPEAT_WINDOW_MS = 60_000;

/**
 * Statuses only move up this order. Terminal ones sit on top; a rejection outranks completion
 * because eSignAnyWhere's finish callback means "completed or rejected".
 */
const STATUS_RANK: Record<EnvelopeStatus, number> = {
  sent: 0,
  opened: 1,
  partially_signed: 2,
  expired: 3,
  canceled: 3,
  completed: 4,
  rejected: 5,
};

export const TERMINAL_STATUSES: readonly EnvelopeStatus[] = ['completed', 'rejected', 'expired', 'canceled'];

export function statusImpliedBy(action: string, isFinishCallback: boolean): EnvelopeStatus | null {
  if (isFinishCallback) return 'completed';
  switch (action) {
    case 'sendSignNotification':
      return 'sent';
    case 'workstepOpened':
      return 'opened';
    case 'workstepFinished':
      return 'partially_signed';
    case 'workstepRejected':
      return 'rejected';
    case 'envelopeExpired':
      return 'expired';
    default:
      return null;
  }
}

export function laterStatus(current: EnvelopeStatus, next: EnvelopeStatus | null): EnvelopeStatus {
  if (!next) return current;
  return STATUS_RANK[next] > STATUS_RANK[current] ? next : current;
}
