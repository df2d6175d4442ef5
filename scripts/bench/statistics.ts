export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile of values sorted in ascending order; NaN for no values. */
export function percentileOfSorted(sortedValues: readonly number[], percent: number): number {
  if (sortedValues.length === 0) return NaN;
  const rank = Math.ceil((percent / 100) * sortedValues.length);
  return sortedValues[Math.min(sortedValues.length, Math.max(1, rank)) - 1]!;
}
