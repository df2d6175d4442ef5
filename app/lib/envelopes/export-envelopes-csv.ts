import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { csvRow, type CsvValue } from './csv';
import type { EnvelopeOrder } from './envelope-list-order';
import type { EnvelopeListItem } from './envelope-list-schema';
import type { EnvelopeFilters } from './envelope-schemas';
import { lastEventLabel } from './last-event-label';
import { statusLabel } from './lifecycle/envelope-statuses';
import { readEnvelopeView } from './read-envelope-view';

export const EXPORT_BATCH_SIZE = 500;

// Excel reads a UTF-8 file as UTF-8 only when it starts with a byte order mark; names often have diacritics.
const BYTE_ORDER_MARK = '\uFEFF';

const DOCUMENT_LABELS: Record<EnvelopeListItem['documentStatus'], string> = {
  none: 'None',
  pending: 'Queued',
  fetching: 'Fetching',
  stored: 'Available',
  failed: 'Failed',
};

// The hook goes out by name: its id is the secret part of the webhook URL, and an export gets passed around.
type ExportedEnvelope = EnvelopeListItem & { hookName: string | null };

const FIXED_COLUMNS: { header: string; value: (envelope: ExportedEnvelope) => CsvValue }[] = [
  { header: 'Envelope id', value: (e) => e.id },
  { header: 'Name', value: (e) => e.name },
  { header: 'Status', value: (e) => statusLabel(e.status) },
  { header: 'Action required', value: (e) => (e.actionRequired ? 'yes' : 'no') },
  { header: 'Signed', value: (e) => e.signedCount },
  { header: 'Recipients', value: (e) => e.recipientCount },
  { header: 'Recipient e-mails', value: (e) => e.recipients.flatMap((r) => r.email ?? []).join('; ') },
  { header: 'Last action', value: (e) => lastEventLabel(e.status, e.lastAction) },
  { header: 'Last activity (UTC)', value: (e) => spreadsheetTime(e.lastEventAt) },
  { header: 'First seen (UTC)', value: (e) => spreadsheetTime(e.firstSeenAt) },
  { header: 'Finished (UTC)', value: (e) => spreadsheetTime(e.finishedAt) },
  { header: 'Sent (UTC)', value: (e) => spreadsheetTime(e.sentAt) },
  { header: 'Expires (UTC)', value: (e) => spreadsheetTime(e.expiresAt) },
  { header: 'Waiting on', value: (e) => e.waitingOn?.name ?? e.waitingOn?.email ?? null },
  { header: 'Waiting on e-mail', value: (e) => e.waitingOn?.email ?? null },
  { header: 'Waiting since (UTC)', value: (e) => spreadsheetTime(e.waitingOn?.since ?? null) },
  { header: 'Test', value: (e) => (e.isTest ? 'yes' : 'no') },
  { header: 'Documents', value: (e) => DOCUMENT_LABELS[e.documentStatus] },
  { header: 'Hook', value: (e) => e.hookName },
];

/** "2026-11-29 11:22:01": spreadsheets read this as a date and time, unlike ISO 8601's T and Z. */
function spreadsheetTime(iso: string | null): string | null {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : null;
}

/**
 * The whole of a view (every page, not just the one on screen) as CSV, read in batches so memory stays flat
 * whatever its size. Custom values get a column per key of the first batch, most common first; keys seen only
 * later go together into a last column, since a stream cannot add columns afterwards. How a view is read while
 * envelopes change: readEnvelopeView.
 */
export async function* exportEnvelopesCsv(options: {
  filters: EnvelopeFilters;
  /** The list's order; newest activity first unless told. */
  order?: EnvelopeOrder;
  batchSize?: number;
  now?: Date;
}): AsyncGenerator<string> {
  const hookNames = new Map<string, string>();
  let customKeys: string[] | null = null;
  for await (const batch of readEnvelopeView({
    filters: options.filters,
    order: options.order,
    batchSize: options.batchSize ?? EXPORT_BATCH_SIZE,
    startedAt: options.now ?? new Date(),
  })) {
    if (customKeys === null) {
      customKeys = mostCommonKeys(batch);
      yield (
        BYTE_ORDER_MARK +
        csvRow([...FIXED_COLUMNS.map((column) => column.header), ...customKeys, 'Other custom values'])
      );
    }
    await readHookNames(hookNames, batch);
    let chunk = '';
    for (const envelope of batch) {
      // A hook deleted meanwhile (its envelopes go with it) leaves the cell empty, never falls back to the id.
      chunk += csvRow(toCells({ ...envelope, hookName: hookNames.get(envelope.hookId) ?? null }, customKeys));
    }
    if (chunk) yield chunk;
  }
}

/** Adds the names of the batch's hooks not read yet: one query per batch at most, none once all are known. */
async function readHookNames(hookNames: Map<string, string>, envelopes: EnvelopeListItem[]): Promise<void> {
  const unread = [...new Set(envelopes.map((envelope) => envelope.hookId))].filter((id) => !hookNames.has(id));
  if (unread.length === 0) return;
  const hooks = await prisma.hook.findMany({ where: { id: { in: unread } }, select: { id: true, name: true } });
  for (const hook of hooks) hookNames.set(hook.id, hook.name);
}

function mostCommonKeys(envelopes: EnvelopeListItem[]): string[] {
  const counts = new Map<string, number>();
  for (const envelope of envelopes) {
    for (const key of Object.keys(envelope.customValues)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([key]) => key);
}

function toCells(envelope: ExportedEnvelope, customKeys: string[]): CsvValue[] {
  const others = Object.entries(envelope.customValues)
    .filter(([key]) => !customKeys.includes(key))
    .map(([key, value]) => `${key}=${value}`)
    .join('; ');
  return [
    ...FIXED_COLUMNS.map((column) => column.value(envelope)),
    ...customKeys.map((key) => envelope.customValues[key] ?? null),
    others,
  ];
}

/** "envelopes-2026-11-29.csv", the day in UTC. */
export function exportFileName(now: Date): string {
  return `envelopes-${now.toISOString().slice(0, 10)}.csv`;
}
