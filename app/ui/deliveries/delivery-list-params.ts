import { hasAnyValue, listHref, readParams } from '@/app/ui/list/list-url';

export const DELIVERY_FILTER_KEYS = ['hook', 'outcome', 'envelope'] as const;
// Kept from page to page but not a filter: the page size of a hand-written URL.
const DELIVERY_PARAM_KEYS = [...DELIVERY_FILTER_KEYS, 'limit'] as const;

export type DeliveryFilters = Record<(typeof DELIVERY_PARAM_KEYS)[number], string>;

export const readDeliveryFilters = (params: URLSearchParams): DeliveryFilters =>
  readParams(params, DELIVERY_PARAM_KEYS);

export const hasActiveDeliveryFilters = (filters: DeliveryFilters): boolean =>
  hasAnyValue(filters, DELIVERY_FILTER_KEYS);

export const deliveryListHref = (filters: Partial<DeliveryFilters>, cursor?: string | null): string =>
  listHref('/deliveries', filters, DELIVERY_PARAM_KEYS, cursor);

/** Not a filter: the replay whose outcome the page shows above the list (see ReplayOutcomeNotice). */
export const REPLAYED_PARAM = 'replayed';

/** The anchor of a delivery's row in the list. */
export const deliveryAnchor = (id: string): string => `delivery-${id}`;
