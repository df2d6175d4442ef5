// The zone name is always printed: a server-rendered time cannot know the reader's zone, so it must say which it is.

// Making a formatter costs about a hundred times what formatting with one does (ICU loads the zone and the pattern),
// and a page formats a time per row: formatters are kept per zone. Zones come from readers' cookies, so the cache is
// bounded.
const MAX_CACHED_FORMATTERS = 64;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? 'time' : 'day'}:${timeZone ?? ''}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      ...(withTime
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }
        : {}),
    });
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(key, cached);
  }
  return cached;
}

/** An unambiguous time such as "29 Nov 2025, 11:10:05 UTC", in the server's zone unless one is given. */
export function formatExactTime(iso: string, timeZone?: string): string {
  return formatter(timeZone, true).format(new Date(iso));
}

/** A calendar day such as "29 Nov 2025". */
export function formatDay(iso: string, timeZone?: string): string {
  return formatter(timeZone, false).format(new Date(iso));
}
