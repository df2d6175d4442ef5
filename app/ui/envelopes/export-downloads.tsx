'use client';

import { useState } from 'react';
import { documentsZipHref } from './documents-zip-link';
import { envelopeExportHref, type ListFilters } from './envelope-list-params';
import { ExportDownloadLink } from './export-download-link';

/** The view's two downloads, the CSV and its signed PDFs as a ZIP, with why one could not start beneath them. */
export function ExportDownloads({ filters }: { filters: ListFilters }) {
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-2">
        <ExportDownloadLink href={envelopeExportHref(filters)} onFailure={setFailure}>
          Download CSV <span className="sr-only">of every envelope in this view</span>
        </ExportDownloadLink>
        <ExportDownloadLink href={documentsZipHref(filters)} onFailure={setFailure}>
          Download signed PDFs (ZIP) <span className="sr-only">of every envelope in this view</span>
        </ExportDownloadLink>
      </div>
      {failure ? (
        <p role="alert" className="max-w-md text-right text-sm text-red-800">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
