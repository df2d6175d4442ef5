import { describe, expect, it } from 'vitest';
import { countTickCount, durationAxisUnit, inAxisUnit, recipientDisplayName } from './duration-axis';

describe('durationAxisUnit', () => {
  it('scales the axis to the longest wait', () => {
    expect(durationAxisUnit(2).suffix).toBe(' s');
    expect(durationAxisUnit(0).suffix).toBe(' s');
    expect(durationAxisUnit(90).suffix).toBe(' s');
    expect(durationAxisUnit(5 * 60).suffix).toBe(' min');
    expect(durationAxisUnit(3 * 3_600).suffix).toBe(' h');
    expect(durationAxisUnit(4 * 86_400).suffix).toBe(' d');
  });

  it('converts to the unit, with a decimal for small values', () => {
    expect(inAxisUnit(1.4, durationAxisUnit(2))).toBe(1.4);
    expect(inAxisUnit(5_400, durationAxisUnit(3 * 3_600))).toBe(1.5);
    expect(inAxisUnit(130_000, durationAxisUnit(130_000))).toBe(36);
  });
});

describe('recipientDisplayName', () => {
  it('takes the name when known, the e-mail otherwise', () => {
    expect(recipientDisplayName({ name: 'Oliver Smith', email: 'oliver@example.com' })).toBe('Oliver Smith');
    expect(recipientDisplayName({ name: null, email: 'oliver@example.com' })).toBe('oliver@example.com');
    expect(recipientDisplayName({ name: ' ', email: 'oliver@example.com' })).toBe('oliver@example.com');
  });
});

describe('countTickCount', () => {
  it('gives one tick per count for small counts, never more than five', () => {
    expect(countTickCount(0)).toBe(2);
    expect(countTickCount(1)).toBe(2);
    expect(countTickCount(3)).toBe(4);
    expect(countTickCount(40)).toBe(5);
  });
});
