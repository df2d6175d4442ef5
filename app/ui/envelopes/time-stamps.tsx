'use client';

import { formatExactTime } from '@/app/ui/format/exact-time';
import { formatRelativeTime } from '@/app/ui/format/relative-time';
import { useDisplayTimeZone, useNow, useRememberTimeZone } from '@/app/ui/format/time-zone-context';

// Client components so that times follow the reader's zone and relative times keep moving. They render on the server
// too (with the zone from the tz cookie, see TimeZoneProvider) and hydrate to the same text; suppressHydrationWarning
// only covers a browser whose date formatting differs from Node's by a character.

/** "5 min ago", kept current, with the exact time on hover and in the machine-readable attribute. */
export function RelativeTime({ iso, now, className }: { iso: string; now: Date; className?: string }) {
  const timeZone = useDisplayTimeZone();
  const current = useNow(now);
  useRememberTimeZone();
  return (
    <time dateTime={iso} title={formatExactTime(iso, timeZone)} className={className} suppressHydrationWarning>
      {formatRelativeTime(iso, current, timeZone)}
    </time>
  );
}

/** The exact time in the reader's zone, with the ISO form on hover for copying into a support ticket. */
export function ExactTime({ iso, className }: { iso: string; className?: string }) {
  const timeZone = useDisplayTimeZone();
  useRememberTimeZone();
  return (
    <time dateTime={iso} title={iso} className={className} suppressHydrationWarning>
      {formatExactTime(iso, timeZone)}
    </time>
  );
}
