import { describe, expect, it } from 'vitest';
import { toDurationInput, toMinutes } from './duration-input';

describe('toDurationInput', () => {
  it('picks the largest unit that keeps the number whole', () => {
    expect(toDurationInput(4320)).toEqual({ amount: '3', unit: 'days' });
    expect(toDurationInput(1440)).toEqual({ amount: '1', unit: 'days' });
    expect(toDurationInput(180)).toEqual({ amount: '3', unit: 'hours' });
    expect(toDurationInput(2160)).toEqual({ amount: '36', unit: 'hours' });
    expect(toDurationInput(90)).toEqual({ amount: '90', unit: 'minutes' });
    expect(toDurationInput(1)).toEqual({ amount: '1', unit: 'minutes' });
  });

  it('keeps nonsense in minutes rather than inventing a unit', () => {
    expect(toDurationInput(0)).toEqual({ amount: '0', unit: 'minutes' });
  });
});

describe('toMinutes', () => {
  const max = 60 * 24 * 365;

  it('multiplies by the unit', () => {
    expect(toMinutes({ amount: '3', unit: 'days' }, max)).toBe(4320);
    expect(toMinutes({ amount: '24', unit: 'hours' }, max)).toBe(1440);
    expect(toMinutes({ amount: ' 45 ', unit: 'minutes' }, max)).toBe(45);
  });

  it('takes fractions that make whole minutes, with a point or a comma', () => {
    expect(toMinutes({ amount: '1.5', unit: 'hours' }, max)).toBe(90);
    expect(toMinutes({ amount: '0,5', unit: 'days' }, max)).toBe(720);
    expect(toMinutes({ amount: '0.1', unit: 'hours' }, max)).toBe(6);
  });

  it('refuses what is not a positive whole number of minutes within the maximum', () => {
    expect(toMinutes({ amount: '', unit: 'hours' }, max)).toBeNull();
    expect(toMinutes({ amount: '0', unit: 'days' }, max)).toBeNull();
    expect(toMinutes({ amount: '-2', unit: 'days' }, max)).toBeNull();
    expect(toMinutes({ amount: '0.5', unit: 'minutes' }, max)).toBeNull();
    expect(toMinutes({ amount: '2 days', unit: 'days' }, max)).toBeNull();
    expect(toMinutes({ amount: '1e3', unit: 'minutes' }, max)).toBeNull();
    expect(toMinutes({ amount: '366', unit: 'days' }, max)).toBeNull();
    expect(toMinutes({ amount: '365', unit: 'days' }, max)).toBe(max);
  });

  it('round-trips what toDurationInput shows', () => {
    for (const minutes of [1, 59, 60, 90, 1440, 2160, 4320, 10_080]) {
      expect(toMinutes(toDurationInput(minutes), max)).toBe(minutes);
    }
  });
});
