import { listHref } from '@/app/ui/list/list-url';
import { LIST_FILTER_KEYS, type ListFilters } from './envelope-list-params';

/** The stored signed PDFs and audit trails of the whole view as one ZIP; the page size does not matter there. */
export const documentsZipHref = (filters: Partial<ListFilters>): string =>
  listHref('/api/exports/documents', filters, LIST_FILTER_KEYS);

/** Next to "Download CSV": the same view's files, streamed as a ZIP. */
export function DocumentsZipLink({ filters }: { filters: ListFilters }) {
  return (
    <a
      href={documentsZipHref(filters)}
      download
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
    >
      Download signed PDFs (ZIP) <span className="sr-only">of every envelope in this view</span>
    </a>
  );
}
