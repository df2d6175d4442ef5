import { describe, expect, it } from 'vitest';
import { deriveEnvelopeFields, type DerivingRecipient } from './envelope-derived-fields';

const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 10, minute));

function recipient(order: number | null, email: string, fields: Partial<DerivingRecipient> = {}): DerivingRecipient {
  return { email, name: null, recipientOrder: order, invitedAt: null, finishedAt: null, rejectedAt: null, ...fields };
}

const derive = (recipients: DerivingRecipient[], status: 'sent' | 'partially_signed' | 'completed' = 'sent') =>
  deriveEnvelopeFields({ envelopeId: 'Env-1', status, recipients, customValues: { contract: 'K-1' } });

describe('deriveEnvelopeFields', () => {
  it('counts recipients and signatures and builds the search text from id, e-mails, names and custom values', () => {
    const fields = derive([
      recipient(1, 'Ana@Example.com', { finishedAt: at(3), name: 'Ana Popescu' }),
      recipient(2, 'bo@example.com'),
    ]);
    expect(fields).toMatchObject({ recipientCount: 2, signedCount: 1 });
    expect(fields.searchText).toBe('env-1\nana@example.com\nbo@example.com\nana popescu\ncontract=k-1');
  });

  it('waits on the first recipient in signing order who has not signed, since their invitation', () => {
    const fields = derive(
      [
        recipient(2, 'second@example.com', { invitedAt: at(5), name: 'Second Person' }),
        recipient(1, 'first@example.com', { invitedAt: at(0), finishedAt: at(4) }),
        recipient(3, 'third@example.com'),
      ],
      'partially_signed',
    );
    expect(fields).toMatchObject({
      waitingOnEmail: 'second@example.com',
      waitingOnName: 'Second Person',
      waitingSince: at(5),
    });
  });

  it('counts the wait from the previous signature when no invitation was notified', () => {
    const fields = derive([recipient(1, 'a@example.com', { finishedAt: at(7) }), recipient(2, 'b@example.com')]);
    expect(fields).toMatchObject({ waitingOnEmail: 'b@example.com', waitingSince: at(7) });
  });

  it('waits on nobody once the envelope has ended or everyone has signed', () => {
    expect(derive([recipient(1, 'a@example.com')], 'completed').waitingOnEmail).toBeNull();
    expect(derive([recipient(1, 'a@example.com', { finishedAt: at(1) })]).waitingOnEmail).toBeNull();
    expect(derive([]).waitingSince).toBeNull();
  });
});
