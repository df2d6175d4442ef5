import { keptDateTimeFormat, type DateTimePattern } from '@/app/lib/format/kept-date-time-format';

const DAY: DateTimePattern = { locale: 'en-GB', options: { year: 'numeric', month: 'short', day: 'numeric' } };
// The zone name is always printed: a server-rendered time cannot know the reader's zone, so it must say which it is.
const TIME: DateTimePattern = {
  locale: 'en-GB',
  options: {
    ...DAY.options,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  },
};

/** An unambiguous time such as "29 Nov 2025, 11:10:05 UTC", in the server's zone unless one is given. */
export function formatExactTime(iso: string, timeZone?: string): string {
  return keptDateTimeFormat(TIME, timeZone).format(new Date(iso));
}

/** A calendar day such as "29 Nov 2025". */
export function formatDay(iso: string, timeZone?: string): string {
  return keptDateTimeFormat(DAY, timeZone).format(new Date(iso));
}
