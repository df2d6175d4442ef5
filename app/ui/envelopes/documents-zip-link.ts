import { listHref } from '@/app/ui/list/list-url';
import { LIST_FILTER_KEYS, type ListFilters } from './envelope-list-params';

/** The stored signed PDFs and audit trails of the whole view as one ZIP; the page size does not matter there. */
export const documentsZipHref = (filters: Partial<ListFilters>): string =>
  listHref('/api/exports/documents', filters, LIST_FILTER_KEYS);
