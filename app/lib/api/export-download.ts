import 'server-only';
import type { NextRequest } from 'next/server';
import { describeExportQuery } from '@/app/lib/audit/describe-export-query';
import { recordAuditEntry } from '@/app/lib/audit/record-audit-entry';
import { errorResponse } from './error-response';

/**
 * Exports running at once in this process. Each holds a database snapshot open to its end (on PostgreSQL one of the
 * pool's connections, see read-snapshot.ts), for minutes at millions of envelopes: a few at a time leave the pool to
 * the dashboard.
 */
export const MAX_RUNNING_EXPORTS = 2;
const RETRY_AFTER_SECONDS = 30;

// On globalThis: each route is bundled apart by Next.js, and both exports share the one limit.
const GLOBAL_KEY = '__envelopeTrackerRunningExports';
const running = ((globalThis as { [GLOBAL_KEY]?: { count: number } })[GLOBAL_KEY] ??= { count: 0 });

type Source = {
  next(): Promise<IteratorResult<Uint8Array>>;
  cancel(reason: unknown): Promise<void>;
};

/**
 * A download's answer: the chunks of what `open()` starts, pulled as the client reads them (a slow download holds back the reads
 * instead of piling them up in memory), or 429 while MAX_RUNNING_EXPORTS others are running. `open` runs only when
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
  if (running.count >= (options.limit ?? MAX_RUNNING_EXPORTS)) {
    return errorResponse(
      429,
      'too_many_exports',
      `${running.count} exports are running on this server; try again once one of them has finished.`,
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  running.count += 1;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    running.count -= 1;
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

/** How many exports are running in this process (tests). */
export function runningExports(): number {
  return running.count;
}
