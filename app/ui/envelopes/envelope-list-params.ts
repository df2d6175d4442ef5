import {
  defaultOrderFor,
  ENVELOPE_SORTS,
  resolveEnvelopeOrder,
  SORT_DIRECTIONS,
  type EnvelopeOrder,
} from '@/app/lib/envelopes/envelope-list-order';
import { hasAnyValue, listHref, readParams } from '@/app/ui/list/list-url';

export const LIST_FILTER_KEYS = [
  'q',
  'status',
  'hook',
  'from',
  'to',
  'expiringWithin',
  'quietFor',
  'waitingOn',
  'tests',
] as const;
/** How the view is sorted: kept in the URL with the filters, but not a filter (nothing is left out by it). */
export const LIST_ORDER_KEYS = ['sort', 'dir'] as const;
// Kept from page to page but not a filter: the order, and the page size of a hand-written URL.
const LIST_PARAM_KEYS = [...LIST_FILTER_KEYS, ...LIST_ORDER_KEYS, 'limit'] as const;

export type ListFilters = Record<(typeof LIST_PARAM_KEYS)[number], string>;

export const readListFilters = (params: URLSearchParams): ListFilters => readParams(params, LIST_PARAM_KEYS);

export const hasActiveFilters = (filters: ListFilters): boolean => hasAnyValue(filters, LIST_FILTER_KEYS);

export const envelopeListHref = (filters: Partial<ListFilters>, cursor?: string | null): string =>
  listHref('/', filters, LIST_PARAM_KEYS, cursor);

/** What the live list polls: the same view's first page, with the counts for the summary strip. */
export const envelopeApiUrl = (filters: Partial<ListFilters>): string =>
  listHref('/api/envelopes', { ...filters, counts: 'true' }, [...LIST_PARAM_KEYS, 'counts']);

/** The whole view as CSV, in the view's order; the page size does not matter there. */
export const envelopeExportHref = (filters: Partial<ListFilters>): string =>
  listHref('/api/exports/envelopes', filters, [...LIST_FILTER_KEYS, ...LIST_ORDER_KEYS]);

const oneOf = <Value extends string>(values: readonly Value[], value: string): Value | undefined =>
  values.find((known) => known === value);

/** The order the view is shown in: what its URL names, else its filters' default (as the server resolves it). */
export const listOrderOf = (filters: Partial<ListFilters>): EnvelopeOrder =>
  resolveEnvelopeOrder({
    sort: oneOf(ENVELOPE_SORTS, filters.sort ?? ''),
    dir: oneOf(SORT_DIRECTIONS, filters.dir ?? ''),
    expiringWithin: filters.expiringWithin || undefined,
  });

/**
 * The order a submitted form puts in the URL: none while it is the view's default, so the order keeps following the
 * filters (picking "expiring within" turns to soonest deadline first) until someone picks one.
 */
export function explicitOrder(
  before: Partial<ListFilters>,
  submitted: Partial<ListFilters>,
): Pick<ListFilters, 'sort' | 'dir'> {
  const shownBefore = listOrderOf(before);
  const untouched =
    !before.sort && !before.dir && submitted.sort === shownBefore.sort && submitted.dir === shownBefore.dir;
  const fallback = defaultOrderFor({ expiringWithin: submitted.expiringWithin || undefined });
  const isDefault = submitted.sort === fallback.sort && submitted.dir === fallback.dir;
  return untouched || isDefault ? { sort: '', dir: '' } : { sort: submitted.sort ?? '', dir: submitted.dir ?? '' };
}
