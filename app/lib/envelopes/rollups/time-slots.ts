/** Rollups count per UTC quarter hour: every time zone's offset is a whole number of them, so local days are unions. */
export const QUARTER_MS = 900_000;
export const DAY_MS = 86_400_000;

export function quarterOf(at: Date): number {
  return Math.floor(at.getTime() / QUARTER_MS);
}

export function dayOf(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/**
 * Splits [from, to] into the whole slots of `slotMs` it covers and the pieces at either end that only part of a slot
 * covers (read from rows instead). `to` is inclusive, like the queries that read rows.
 */
export function splitIntoSlots(options: { from: Date; to: Date; slotMs: number }) {
  const { slotMs } = options;
  const from = options.from.getTime();
  const to = options.to.getTime();
  const firstWhole = Math.ceil(from / slotMs);
  // The last slot ends at (slot + 1) * slotMs - 1 ms; it is whole when that is at or before `to`.
  const lastWhole = Math.floor((to + 1) / slotMs) - 1;
  if (firstWhole > lastWhole) return { whole: null, edges: [{ from: options.from, to: options.to }] };
  const edges: { from: Date; to: Date }[] = [];
  if (from < firstWhole * slotMs) edges.push({ from: options.from, to: new Date(firstWhole * slotMs - 1) });
  if (to >= (lastWhole + 1) * slotMs) edges.push({ from: new Date((lastWhole + 1) * slotMs), to: options.to });
  return { whole: { first: firstWhole, last: lastWhole }, edges };
}
