import { buildSearchText } from '@/app/lib/envelopes/lifecycle/envelope-derived-fields';
import { isFinalStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { createSeededRandom } from '@/app/lib/sandbox/create-seeded-random';

// Made-up but realistic rows for the dashboard benchmark, the same for every run (seeded), so figures compare.
// The seeded generator is the sandbox's (mulberry32): the same seed gives the same database.

export const BENCH_HOOK_IDS = [
  'bench_dash_hook_sales_000000000',
  'bench_dash_hook_loans_000000000',
  'bench_dash_hook_hr_00000000000',
];

const STATUSES = [
  ['completed', 46],
  ['sent', 14],
  ['opened', 14],
  ['partially_signed', 10],
  ['rejected', 5],
  ['expired', 8],
  ['canceled', 3],
] as const;
type Status = (typeof STATUSES)[number][0];

const FIRST_NAMES = [
  'ana',
  'maria',
  'ion',
  'andrei',
  'elena',
  'mihai',
  'ioana',
  'radu',
  'cristina',
  'vlad',
  'dan',
  'irina',
];
const LAST_NAMES = [
  'popescu',
  'ionescu',
  'georgescu',
  'dumitru',
  'stan',
  'constantin',
  'marin',
  'tudor',
  'dobre',
  'barbu',
];
const DOMAINS = ['example.com', 'example.org', 'mail.example.net', 'client.example'];
const PRODUCTS = ['Personal loan', 'Mortgage', 'Credit card', 'Savings account', 'Car lease', 'Insurance'];
const BRANCHES = ['Bucharest', 'Cluj', 'Iasi', 'Timisoara', 'Brasov', 'Constanta', 'Sibiu', 'Oradea'];

const DAY_MS = 86_400_000;
/** Days from sending to an envelope's deadline. */
const EXPIRY_DAYS = 30;
/** Activity spreads over this many days before the fill's "now". */
const SPAN_DAYS = 365;
/** Events of the one envelope opened by the "detail" scenario. */
export const DETAIL_EVENT_COUNT = 200;

export type GeneratedEnvelope = {
  id: string;
  hookId: string;
  status: Status;
  actionRequired: boolean;
  customValues: Record<string, string>;
  searchText: string;
  recipientCount: number;
  signedCount: number;
  firstSeenAt: Date;
  firstOpenedAt: Date | null;
  finishedAt: Date | null;
  lastEventAt: Date;
  lastAction: string;
  /** From the signing service: most envelopes have a name, a sent time and a deadline. */
  name: string | null;
  sentAt: Date | null;
  expiresAt: Date | null;
  /** Open envelopes: the first recipient in signing order who has not signed, and since when. */
  waitingOnEmail: string | null;
  waitingOnName: string | null;
  waitingSince: Date | null;
  isTest: boolean;
};

export type GeneratedRecipient = {
  envelopeId: string;
  key: string;
  recipientOrder: number;
  email: string;
  invitedAt: Date;
  firstOpenedAt: Date | null;
  openCount: number;
  finishedAt: Date | null;
  rejectedAt: Date | null;
};

export type GeneratedEvent = {
  envelopeId: string;
  action: string;
  occurredAt: Date;
  recipientEmail: string | null;
  recipientOrder: number | null;
  isFinishCallback: boolean;
  customValues: Record<string, string>;
  dedupeKey: string;
};

export type GeneratedDocumentFetch = { envelopeId: string; status: 'stored' | 'failed' | 'pending'; at: Date };

export type GeneratedBatch = {
  envelopes: GeneratedEnvelope[];
  recipients: GeneratedRecipient[];
  events: GeneratedEvent[];
  documentFetches: GeneratedDocumentFetch[];
};

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function pickStatus(random: () => number): Status {
  let roll = random() * 100;
  for (const [status, weight] of STATUSES) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'completed';
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** The values the scenarios look up, taken from envelope `index` of the fill (deterministic). */
export function contractNumberOf(index: number): string {
  return `K-${2025 + (index % 2)}-${String(index).padStart(7, '0')}`;
}

export function emailOf(index: number, order: number): string {
  const random = createSeededRandom(index * 31 + order);
  return `${pick(random, FIRST_NAMES)}.${pick(random, LAST_NAMES)}.${index}.${order}@${pick(random, DOMAINS)}`;
}

/**
 * Envelopes [from, to) of a fill of `total`: index 0 is the newest. The envelope at `detailIndex` gets
 * DETAIL_EVENT_COUNT events; the others 2–12, about six on average.
 */
export function generateBatch(options: { from: number; to: number; total: number; now: Date; detailIndex: number }) {
  const batch: GeneratedBatch = { envelopes: [], recipients: [], events: [], documentFetches: [] };
  const spanMs = SPAN_DAYS * DAY_MS;
  for (let index = options.from; index < options.to; index++) {
    const random = createSeededRandom(index + 1);
    const id = uuidFrom(random);
    // Evenly spread from now back over the span, newest first, with a little jitter so times are not round.
    const lastEventAt = new Date(
      options.now.getTime() - Math.floor(((index + random() * 0.9) / options.total) * spanMs),
    );
    const status = pickStatus(random);
    const recipientCount = 1 + Math.floor(random() * 3);
    const firstSeenAt = new Date(lastEventAt.getTime() - Math.floor(random() * 14 * DAY_MS) - 60_000);
    const customValues: Record<string, string> = {
      contractNumber: contractNumberOf(index),
      customer: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`.replace(/\b\w/g, (c) => c.toUpperCase()),
      product: pick(random, PRODUCTS),
      branch: pick(random, BRANCHES),
    };
    const signedCount =
      status === 'completed'
        ? recipientCount
        : status === 'partially_signed'
          ? Math.max(1, recipientCount - 1)
          : !isFinalStatus(status)
            ? 0
            : Math.floor(random() * recipientCount);
    const opened = status !== 'sent';
    const emails: string[] = [];
    const invitedAts: Date[] = [];
    const events: GeneratedEvent[] = [];
    const step = Math.max(1, Math.floor((lastEventAt.getTime() - firstSeenAt.getTime()) / 12));
    let at = firstSeenAt.getTime();
    const event = (action: string, order: number | null, email: string | null, extra = '') => {
      events.push({
        envelopeId: id,
        action,
        occurredAt: new Date(Math.min(at, lastEventAt.getTime())),
        recipientEmail: email,
        recipientOrder: order,
        isFinishCallback: action === 'envelopeFinished',
        customValues,
        dedupeKey: `${action}|${order === null ? '-' : `order:${order}`}${extra}`,
      });
      at += step;
    };
    for (let order = 1; order <= recipientCount; order++) {
      const email = emailOf(index, order);
      emails.push(email);
      const invitedAt = new Date(at);
      invitedAts.push(invitedAt);
      event('sendSignNotification', order, email, `|${at}`);
      const recipientOpened = opened && (order <= signedCount + 1 || random() < 0.5);
      const firstOpenedAt = recipientOpened ? new Date(at) : null;
      if (recipientOpened) event('workstepOpened', order, email, `|${at}`);
      const finishedAt = order <= signedCount ? new Date(at) : null;
      if (finishedAt) event('workstepFinished', order, email);
      const rejectedAt = status === 'rejected' && order === signedCount + 1 ? new Date(at) : null;
      if (rejectedAt) event('workstepRejected', order, email);
      batch.recipients.push({
        envelopeId: id,
        key: `order:${order}`,
        recipientOrder: order,
        email,
        invitedAt,
        firstOpenedAt,
        openCount: recipientOpened ? 1 : 0,
        finishedAt,
        rejectedAt,
      });
    }
    const extraEvents = index === options.detailIndex ? DETAIL_EVENT_COUNT - events.length - 1 : random() < 0.5 ? 1 : 0;
    for (let n = 0; n < extraEvents; n++) event('workstepOpened', 1, emails[0]!, `|reopen-${n}`);
    const lastAction =
      status === 'completed'
        ? 'envelopeFinished'
        : status === 'expired'
          ? 'envelopeExpired'
          : status === 'canceled'
            ? 'envelopeCanceled'
            : (events.at(-1)?.action ?? 'sendSignNotification');
    // A rejection's last event is the recipient's own.
    if (isFinalStatus(status) && status !== 'rejected') event(lastAction, null, null);
    // The last event is the envelope's last activity.
    events[events.length - 1]!.occurredAt = lastEventAt;
    batch.events.push(...events);
    const finished = isFinalStatus(status);
    // Drawn from a stream of their own, so the rest of an envelope stays as earlier fills made it.
    const detailsRandom = createSeededRandom((index + 1) * 7_919 + 13);
    const sentAt = detailsRandom() < 0.95 ? new Date(firstSeenAt.getTime() - 60_000) : null;
    // eSignAnyWhere's usual deadline: 30 days after sending. An expired envelope ended on it.
    const expiresAt =
      status === 'expired'
        ? lastEventAt
        : detailsRandom() < 0.85
          ? new Date((sentAt ?? firstSeenAt).getTime() + EXPIRY_DAYS * DAY_MS)
          : null;
    const waitingOrder = finished ? null : signedCount + 1;
    const waitingName =
      waitingOrder === null || detailsRandom() < 0.3
        ? null
        : `${pick(detailsRandom, FIRST_NAMES)} ${pick(detailsRandom, LAST_NAMES)}`.replace(/\b\w/g, (c) =>
            c.toUpperCase(),
          );
    const name = detailsRandom() < 0.85 ? `${customValues.product} ${customValues.contractNumber}` : null;
    batch.envelopes.push({
      id,
      hookId: BENCH_HOOK_IDS[index % BENCH_HOOK_IDS.length]!,
      status,
      actionRequired: random() < 0.02,
      customValues,
      // The name of whom it waits on is a recipient's name, which the signing service's activities tell.
      searchText: buildSearchText({ envelopeId: id, emails, names: waitingName ? [waitingName] : [], customValues }),
      recipientCount,
      signedCount,
      firstSeenAt,
      firstOpenedAt: opened ? new Date(firstSeenAt.getTime() + step) : null,
      finishedAt: finished ? lastEventAt : null,
      lastEventAt,
      lastAction,
      name,
      sentAt,
      expiresAt,
      waitingOnEmail: waitingOrder === null ? null : emailOf(index, waitingOrder),
      waitingOnName: waitingName,
      waitingSince: waitingOrder === null ? null : (invitedAts[waitingOrder - 1] ?? firstSeenAt),
      isTest: false,
    });
    if (status === 'completed') {
      const roll = random();
      batch.documentFetches.push({
        envelopeId: id,
        status: roll < 0.9 ? 'stored' : roll < 0.95 ? 'failed' : 'pending',
        at: lastEventAt,
      });
    }
  }
  return batch;
}
