/** The cookie that tells server renders the reader's time zone (set by the browser on its first page). */
export const TIME_ZONE_COOKIE = 'tz';

/** What the server shows before the browser has said where it is: explicit, and always labelled as UTC. */
export const FALLBACK_TIME_ZONE = 'UTC';

const MAX_ZONE_LENGTH = 64;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The canonical IANA name of a zone the runtime knows (e.g. "Europe/Bucharest"), or null for anything else. */
export function normalizeTimeZone(value: string | null | undefined): string | null {
  const zone = value?.trim();
  if (!zone || zone.length > MAX_ZONE_LENGTH) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The value for document.cookie that stores the zone for a year on every path. */
export function timeZoneCookie(zone: string): string {
  return `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

/** The zone stored in a Cookie header / document.cookie string, if any and valid. */
export function readTimeZoneCookie(cookieHeader: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name !== TIME_ZONE_COOKIE) continue;
    try {
      return normalizeTimeZone(decodeURIComponent(rest.join('=')));
    } catch {
      return null;
    }
  }
  return null;
}
