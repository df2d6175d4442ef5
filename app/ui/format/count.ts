// Kept: making a number formatter costs as much as rendering a row (toLocaleString makes one per call).
const countFormat = new Intl.NumberFormat('en');

/** A count with thousands separators, e.g. "2,500,000". */
export function formatCount(count: number): string {
  return countFormat.format(count);
}
