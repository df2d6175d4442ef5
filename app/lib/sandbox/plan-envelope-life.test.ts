import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './create-seeded-random';
import { ENVELOPE_OUTCOMES, planEnvelopeLife, type EnvelopeLifePlan } from './plan-envelope-life';

function plans(count: number, recipientCount?: number): EnvelopeLifePlan[] {
  return Array.from({ length: count }, (_, seed) => {
    const random = createSeededRandom(seed);
    return planEnvelopeLife({ random, recipientCount: recipientCount ?? 1 + (seed % 3) });
  });
}

/** Checks the rules a real signing service keeps; returns the first broken one. */
function brokenRule(plan: EnvelopeLifePlan): string | null {
  const signed = new Set<number>();
  const invited = new Set<number>();
  let ended = false;
  for (const [index, step] of plan.steps.entries()) {
    const order = step.recipientOrder;
    if (step.kind === 'finish') {
      if (index !== plan.steps.length - 1) return 'the finish callback is not last';
      continue;
    }
    if (ended) return `${step.kind} after the envelope ended`;
    if (order === null) {
      if (step.kind !== 'expire') return `${step.kind} without a recipient`;
      ended = true;
      continue;
    }
    for (let before = 1; before < order; before++)
      if (!signed.has(before)) return `recipient ${order} acts before ${before} signed`;
    if (signed.has(order)) return `recipient ${order} acts after signing`;
    if (step.kind === 'invite') invited.add(order);
    else if (!invited.has(order)) return `recipient ${order} ${step.kind}s before being invited`;
    if (step.kind === 'sign') signed.add(order);
    if (step.kind === 'reject') ended = true;
  }
  const kinds = plan.steps.map((step) => step.kind);
  const finish = kinds.includes('finish');
  switch (plan.outcome) {
    case 'completed':
      if (signed.size !== plan.recipientCount || !finish)
        return 'a completed envelope is not fully signed and finished';
      break;
    case 'rejected':
      if (!kinds.includes('reject') || !finish) return 'a rejected envelope has no rejection and finish callback';
      break;
    case 'expired':
      if (kinds.at(-1) !== 'expire' || finish) return 'an expired envelope does not end with the expiry alone';
      break;
    case 'in_progress':
      if (finish || kinds.includes('reject') || kinds.includes('expire') || signed.size === plan.recipientCount)
        return 'an envelope in progress has ended';
      break;
  }
  return null;
}

describe('planEnvelopeLife', () => {
  it('keeps the signing service’s rules in every life: order, invitation first, one end, finish callback last', () => {
    const broken = plans(3000)
      .map((plan, seed) => ({ seed, rule: brokenRule(plan) }))
      .filter((entry) => entry.rule !== null);
    expect(broken).toEqual([]);
  });

  it('mostly completes envelopes, and also rejects, expires and leaves some in progress', () => {
    const counts = Object.fromEntries(ENVELOPE_OUTCOMES.map((outcome) => [outcome, 0]));
    for (const plan of plans(2000)) counts[plan.outcome]! += 1;
    expect(counts.completed).toBeGreaterThan(1000);
    expect(counts.completed).toBeLessThan(1400);
    for (const outcome of ['rejected', 'expired', 'in_progress']) {
      expect(counts[outcome]).toBeGreaterThan(100);
      expect(counts[outcome]).toBeLessThan(450);
    }
  });

  it('repeats some opens and retries some deliveries, finish callbacks more often', () => {
    const all = plans(1000);
    const repeatedOpens = all.filter((plan) => {
      const opens = plan.steps.filter((step) => step.kind === 'open').map((step) => step.recipientOrder);
      return new Set(opens).size < opens.length;
    });
    expect(repeatedOpens.length).toBeGreaterThan(150);
    const steps = all.flatMap((plan) => plan.steps);
    const retryShare = (kind: string) => {
      const ofKind = steps.filter((step) => (kind === 'finish' ? step.kind === 'finish' : step.kind !== 'finish'));
      return ofKind.filter((step) => step.retries > 0).length / ofKind.length;
    };
    expect(retryShare('other')).toBeGreaterThan(0.1);
    expect(retryShare('other')).toBeLessThan(0.2);
    expect(retryShare('finish')).toBeGreaterThan(0.28);
    expect(steps.some((step) => step.retries === 2)).toBe(true);
  });

  it('plays the outcome it is asked for', () => {
    for (const outcome of ENVELOPE_OUTCOMES) {
      for (let seed = 0; seed < 50; seed++) {
        const plan = planEnvelopeLife({ random: createSeededRandom(seed), recipientCount: 2, outcome });
        expect(plan.outcome).toBe(outcome);
        expect(brokenRule(plan)).toBeNull();
      }
    }
  });

  it('is the same life for the same seed', () => {
    const once = planEnvelopeLife({ random: createSeededRandom(42), recipientCount: 3 });
    expect(planEnvelopeLife({ random: createSeededRandom(42), recipientCount: 3 })).toEqual(once);
  });

  it('refuses an envelope without recipients', () => {
    expect(() => planEnvelopeLife({ random: Math.random, recipientCount: 0 })).toThrow(RangeError);
  });
});
