import 'server-only';
import { cookies } from 'next/headers';
import { FALLBACK_TIME_ZONE, normalizeTimeZone, TIME_ZONE_COOKIE } from './time-zone';

/** The reader's time zone for a server render: the browser's cookie when it has set one, else UTC. */
export async function readTimeZone(): Promise<{ timeZone: string; fromBrowser: boolean }> {
  const raw = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  let zone: string | null = null;
  try {
    zone = normalizeTimeZone(raw ? decodeURIComponent(raw) : null);
  } catch {
    zone = null;
  }
  return zone ? { timeZone: zone, fromBrowser: true } : { timeZone: FALLBACK_TIME_ZONE, fromBrowser: false };
}
