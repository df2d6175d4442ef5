'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { normalizeTimeZone, timeZoneCookie } from '@/app/ui/format/time-zone';

/**
 * Days are counted on the server in the zone of the tz cookie. When the browser is in another zone (a first visit, or
 * after travelling), store its zone and fetch the page again so the days are the reader's own.
 */
export function TimeZoneRefresh({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const browserZone = normalizeTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    // Both names spelled by this browser: Node and the browser may canonicalise a zone differently (Kiev, Kyiv).
    if (!browserZone || browserZone === normalizeTimeZone(serverTimeZone)) return;
    document.cookie = timeZoneCookie(browserZone);
    router.refresh();
  }, [router, serverTimeZone]);
  return null;
}
