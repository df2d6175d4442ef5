import { describe, expect, it } from 'vitest';
import type { ProviderRecipient } from '@/app/lib/signing/signing-provider';
import { enrichRecipients, type StoredRecipient } from './enrich-recipients';

const FINISHED = new Date('2026-06-01T12:00:00Z');

const remote = (order: number, fields: Partial<ProviderRecipient> = {}): ProviderRecipient => ({
  order,
  email: `r${order}@example.com`,
  name: `Recipient ${order}`,
  status: 'Pending',
  openedAt: null,
  finishedAt: null,
  ...fields,
});

const stored = (id: number, fields: Partial<StoredRecipient> = {}): StoredRecipient => ({
  id,
  recipientOrder: null,
  email: null,
  name: null,
  firstOpenedAt: null,
  finishedAt: null,
  rejectedAt: null,
  ...fields,
});

describe('recipients enriched from the signing service', () => {
  it('adds names and missing e-mails by order, then by e-mail, and adds recipients never notified', () => {
    const changes = enrichRecipients(
      [stored(1, { recipientOrder: 1 }), stored(2, { email: 'R2@Example.com' })],
      [remote(1), remote(2), remote(3, { status: 'Completed', finishedAt: FINISHED })],
    );
    expect(changes.updates).toEqual([
      { id: 1, data: { name: 'Recipient 1', email: 'r1@example.com' } },
      { id: 2, data: { name: 'Recipient 2' } },
    ]);
    expect(changes.creates).toEqual([
      {
        key: 'order:3',
        recipientOrder: 3,
        email: 'r3@example.com',
        name: 'Recipient 3',
        firstOpenedAt: null,
        finishedAt: FINISHED,
        rejectedAt: null,
      },
    ]);
  });

  it('keeps what notifications recorded and fills in only what is missing', () => {
    const earlier = new Date('2026-06-01T11:00:00Z');
    const changes = enrichRecipients(
      [stored(1, { recipientOrder: 1, email: 'own@example.com', name: 'Recipient 1', finishedAt: earlier })],
      [remote(1, { status: 'Completed', finishedAt: FINISHED })],
    );
    expect(changes).toEqual({ updates: [], creates: [] });
  });
});
