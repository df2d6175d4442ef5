'use client';

import { useState, type MouseEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { describeFailure, requestJson } from '@/app/ui/api/request-json';

const reservationSchema = z.object({ downloadUrl: z.string().startsWith('/api/exports/') });

const EXPORT_LINK_CLASS =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50';

/**
 * An export's download link that asks the server for room first (POST on the same URL, see
 * reserve-export-download.ts) and then downloads with the ticket it got. A browser shows a refused download only as
 * "Failed" in its download list; asked first, the reason (too many exports running, a signed-out session) goes to
 * `onFailure` to be shown beside the link (null once a download starts). A click with a modifier (new tab, save as)
 * is left to the browser, as is the link without script.
 */
export function ExportDownloadLink(props: {
  href: string;
  onFailure: (message: string | null) => void;
  children: ReactNode;
}) {
  const { href, onFailure } = props;
  const [preparing, setPreparing] = useState(false);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (preparing) return;
    setPreparing(true);
    try {
      const { downloadUrl } = await requestJson(href, { method: 'POST', schema: reservationSchema });
      // A download link of its own rather than navigating: should the download fail after all, the page stays.
      const link = document.createElement('a');
      link.href = downloadUrl;
      link.download = '';
      document.body.append(link);
      link.click();
      link.remove();
      onFailure(null);
    } catch (failure) {
      onFailure(describeFailure(failure, 'The download did not start'));
    } finally {
      setPreparing(false);
    }
  }

  return (
    <a
      href={href}
      download
      onClick={download}
      aria-busy={preparing}
      className={`${EXPORT_LINK_CLASS} ${preparing ? 'cursor-wait opacity-70' : ''}`}
    >
      {props.children}
    </a>
  );
}
