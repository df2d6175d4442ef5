const UNITS = [
  { size: 86_400_000, name: (count: number) => (count === 1 ? 'day' : 'days') },
  { size: 3_600_000, name: () => 'h' },
  { size: 60_000, name: () => 'min' },
  { size: 1_000, name: () => 's' },
];

/**
 * A duration in its largest unit and the one right below it, e.g. "2 h 5 min" or "3 days 4 h". The rest is cut
 * off rather than rounded, so a step never looks longer than it was.
 */
export function formatDuration(milliseconds: number): string {
  const total = Number.isFinite(milliseconds) ? Math.max(0, Math.floor(milliseconds)) : 0;
  const index = UNITS.findIndex((unit) => total >= unit.size);
  const major = UNITS[index];
  if (!major) return '<1 s';
  const majorCount = Math.floor(total / major.size);
  const minor = UNITS[index + 1];
  const minorCount = minor ? Math.floor((total % major.size) / minor.size) : 0;
  const parts = [`${majorCount} ${major.name(majorCount)}`];
  if (minor && minorCount > 0) parts.push(`${minorCount} ${minor.name(minorCount)}`);
  return parts.join(' ');
}

/** Time since the previous step of a timeline, e.g. "+3 min". */
export function formatStepDelta(milliseconds: number): string {
  return `+${formatDuration(milliseconds)}`;
}

/** Milliseconds from the first open to the finish, or null when either is missing or they arrived out of order. */
export function openToFinishMilliseconds(firstOpenedAt: string | null, finishedAt: string | null): number | null {
  if (!firstOpenedAt || !finishedAt) return null;
  const milliseconds = Date.parse(finishedAt) - Date.parse(firstOpenedAt);
  return Number.isFinite(milliseconds) && milliseconds >= 0 ? milliseconds : null;
}
