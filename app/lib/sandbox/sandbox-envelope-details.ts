import { createHash } from 'node:crypto';

// What the sandbox tells about an envelope beyond its status: who sent it and when it expires. Both follow from the
// envelope's id, so every read answers the same without a column of their own.

/** The bank's people who send envelopes; all in WinAnsi, like every sandbox name. */
const SENDERS: readonly [givenName: string, surname: string][] = [
  ['Irina', 'Marinescu'],
  ['Stefan', 'Vogel'],
  ['Claire', 'Dubois'],
  ['Paolo', 'Greco'],
  ['Hannah', 'Weber'],
];

const DAY_MS = 86_400_000;
/** Envelopes expire this many days after sending, at the least and at the most. */
export const SANDBOX_EXPIRY_DAYS = { min: 14, max: 30 } as const;

function idHash(envelopeId: string): number {
  return createHash('sha256').update(envelopeId, 'utf8').digest().readUInt32BE(0);
}

/** The sender as eSignAnyWhere describes a person: e-mail, given name and surname. */
export function sandboxSender(envelopeId: string) {
  const [givenName, surname] = SENDERS[idHash(envelopeId) % SENDERS.length]!;
  return { Email: `${givenName}.${surname}@bank.example`.toLowerCase(), GivenName: givenName, Surname: surname };
}

/** Between 14 and 30 whole days after the envelope was sent. */
export function sandboxExpirationDate(envelope: { id: string; sentAt: Date }): Date {
  const span = SANDBOX_EXPIRY_DAYS.max - SANDBOX_EXPIRY_DAYS.min + 1;
  const days = SANDBOX_EXPIRY_DAYS.min + (idHash(`${envelope.id}|expiry`) % span);
  return new Date(envelope.sentAt.getTime() + days * DAY_MS);
}

/** GET /Api/v6/envelope/{id}/configuration: the parts of eSignAnyWhere's envelope settings the sandbox has. */
export function presentSandboxConfiguration(envelope: { id: string; name: string; sentAt: Date }) {
  const expiration = sandboxExpirationDate(envelope);
  return {
    Name: envelope.name,
    ExpirationConfiguration: {
      ExpirationDate: expiration.toISOString(),
      ExpirationInSecondsAfterSending: Math.round((expiration.getTime() - envelope.sentAt.getTime()) / 1000),
    },
    ReminderConfiguration: { Enabled: true, FirstReminderInDays: 3, ReminderResendIntervalInDays: 2 },
  };
}
