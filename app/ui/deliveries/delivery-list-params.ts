/** The delivery log's state lives in its URL, so a support ticket can link to exactly what the integrator saw. */
export const DELIVERY_FILTER_KEYS = ['hook', 'outcome', 'envelope'] as const;
// Kept from page to page but not a filter: the page size of a hand-written URL.
const DELIVERY_PARAM_KEYS = [...DELIVERY_FILTER_KEYS, 'limit'] as const;

export type DeliveryFilters = Record<(typeof DELIVERY_PARAM_KEYS)[number], string>;

/** The filters as typed, even when invalid, so the form shows what the reader asked for. */
export function readDeliveryFilters(params: URLSearchParams): DeliveryFilters {
  const read = (key: string) => params.getAll(key).at(-1)?.trim() ?? '';
  return { hook: read('hook'), outcome: read('outcome'), envelope: read('envelope'), limit: read('limit') };
}

export function hasActiveDeliveryFilters(filters: DeliveryFilters): boolean {
  return DELIVERY_FILTER_KEYS.some((key) => filters[key] !== '');
}

/** A link to the log with these filters (and page), leaving out empty ones. */
export function deliveryListHref(filters: Partial<DeliveryFilters>, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const key of DELIVERY_PARAM_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `/deliveries?${search}` : '/deliveries';
}
