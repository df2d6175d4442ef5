import type { AlertKind } from '@/app/lib/alerts/alert-kinds';

/** A starter rule offered on a first visit. */
export type SuggestedRule = { kind: AlertKind; afterMinutes: number | null; title: string; why: string };

/** What most teams want first: the endings that need a person, the envelopes nobody moves, and a silent service. */
export const SUGGESTED_RULES: readonly SuggestedRule[] = [
  {
    kind: 'rejected',
    afterMinutes: null,
    title: 'Rejected',
    why: 'A recipient declined to sign: someone has to call them or send a corrected envelope.',
  },
  {
    kind: 'stuck',
    afterMinutes: 3 * 24 * 60,
    title: 'Stuck for 3 days',
    why: 'An open envelope nobody has opened or signed for three days.',
  },
  {
    kind: 'documents_failed',
    afterMinutes: null,
    title: 'Signed documents not fetched',
    why: 'A completed envelope whose signed PDF could not be fetched from the signing service.',
  },
  {
    kind: 'silence',
    afterMinutes: 24 * 60,
    title: 'Signing service silent for 24 hours',
    why: 'A hook with open envelopes has received nothing for a day: the integration may be broken.',
  },
];

/** Whether an existing rule already is this suggestion (same kind and wait, no narrower scope). */
export function isSuggestionAdded(
  suggestion: SuggestedRule,
  rules: readonly { kind: AlertKind; afterMinutes: number | null; hookId: string | null; customValue: unknown }[],
): boolean {
  return rules.some(
    (rule) =>
      rule.kind === suggestion.kind &&
      rule.afterMinutes === suggestion.afterMinutes &&
      rule.hookId === null &&
      rule.customValue === null,
  );
}
