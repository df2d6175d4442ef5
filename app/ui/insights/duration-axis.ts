/** A unit for an axis of durations: the values plotted are seconds divided by `seconds`. */
export type DurationAxisUnit = { seconds: number; suffix: string };

const UNITS: DurationAxisUnit[] = [
  { seconds: 1, suffix: ' s' },
  { seconds: 60, suffix: ' min' },
  { seconds: 3_600, suffix: ' h' },
  { seconds: 86_400, suffix: ' d' },
];

/**
 * The unit an axis of durations reads best in for its longest value: the largest unit that value reaches twice, so
 * waits of 1–2 s get a seconds axis rather than a 0–4 h one, and waits of days get days.
 */
export function durationAxisUnit(longestSeconds: number): DurationAxisUnit {
  const longest = Number.isFinite(longestSeconds) ? Math.max(0, longestSeconds) : 0;
  return [...UNITS].reverse().find((unit) => longest >= 2 * unit.seconds) ?? UNITS[0]!;
}

/** A value in the axis' unit, to one decimal below 10 (1.5 h) and whole above (36 h). */
export function inAxisUnit(seconds: number, unit: DurationAxisUnit): number {
  const value = seconds / unit.seconds;
  return value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** The person behind a recipient row: the name when known, the e-mail otherwise. */
export function recipientDisplayName(recipient: { name: string | null; email: string }): string {
  return recipient.name?.trim() || recipient.email;
}

/** How many ticks an axis of whole counts up to `largest` needs: one per count up to 4, else 5. */
export function countTickCount(largest: number): number {
  return Math.min(5, Math.max(2, Math.ceil(largest) + 1));
}
