/** Longer than this, the one-line detail is cut and the whole of it is one click away. */
export const DETAIL_LINE_CHARS = 72;

export type DetailSummary = {
  /** "changed: name · queued: 3", at most DETAIL_LINE_CHARS long. */
  line: string;
  /** True when `line` leaves something out: the page then offers `full`. */
  cut: boolean;
  /** The detail as indented JSON. */
  full: string;
};

function valueInWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
    return value.length === 0 ? 'none' : value.map(valueInWords).join(', ');
  }
  return JSON.stringify(value);
}

/** Text cut to `max` characters, the last one an ellipsis when something was left out. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * An entry's detail as one readable line ("changed: name, description"), its keys in the order recorded, plus the
 * exact JSON for when the line had to be cut. Null when the entry has no detail.
 */
export function summarizeDetail(detail: unknown): DetailSummary | null {
  if (detail === null || detail === undefined) return null;
  const entries =
    typeof detail === 'object' && !Array.isArray(detail) ? Object.entries(detail as Record<string, unknown>) : null;
  if (entries?.length === 0) return null;
  // On one line whatever it holds: a value with line breaks would otherwise break the row.
  const whole = (
    entries ? entries.map(([key, value]) => `${key}: ${valueInWords(value)}`).join(' · ') : valueInWords(detail)
  ).replace(/\s+/g, ' ');
  const line = shorten(whole, DETAIL_LINE_CHARS);
  return { line, cut: line !== whole, full: JSON.stringify(detail, null, 2) };
}
