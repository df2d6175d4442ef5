// A rule's waits are stored in minutes; people think of "3 days" or "24 hours". The form shows the largest unit that
// keeps the number whole, and turns what is typed back into minutes.

export const DURATION_UNITS = [
  { unit: 'minutes', label: 'minutes', minutes: 1 },
  { unit: 'hours', label: 'hours', minutes: 60 },
  { unit: 'days', label: 'days', minutes: 24 * 60 },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]['unit'];

/** A duration as the form edits it: the number as typed and its unit. */
export type DurationInput = { amount: string; unit: DurationUnit };

const minutesPer = (unit: DurationUnit): number => DURATION_UNITS.find((entry) => entry.unit === unit)!.minutes;

/** 4320 → 3 days, 90 → 90 minutes, 1440 → 1 day: the largest unit the minutes divide into evenly. */
export function toDurationInput(minutes: number): DurationInput {
  const unit = [...DURATION_UNITS].reverse().find((entry) => minutes > 0 && minutes % entry.minutes === 0);
  return unit
    ? { amount: String(minutes / unit.minutes), unit: unit.unit }
    : { amount: String(minutes), unit: 'minutes' };
}

/**
 * The whole minutes a typed duration stands for ("1.5" hours is 90), or null when it is not a positive number, not
 * a whole number of minutes, or more than `maxMinutes`.
 */
export function toMinutes(input: DurationInput, maxMinutes: number): number | null {
  const text = input.amount.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const minutes = Number(text) * minutesPer(input.unit);
  // Rounding only absorbs floating-point noise (0.1 hours is 6.000000000000001 minutes); 0.5 minutes stays refused.
  const whole = Math.round(minutes);
  if (Math.abs(minutes - whole) > 1e-9 || whole < 1 || whole > maxMinutes) return null;
  return whole;
}
