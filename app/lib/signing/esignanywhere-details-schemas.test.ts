import { describe, expect, it } from 'vitest';
import {
  configurationSchema,
  envelopeSchema,
  remindSchema,
  toEnvelopeDetails,
  toReminderResult,
} from './esignanywhere-schemas';

describe("reading an envelope's details from eSignAnyWhere", () => {
  it('reads the name, the sent date (SendDate or SentDate) and the sender', () => {
    const envelope = envelopeSchema.parse({
      EnvelopeStatus: 'Active',
      Name: ' Insurance policy IP-2026-49206 - Oliver Smith ',
      SendDate: '2026-06-01T10:00:00Z',
      Sender: { Email: 'irina.marinescu@bank.example', GivenName: 'Irina', Surname: 'Marinescu' },
    });
    expect(toEnvelopeDetails(envelope)).toEqual({
      name: 'Insurance policy IP-2026-49206 - Oliver Smith',
      sentAt: new Date('2026-06-01T10:00:00Z'),
      senderName: 'Irina Marinescu',
      senderEmail: 'irina.marinescu@bank.example',
    });
    const older = envelopeSchema.parse({ EnvelopeStatus: 'Active', SentDate: '2026-06-02T10:00:00Z' });
    expect(toEnvelopeDetails(older).sentAt).toEqual(new Date('2026-06-02T10:00:00Z'));
  });

  it('takes a missing or malformed detail as null, never as a failed status check', () => {
    const envelope = envelopeSchema.parse({
      EnvelopeStatus: 'Completed',
      Name: 42,
      SendDate: 'yesterday',
      SentDate: { not: 'a date' },
      Sender: 'someone',
    });
    expect(envelope.EnvelopeStatus).toBe('Completed');
    expect(toEnvelopeDetails(envelope)).toEqual({ name: null, sentAt: null, senderName: null, senderEmail: null });
    expect(toEnvelopeDetails(envelopeSchema.parse({ EnvelopeStatus: 'Active', Name: '   ' })).name).toBeNull();
  });

  it('still needs the status itself', () => {
    expect(envelopeSchema.safeParse({ Name: 'Contract' }).success).toBe(false);
  });

  it('reads the expiry from the configuration, leniently', () => {
    expect(
      configurationSchema.parse({ ExpirationConfiguration: { ExpirationDate: '2026-06-29T10:00:00Z' }, Other: 1 })
        .ExpirationConfiguration?.ExpirationDate,
    ).toEqual(new Date('2026-06-29T10:00:00Z'));
    for (const answer of [
      {},
      { ExpirationConfiguration: null },
      { ExpirationConfiguration: 'x' },
      { ExpirationConfiguration: { ExpirationDate: 'never' } },
    ]) {
      expect(configurationSchema.parse(answer).ExpirationConfiguration?.ExpirationDate ?? null).toBeNull();
    }
  });

  it('reads what a reminder did, a missing count being zero', () => {
    expect(
      toReminderResult(
        remindSchema.parse({ Count: 2, AvoidedDueToRateLimitCount: 1, AvoidedDueToDisabledEmailCount: 0 }),
      ),
    ).toEqual({ reminded: 2, skippedRateLimit: 1, skippedDisabledEmail: 0 });
    expect(toReminderResult(remindSchema.parse({ Count: 1 }))).toEqual({
      reminded: 1,
      skippedRateLimit: 0,
      skippedDisabledEmail: 0,
    });
    expect(toReminderResult(remindSchema.parse({ Count: -1, AvoidedDueToRateLimitCount: 'x' }))).toEqual({
      reminded: 0,
      skippedRateLimit: 0,
      skippedDisabledEmail: 0,
    });
  });
});
