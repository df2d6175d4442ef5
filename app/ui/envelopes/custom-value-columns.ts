/**
 * The custom values worth a column of their own on this page: the keys most envelopes carry (contract number,
 * customer…), most common first, ties in the order they first appear.
 */
export function customValueColumns(envelopes: { customValues: Record<string, string> }[], max = 3): string[] {
  const counts = new Map<string, number>();
  for (const envelope of envelopes) {
    for (const key of Object.keys(envelope.customValues)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // Map keeps insertion order and sort is stable, so equal counts stay in order of first appearance.
  return [...counts]
    .sort(([, a], [, b]) => b - a)
    .slice(0, max)
    .map(([key]) => key);
}
