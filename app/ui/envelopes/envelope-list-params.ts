/** The home page's state lives in its URL, so a filtered list can be bookmarked, shared and reloaded. */
export const LIST_FILTER_KEYS = ['q', 'status', 'hook', 'from', 'to'] as const;
// Kept from page to page but not a filter: the page size of a hand-written URL.
const LIST_PARAM_KEYS = [...LIST_FILTER_KEYS, 'limit'] as const;

export type ListFilters = Record<(typeof LIST_PARAM_KEYS)[number], string>;

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function toUrlSearchParams(raw: RawSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined) params.append(key, item);
  }
  return params;
}

/** The filters (and page size) as typed, even when invalid, so the form shows what the reader asked for. */
export function readListFilters(params: URLSearchParams): ListFilters {
  const read = (key: string) => params.getAll(key).at(-1)?.trim() ?? '';
  return {
    q: read('q'),
    status: read('status'),
    hook: read('hook'),
    from: read('from'),
    to: read('to'),
    limit: read('limit'),
  };
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return LIST_FILTER_KEYS.some((key) => filters[key] !== '');
}

/** A link to the list with these filters (and page), leaving out empty ones. */
export function envelopeListHref(filters: Partial<ListFilters>, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const key of LIST_PARAM_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
