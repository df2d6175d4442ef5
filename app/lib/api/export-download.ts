import 'server-only';
import type { NextRequest } from 'next/server';
import { describeExportQuery } from '@/app/lib/audit/describe-export-query';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { errorResponse } from './error-response';
import { redeemExportTicket, releaseExportSlot, takeExportSlot, takenExportSlots } from './export-slots';

const RETRY_AFTER_SECONDS = 30;

/** The answer while every export slot is taken: what to do, and when to ask again. */
export function tooManyExportsResponse(): Response {
  return errorResponse(
    429,
    'too_many_exports',
    `${takenExportSlots()} exports are running on this server; try again once one of them has finished.`,
    { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  );
}

type Source = {
  next(): Promise<IteratorResult<Uint8Array>>;
  cancel(reason: unknown): Promise<void>;
};

/**
 * A download's answer: the chunks of what `open()` starts, pulled as the client reads them (a slow download holds back the reads
 * instead of piling them up in memory), or 429 while every export slot (export-slots.ts) is taken. `open` runs only when
 * there is room; the room is given back however the download ends (finished, failed, cancelled).
 */
export async function exportDownload(options: {
  /** The export's request and audit action, recorded (with its query) once there is room for it. */
  audit: { request: NextRequest; action: 'export.csv' | 'export.zip' };
  /** Starts the export: only once there is room for it and it is recorded. */
  open: () => Source;
  headers: Record<string, string>;
  /** "Envelope export": how a failure is logged. */
  label: string;
  /** The limit; MAX_RUNNING_EXPORTS unless told (tests). */
  limit?: number;
}): Promise<Response> {
  // A slot reserved by the page (reserve-export-download.ts) is this download's; otherwise one is taken now.
  const ticket = options.audit.request.nextUrl.searchParams.get('ticket');
  if (!(ticket && redeemExportTicket(ticket)) && !takeExportSlot(options.limit)) return tooManyExportsResponse();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    releaseExportSlot();
  };
  let source: Source;
  try {
    const { request, action } = options.audit;
    await recordAuditEntry({ request, action, detail: describeExportQuery(request.nextUrl.search) });
    source = options.open();
  } catch (error) {
    end();
    throw error;
  }
  // A pull may still be waiting for its chunk when the download is cancelled: it then has nowhere to put it.
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (cancelled) return;
        if (next.done) {
          end();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        end();
        if (cancelled) return;
        console.error(`${options.label} failed:`, error);
        controller.error(error);
      }
    },
    async cancel(reason) {
      cancelled = true;
      try {
        await source.cancel(reason);
      } finally {
        end();
      }
    },
  });
  return new Response(body, { headers: { 'Cache-Control': 'no-store', ...options.headers } });
}
