// Making an Intl.DateTimeFormat costs about a hundred times what formatting with one does (ICU loads the zone and the
// pattern), and pages and Insights format a time per row or per day: a formatter is made once per pattern and zone,
// then kept. Zones come from readers' cookies, so the number kept per pattern is bounded.
const MAX_ZONES_PER_PATTERN = 64;

/** A locale and options without a zone; declared once (a module constant), since it is kept by identity. */
export type DateTimePattern = Readonly<{ locale: string; options: Readonly<Intl.DateTimeFormatOptions> }>;

const kept = new WeakMap<DateTimePattern, Map<string, Intl.DateTimeFormat>>();

/** The pattern's formatter in `timeZone` (the server's own when undefined); an unknown zone throws RangeError. */
export function keptDateTimeFormat(pattern: DateTimePattern, timeZone: string | undefined): Intl.DateTimeFormat {
  let byZone = kept.get(pattern);
  if (!byZone) kept.set(pattern, (byZone = new Map()));
  const zone = timeZone ?? '';
  let format = byZone.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat(pattern.locale, { ...pattern.options, timeZone });
    if (byZone.size >= MAX_ZONES_PER_PATTERN) byZone.clear();
    byZone.set(zone, format);
  }
  return format;
}
