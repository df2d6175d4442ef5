import { describe, expect, it } from 'vitest';
import { defaultRuleParameters, readRuleParameters, ruleParametersInput } from './rule-parameters';

describe('readRuleParameters', () => {
  it('sends nothing for kinds without settings, whatever the fields hold', () => {
    expect(readRuleParameters('rejected', { ...defaultRuleParameters('rejected'), threshold: 'x' })).toEqual({
      ok: true,
      value: {},
    });
  });

  it('turns the wait into minutes for the kinds that wait', () => {
    expect(readRuleParameters('stuck', defaultRuleParameters('stuck'))).toEqual({
      ok: true,
      value: { afterMinutes: 4320 },
    });
    expect(readRuleParameters('silence', defaultRuleParameters('silence'))).toEqual({
      ok: true,
      value: { afterMinutes: 1440 },
    });
  });

  it('takes a threshold and a window for refusals, and only those', () => {
    expect(readRuleParameters('refusals', defaultRuleParameters('refusals'))).toEqual({
      ok: true,
      value: { threshold: 10, windowMinutes: 60 },
    });
  });

  it('names the field to correct', () => {
    const input = defaultRuleParameters('stuck');
    expect(readRuleParameters('stuck', { ...input, afterMinutes: { amount: '0', unit: 'days' } })).toEqual({
      ok: false,
      message: 'No activity for: give a time from 1 minute to 365 days.',
    });
    expect(readRuleParameters('refusals', { ...input, threshold: '2.5' })).toMatchObject({ ok: false });
    expect(readRuleParameters('refusals', { ...input, windowMinutes: { amount: '31', unit: 'days' } })).toEqual({
      ok: false,
      message: 'Within: give a time from 1 minute to 30 days.',
    });
  });
});

describe('ruleParametersInput', () => {
  it('shows a stored rule in its largest whole unit, defaults for what the kind lacks', () => {
    expect(ruleParametersInput({ kind: 'stuck', afterMinutes: 2880, threshold: null, windowMinutes: null })).toEqual({
      afterMinutes: { amount: '2', unit: 'days' },
      threshold: '10',
      windowMinutes: { amount: '1', unit: 'hours' },
    });
  });
});
