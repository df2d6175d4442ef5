import type { ProviderRecipient } from '@/app/lib/signing/signing-provider';

export type StoredRecipient = {
  id: number;
  recipientOrder: number | null;
  email: string | null;
  name: string | null;
  firstOpenedAt: Date | null;
  finishedAt: Date | null;
  rejectedAt: Date | null;
};

type RecipientFields = Omit<StoredRecipient, 'id'>;

export type RecipientChanges = {
  updates: { id: number; data: Partial<RecipientFields> }[];
  creates: (RecipientFields & { key: string })[];
};

/**
 * Fills in what the signing service knows about the envelope's recipients (names, e-mails, and
 * progress the notifications missed) without overwriting what the notifications recorded.
 * Recipients are matched by order, then by e-mail; ones never notified are added.
 */
export function enrichRecipients(stored: StoredRecipient[], fromProvider: ProviderRecipient[]): RecipientChanges {
  const changes: RecipientChanges = { updates: [], creates: [] };
  const taken = new Set<number>();
  for (const remote of fromProvider) {
    const match =
      stored.find((recipient) => !taken.has(recipient.id) && recipient.recipientOrder === remote.order) ??
      stored.find(
        (recipient) =>
          !taken.has(recipient.id) &&
          recipient.recipientOrder === null &&
          remote.email !== null &&
          recipient.email?.toLowerCase() === remote.email.toLowerCase(),
      );
    const progress = {
      firstOpenedAt: remote.openedAt,
      finishedAt: remote.status === 'Completed' ? (remote.finishedAt ?? null) : null,
      rejectedAt: remote.status === 'Rejected' ? (remote.finishedAt ?? null) : null,
    };
    if (!match) {
      if (remote.email === null && remote.name === null) continue;
      changes.creates.push({
        key: `order:${remote.order}`,
        recipientOrder: remote.order,
        email: remote.email,
        name: remote.name,
        ...progress,
      });
      continue;
    }
    taken.add(match.id);
    const data: Partial<RecipientFields> = {};
    if (remote.name && remote.name !== match.name) data.name = remote.name;
    if (remote.email && !match.email) data.email = remote.email;
    if (!match.firstOpenedAt && progress.firstOpenedAt) data.firstOpenedAt = progress.firstOpenedAt;
    if (!match.finishedAt && progress.finishedAt) data.finishedAt = progress.finishedAt;
    if (!match.rejectedAt && progress.rejectedAt) data.rejectedAt = progress.rejectedAt;
    if (Object.keys(data).length > 0) changes.updates.push({ id: match.id, data });
  }
  return changes;
}
