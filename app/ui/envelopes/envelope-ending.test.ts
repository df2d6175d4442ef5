import { describe, expect, it } from 'vitest';
import { ENVELOPE_STATUSES, statusOutcome } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { envelopeEnding } from './envelope-ending';

const finishedAt = '2025-03-01T10:40:00.000Z';
const recipient = (name: string | null, email: string | null, rejectedAt: string | null) => ({
  name,
  email,
  rejectedAt,
});

describe('envelopeEnding', () => {
  it('names a rejection after the recipient who rejected first: the name, else the e-mail', () => {
    const recipients = [
      recipient('Ana Pop', 'ana@example.com', null),
      recipient('Oliver Smith', 'oliver@example.com', '2025-03-01T10:39:00.000Z'),
      recipient(null, 'late@example.com', '2025-03-01T10:45:00.000Z'),
    ];
    expect(envelopeEnding({ status: 'rejected', finishedAt, recipients })).toEqual({
      term: 'Rejected',
      durationTerm: 'First open to rejection',
      summary: 'Rejected by Oliver Smith',
      at: finishedAt,
    });
    const unnamed = [recipient(null, 'oliver@example.com', '2025-03-01T10:39:00.000Z')];
    expect(envelopeEnding({ status: 'rejected', finishedAt: null, recipients: unnamed })).toMatchObject({
      summary: 'Rejected by oliver@example.com',
      at: '2025-03-01T10:39:00.000Z',
    });
    expect(envelopeEnding({ status: 'rejected', finishedAt })).toMatchObject({ summary: null, term: 'Rejected' });
  });

  it.each(ENVELOPE_STATUSES)('calls a %s envelope finished only when it completed', (status) => {
    const ending = envelopeEnding({ status, finishedAt, recipients: [] });
    const words = `${ending.term} ${ending.durationTerm ?? ''}`;
    if (statusOutcome(status) === 'signed') expect(ending.durationTerm).toBe('First open to finished');
    else if (statusOutcome(status) !== null) expect(words).not.toMatch(/finished/i);
    else expect(ending).toMatchObject({ term: 'Finished', at: null });
  });

  it('gives expired and canceled envelopes their own label and the last activity instead of a duration', () => {
    for (const status of ENVELOPE_STATUSES.filter((each) => statusOutcome(each) === 'lapsed')) {
      const ending = envelopeEnding({ status, finishedAt });
      expect(ending.term).not.toBe('Finished');
      expect(ending).toMatchObject({ durationTerm: null, summary: null, at: finishedAt });
    }
  });
});
