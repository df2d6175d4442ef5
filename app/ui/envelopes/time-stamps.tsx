import { formatExactTime } from '@/app/ui/format/exact-time';
import { formatRelativeTime } from '@/app/ui/format/relative-time';

/** "5 min ago", with the exact time on hover and in the machine-readable attribute. */
export function RelativeTime({ iso, now, className }: { iso: string; now: Date; className?: string }) {
  return (
    <time dateTime={iso} title={formatExactTime(iso)} className={className}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}

/** The exact time, with the ISO form on hover for copying into a support ticket. */
export function ExactTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={iso} className={className}>
      {formatExactTime(iso)}
    </time>
  );
}
