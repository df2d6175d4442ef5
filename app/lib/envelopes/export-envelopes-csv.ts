import 'server-only';
import { decodeCursor, type Cursor } from '@/app/lib/api/cursor';
import { prisma } from '@/app/lib/db/prisma';
import { csvRow, type CsvValue } from './csv';
import type { EnvelopeListItem } from './envelope-list-schema';
import type { EnvelopeFilters } from './envelope-schemas';
import { actionLabel } from './lifecycle/envelope-actions';
import { statusLabel } from './lifecycle/envelope-statuses';
import { loadEnvelopePage } from './list-envelopes';

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
  { header: 'Status', value: (e) => statusLabel(e.status) },
  { header: 'Action required', value: (e) => (e.actionRequired ? 'yes' : 'no') },
  { header: 'Signed', value: (e) => e.signedCount },
  { header: 'Recipients', value: (e) => e.recipientCount },
  { header: 'Recipient e-mails', value: (e) => e.recipients.flatMap((r) => r.email ?? []).join('; ') },
  { header: 'Last action', value: (e) => actionLabel(e.lastAction) },
  { header: 'Last activity (UTC)', value: (e) => spreadsheetTime(e.lastEventAt) },
  { header: 'First seen (UTC)', value: (e) => spreadsheetTime(e.firstSeenAt) },
  { header: 'Finished (UTC)', value: (e) => spreadsheetTime(e.finishedAt) },
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
 * later go together into a last column, since a stream cannot add columns afterwards.
 *
 * Pages are read one after another, not in one transaction (that would hold up webhooks on SQLite): an envelope
 * with new activity during the export moves to the top of the list, behind the reading position, so envelopes
 * that moved are read again at the end. Each envelope appears once, as it was when read.
 */
export async function* exportEnvelopesCsv(options: {
  filters: EnvelopeFilters;
  batchSize?: number;
  now?: Date;
}): AsyncGenerator<string> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const startedAt = options.now ?? new Date();
  const to = options.filters.to && options.filters.to < startedAt ? options.filters.to : startedAt;
  const exported = new Set<string>();
  const hookNames = new Map<string, string>();
  let customKeys: string[] | null = null;

  const passes: EnvelopeFilters[] = [{ ...options.filters, to }];
  // Activity since the start: only the envelopes that moved, or arrived, and still match.
  if (!options.filters.to || options.filters.to > startedAt) {
    passes.push({ ...options.filters, from: laterOf(options.filters.from, new Date(startedAt.getTime() + 1)) });
  }
  for (const filters of passes) {
    let after: Cursor | undefined;
    do {
      const page = await loadEnvelopePage({ filters, after, limit: batchSize });
      const fresh = page.items.filter((envelope) => !exported.has(envelope.id));
      if (customKeys === null) {
        customKeys = mostCommonKeys(fresh);
        yield (
          BYTE_ORDER_MARK +
          csvRow([...FIXED_COLUMNS.map((column) => column.header), ...customKeys, 'Other custom values'])
        );
      }
      await readHookNames(hookNames, fresh);
      let chunk = '';
      for (const envelope of fresh) {
        exported.add(envelope.id);
        // A hook deleted meanwhile (its envelopes go with it) leaves the cell empty, never falls back to the id.
        chunk += csvRow(toCells({ ...envelope, hookName: hookNames.get(envelope.hookId) ?? null }, customKeys));
      }
      if (chunk) yield chunk;
      after = page.nextCursor ? (decodeCursor(page.nextCursor) ?? undefined) : undefined;
    } while (after);
  }
}

/** Adds the names of the batch's hooks not read yet: one query per batch at most, none once all are known. */
async function readHookNames(hookNames: Map<string, string>, envelopes: EnvelopeListItem[]): Promise<void> {
  const unread = [...new Set(envelopes.map((envelope) => envelope.hookId))].filter((id) => !hookNames.has(id));
  if (unread.length === 0) return;
  const hooks = await prisma.hook.findMany({ where: { id: { in: unread } }, select: { id: true, name: true } });
  for (const hook of hooks) hookNames.set(hook.id, hook.name);
}

function laterOf(a: Date | undefined, b: Date): Date {
  return a && a > b ? a : b;
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
