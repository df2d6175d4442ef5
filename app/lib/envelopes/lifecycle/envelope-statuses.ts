// The envelope's statuses, written once. Every other place takes them from here: the zod schemas, the ingest and
// reconciliation rules, the SQL of the list, insights and the sweeper, the labels and badges. Adding a status means
// adding one entry below, the value in prisma/schema.prisma and a migration; `lifecycle-drift.test.ts` names any
// place left behind.

/** The badge colours a status may take; the UI maps each to its classes. */
export type StatusTone = 'sky' | 'violet' | 'amber' | 'emerald' | 'red' | 'slate' | 'stone';

/** How an envelope ended: signed by everyone, declined by a recipient, or ended unsigned for another reason. */
export type StatusOutcome = 'signed' | 'declined' | 'lapsed';

type StatusDefinition = {
  label: string;
  /** Statuses only move up this rank (see `laterStatus`); equal ranks never replace each other. */
  rank: number;
  /** Set for a final status: how the envelope ended. */
  outcome: StatusOutcome | null;
  tone: StatusTone;
  /** eSignAnyWhere's EnvelopeStatus words for it (lower case), when the signing service is asked. */
  providerWords: readonly string[];
  /** The timeline action written when the signing service, not a notification, reported this final status. */
  reconciledAction: string | null;
};

// In the order lists and filters show them. A rejection outranks completion because eSignAnyWhere's finish callback
// means "completed or rejected".
const STATUS_DEFINITIONS = {
  sent: { label: 'Sent', rank: 0, outcome: null, tone: 'sky', providerWords: [], reconciledAction: null },
  opened: { label: 'Opened', rank: 1, outcome: null, tone: 'violet', providerWords: [], reconciledAction: null },
  partially_signed: {
    label: 'Partially signed',
    rank: 2,
    outcome: null,
    tone: 'amber',
    providerWords: [],
    reconciledAction: null,
  },
  completed: {
    label: 'Completed',
    rank: 4,
    outcome: 'signed',
    tone: 'emerald',
    providerWords: ['completed'],
    reconciledAction: 'envelopeCompleted',
  },
  rejected: {
    label: 'Rejected',
    rank: 5,
    outcome: 'declined',
    tone: 'red',
    providerWords: ['rejected'],
    reconciledAction: 'envelopeRejected',
  },
  expired: {
    label: 'Expired',
    rank: 3,
    outcome: 'lapsed',
    tone: 'slate',
    providerWords: ['expired'],
    reconciledAction: 'envelopeExpired',
  },
  canceled: {
    label: 'Canceled',
    rank: 3,
    outcome: 'lapsed',
    tone: 'stone',
    providerWords: ['canceled', 'cancelled'],
    reconciledAction: 'envelopeCanceled',
  },
} as const satisfies Record<string, StatusDefinition>;

type Definitions = typeof STATUS_DEFINITIONS;

export type EnvelopeStatus = keyof Definitions;

/** A status an envelope ends in. */
export type FinalStatus = { [S in EnvelopeStatus]: Definitions[S]['outcome'] extends null ? never : S }[EnvelopeStatus];

/** The timeline actions reconciliation writes, one per final status. */
export type ReconciledStatusAction = Definitions[FinalStatus]['reconciledAction'];

const definitionOf = (status: EnvelopeStatus): StatusDefinition => STATUS_DEFINITIONS[status];

export const ENVELOPE_STATUSES = Object.keys(STATUS_DEFINITIONS) as [EnvelopeStatus, ...EnvelopeStatus[]];

export const FINAL_STATUSES = ENVELOPE_STATUSES.filter((status) => definitionOf(status).outcome !== null) as [
  FinalStatus,
  ...FinalStatus[],
];

export const OPEN_STATUSES = ENVELOPE_STATUSES.filter((status) => definitionOf(status).outcome === null) as [
  EnvelopeStatus,
  ...EnvelopeStatus[],
];

export function isFinalStatus(status: EnvelopeStatus): status is FinalStatus {
  return definitionOf(status).outcome !== null;
}

export function statusLabel(status: EnvelopeStatus): string {
  return definitionOf(status).label;
}

export function statusTone(status: EnvelopeStatus): StatusTone {
  return definitionOf(status).tone;
}

export function statusOutcome(status: EnvelopeStatus): StatusOutcome | null {
  return definitionOf(status).outcome;
}

/** The final statuses that ended the envelope in `outcome`. */
export function statusesWithOutcome(outcome: StatusOutcome): FinalStatus[] {
  return FINAL_STATUSES.filter((status) => definitionOf(status).outcome === outcome);
}

/** The status an envelope holds after `next` is reported: statuses never move down (nor sideways). */
export function laterStatus(current: EnvelopeStatus, next: EnvelopeStatus | null): EnvelopeStatus {
  if (!next) return current;
  return definitionOf(next).rank > definitionOf(current).rank ? next : current;
}

/** The final status an eSignAnyWhere EnvelopeStatus word stands for; any other word (Active, …) means still open. */
export function finalStatusFromProvider(providerStatus: string): FinalStatus | null {
  const word = providerStatus.toLowerCase();
  return FINAL_STATUSES.find((status) => definitionOf(status).providerWords.includes(word)) ?? null;
}

export function reconciledActionOf(status: FinalStatus): ReconciledStatusAction {
  return STATUS_DEFINITIONS[status].reconciledAction;
}
