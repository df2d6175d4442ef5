import { describe, expect, it } from 'vitest';
import { ALERT_KIND_PARAMETERS } from '@/app/lib/alerts/alert-schemas';
import { isSuggestionAdded, SUGGESTED_RULES } from './suggested-rules';

const stuck = SUGGESTED_RULES.find((suggestion) => suggestion.kind === 'stuck')!;

describe('SUGGESTED_RULES', () => {
  it('gives each suggestion exactly the settings its kind needs', () => {
    for (const suggestion of SUGGESTED_RULES) {
      expect(suggestion.afterMinutes !== null).toBe(ALERT_KIND_PARAMETERS[suggestion.kind].includes('afterMinutes'));
    }
  });
});

describe('isSuggestionAdded', () => {
  const rule = { kind: 'stuck' as const, afterMinutes: 4320, hookId: null, customValue: null };

  it('recognizes a rule with the same kind and wait over everything', () => {
    expect(isSuggestionAdded(stuck, [rule])).toBe(true);
  });

  it('does not count another wait or a narrower rule', () => {
    expect(isSuggestionAdded(stuck, [{ ...rule, afterMinutes: 1440 }])).toBe(false);
    expect(isSuggestionAdded(stuck, [{ ...rule, hookId: 'hook-1' }])).toBe(false);
    expect(isSuggestionAdded(stuck, [{ ...rule, customValue: { key: 'product', value: 'loan' } }])).toBe(false);
  });
});
