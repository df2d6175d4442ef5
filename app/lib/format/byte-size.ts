/**
 * "812 bytes", "48 KB", "2.4 MB": binary units (1 KB = 1,024 bytes), the units DOCUMENT_MAX_BYTES is set in, so a limit
 * such as 256 × 1,024 reads "256 KB". At most one decimal, and only below 10. For server messages and pages alike.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1023.5 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${units[unit]}`;
}
