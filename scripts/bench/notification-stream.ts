// The webhook traffic the bench sends: status callbacks for a fixed set of envelopes, each envelope moving through
// a realistic two-recipient signing flow, the way eSignAnyWhere (GET, query string) and FintechOS (POST, JSON under
// "Data") deliver them.

export const BENCH_ENVELOPE_COUNT = 10_000;

/** One in this many envelopes is reported by FintechOS (POST) instead of eSignAnyWhere (GET). */
const FINTECHOS_ENVELOPE_EVERY = 5;

type LifecycleStep = { action: string; recipientOrder: number | null; finishCallback: boolean };

const ENVELOPE_LIFECYCLE: readonly LifecycleStep[] = [
  { action: 'sendSignNotification', recipientOrder: 1, finishCallback: false },
  { action: 'workstepOpened', recipientOrder: 1, finishCallback: false },
  { action: 'workstepFinished', recipientOrder: 1, finishCallback: false },
  { action: 'sendSignNotification', recipientOrder: 2, finishCallback: false },
  { action: 'workstepOpened', recipientOrder: 2, finishCallback: false },
  { action: 'workstepFinished', recipientOrder: 2, finishCallback: false },
  // The envelope-level callback has no recipient: eSignAnyWhere fills those placeholders with nothing.
  { action: 'envelopeFinished', recipientOrder: null, finishCallback: true },
];

export type BenchRequest = {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
};

export type NotificationStream = { next(): BenchRequest; sent(): number };

/**
 * Request i goes to envelope i mod 10,000, and each pass over the envelopes moves every envelope one lifecycle step
 * on, starting at a different step per envelope: any stretch of traffic mixes new envelopes, opens, signatures and
 * finishes, and a single envelope's callbacks arrive in order but far apart, as in real life. After seven passes
 * the cycle repeats, and the repeated milestones exercise duplicate detection.
 */
export function createNotificationStream(hookId: string): NotificationStream {
  const path = `/api/webhooks/${hookId}`;
  let sequence = 0;
  return {
    sent: () => sequence,
    next: () => {
      const envelopeNumber = sequence % BENCH_ENVELOPE_COUNT;
      const pass = Math.floor(sequence / BENCH_ENVELOPE_COUNT);
      sequence++;
      const step = ENVELOPE_LIFECYCLE[(pass + envelopeNumber) % ENVELOPE_LIFECYCLE.length]!;
      const fields = notificationFields(envelopeNumber, step);
      return envelopeNumber % FINTECHOS_ENVELOPE_EVERY === 0
        ? fintechosPost(path, fields)
        : eSignAnyWhereGet(path, fields);
    },
  };
}

function notificationFields(envelopeNumber: number, step: LifecycleStep): Record<string, string> {
  const { recipientOrder } = step;
  return {
    envelopeId: `bench-${envelopeNumber}`,
    action: step.action,
    recipientEmail: recipientOrder === null ? '' : `r${recipientOrder}@example.com`,
    recipientOrder: recipientOrder === null ? '' : String(recipientOrder),
    // A value of the sender's own, as integrators add to the callback URL; it must come back with every notification.
    contract: `C-${envelopeNumber}`,
    ...(step.finishCallback ? { FTOSIsFinishCallback: '1' } : {}),
  };
}

function eSignAnyWhereGet(path: string, fields: Record<string, string>): BenchRequest {
  return { method: 'GET', path: `${path}?${new URLSearchParams(fields)}`, headers: {}, body: '' };
}

function fintechosPost(path: string, fields: Record<string, string>): BenchRequest {
  // FintechOS posts its whole automation context; only Data carries the callback's fields.
  const body = JSON.stringify({
    UserId: '4afdc8a9-eb91-4359-81d6-c3a462fae866',
    Ids: null,
    Id: '00000000-0000-0000-0000-000000000000',
    PropertyBag: {},
    Data: fields,
    Fetch: null,
    MergedValues: {},
  });
  return { method: 'POST', path, headers: { 'content-type': 'application/json' }, body };
}
