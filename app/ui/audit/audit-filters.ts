import { zonedDayStart } from '@/app/ui/format/zoned-day';
import { hasAnyValue, listHref, readParams } from '@/app/ui/list/list-url';

export const AUDIT_FILTER_KEYS = ['action', 'actor', 'target', 'from', 'to'] as const;

export type AuditFilters = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;

export const readAuditFilters = (params: URLSearchParams): AuditFilters => readParams(params, AUDIT_FILTER_KEYS);

export const hasActiveAuditFilters = (filters: AuditFilters): boolean => hasAnyValue(filters, AUDIT_FILTER_KEYS);

export const auditPageHref = (filters: Partial<AuditFilters>): string => listHref('/audit', filters, AUDIT_FILTER_KEYS);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?/;

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * The filters with picked days turned into instants in the reader's zone, as the API takes them: "from" is the first
 * millisecond of its day, "to" the first of the day after, since the API's "to" is exclusive and the day picked is
 * meant whole. Anything else (a time already, or text the API will explain it refuses) is left as it is.
 */
export function withDaysAsInstants(filters: AuditFilters, timeZone: string): AuditFilters {
  const from = DAY.test(filters.from) ? zonedDayStart(filters.from, timeZone) : null;
  const to = DAY.test(filters.to) ? zonedDayStart(nextDay(filters.to), timeZone) : null;
  return { ...filters, from: from ?? filters.from, to: to ?? filters.to };
}

/** The day a "from" value starts on, for a date field: its own local date ("" when it names none). */
export function fromDay(value: string): string {
  return WALL_TIME.exec(value)?.[1] ?? '';
}

/**
 * The last day a "to" value still takes in, for a date field: an exclusive end at midnight takes in the day before
 * it, a bare day or any later time its own day.
 */
export function toDay(value: string): string {
  const match = WALL_TIME.exec(value);
  if (!match) return '';
  const [, day, time] = match;
  if (!time || !/^00:00(?::00(?:\.0+)?)?$/.test(time)) return day!;
  const [year, month, date] = day!.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date - 1)).toISOString().slice(0, 10);
}
