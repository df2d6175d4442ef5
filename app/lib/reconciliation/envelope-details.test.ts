import { describe, expect, it } from 'vitest';
import { actionLabel, actionTone, classifyAction, isRepeatable } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { DETAILS_RETRY_MAX_MS, envelopeDetailsColumns, nextDetailsAttemptAt } from './envelope-details';

const now = new Date('2026-06-10T12:00:00Z');
const details = {
  name: 'Mortgage offer MG-2026-12345 - Ana Ferreira',
  sentAt: new Date('2026-06-01T10:00:00Z'),
  senderName: 'Stefan Vogel',
  senderEmail: 'stefan.vogel@bank.example',
};

describe('envelopeDetailsColumns', () => {
  it('writes every detail as the service said it, with the time it was read', () => {
    const expiresAt = new Date('2026-06-29T10:00:00Z');
    expect(envelopeDetailsColumns(details, expiresAt, now)).toEqual({ ...details, expiresAt, detailsReadAt: now });
  });

  it('clears a detail the service no longer gives, and an expiry it says there is none of', () => {
    expect(envelopeDetailsColumns({ name: ' ', sentAt: null, senderName: null, senderEmail: null }, null, now)).toEqual(
      { name: null, sentAt: null, senderName: null, senderEmail: null, expiresAt: null, detailsReadAt: now },
    );
  });

  it('keeps the stored expiry when the configuration could not be read', () => {
    expect(envelopeDetailsColumns(details, undefined, now)).not.toHaveProperty('expiresAt');
  });

  it('writes nothing when the service described nothing, and cuts what is too long', () => {
    expect(envelopeDetailsColumns(undefined, null, now)).toBeNull();
    expect(envelopeDetailsColumns({ ...details, name: 'x'.repeat(2000) }, null, now)?.name).toHaveLength(500);
  });
});

describe('nextDetailsAttemptAt', () => {
  it('waits 30 s after the first failure, doubling, at most 6 h', () => {
    expect(nextDetailsAttemptAt(1, now).getTime() - now.getTime()).toBe(30_000);
    expect(nextDetailsAttemptAt(3, now).getTime() - now.getTime()).toBe(120_000);
    expect(nextDetailsAttemptAt(40, now).getTime() - now.getTime()).toBe(DETAILS_RETRY_MAX_MS);
  });
});

describe('the reminderSent action', () => {
  it('is the app’s own, repeatable step "Reminder sent", drawn like an invitation', () => {
    expect(classifyAction('reminderSent')).toBe('reminderSent');
    expect(actionLabel('reminderSent')).toBe('Reminder sent');
    expect(actionTone('reminderSent', false)).toBe('invited');
    expect(isRepeatable('reminderSent')).toBe(true);
  });
});
