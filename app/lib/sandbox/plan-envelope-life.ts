/** How a simulated envelope ends: most are signed, some are rejected or expire, some are still waiting. */
export const ENVELOPE_OUTCOMES = ['completed', 'rejected', 'expired', 'in_progress'] as const; // lifecycle: a subset
export type EnvelopeOutcome = (typeof ENVELOPE_OUTCOMES)[number];

/**
 * One thing that happens in an envelope's life. `finish` changes nothing at the signing service:
 * it is the finish callback (WebhookUrl) sent after a completion or a rejection.
 */
export type LifeStepKind = 'invite' | 'open' | 'sign' | 'reject' | 'expire' | 'finish';

export type LifeStep = {
  kind: LifeStepKind;
  recipientOrder: number | null;
  /** Extra copies of the same notification, as a sender retrying after a lost answer delivers them. */
  retries: number;
};

export type EnvelopeLifePlan = { outcome: EnvelopeOutcome; recipientCount: number; steps: LifeStep[] };

const OUTCOME_WEIGHTS: readonly [EnvelopeOutcome, number][] = [
  ['completed', 0.6],
  ['rejected', 0.15],
  ['expired', 0.1],
  ['in_progress', 0.15],
];
const REPEATED_OPEN_CHANCE = 0.35;
const RETRY_CHANCE = 0.15;
// Finish callbacks start the receiver's slowest work, so their answers are the likeliest to time out.
const FINISH_RETRY_CHANCE = 0.35;

/**
 * The order of events of one envelope, signing in order: each recipient is invited when the one
 * before has signed, opens (sometimes again) and signs, unless the envelope's outcome stops it there.
 */
export function planEnvelopeLife(options: {
  random: () => number;
  recipientCount: number;
  outcome?: EnvelopeOutcome;
}): EnvelopeLifePlan {
  const { random, recipientCount } = options;
  if (!Number.isInteger(recipientCount) || recipientCount < 1) throw new RangeError('An envelope needs a recipient.');
  const outcome = options.outcome ?? pickOutcome(random());
  // The recipient at whom a rejected, expired or unfinished envelope stops.
  const stopAt = outcome === 'completed' ? recipientCount + 1 : 1 + Math.floor(random() * recipientCount);

  const steps: LifeStep[] = [];
  const add = (kind: LifeStepKind, recipientOrder: number | null) => {
    const roll = random();
    const chance = kind === 'finish' ? FINISH_RETRY_CHANCE : RETRY_CHANCE;
    steps.push({ kind, recipientOrder, retries: roll < chance / 5 ? 2 : roll < chance ? 1 : 0 });
  };
  const opens = (order: number) => {
    add('open', order);
    if (random() < REPEATED_OPEN_CHANCE) add('open', order);
  };

  for (let order = 1; order <= recipientCount; order++) {
    add('invite', order);
    if (order < stopAt) {
      opens(order);
      add('sign', order);
      continue;
    }
    if (outcome === 'rejected') {
      opens(order);
      add('reject', order);
    } else if (random() < 0.5) {
      // An expired or unfinished envelope may or may not have been looked at by its last recipient.
      add('open', order);
    }
    if (outcome === 'expired') add('expire', null);
    break;
  }
  // eSignAnyWhere's finish callback means "completed or rejected"; an expiry has none.
  if (outcome !== 'expired' && outcome !== 'in_progress') add('finish', null);
  return { outcome, recipientCount, steps };
}

function pickOutcome(roll: number): EnvelopeOutcome {
  let total = 0;
  for (const [outcome, weight] of OUTCOME_WEIGHTS) {
    total += weight;
    if (roll < total) return outcome;
  }
  return 'completed';
}
