import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import type { AlertKind } from './alert-kinds';
import { ALERT_KIND_TITLES } from './describe-alert-rule';

/** An alert raised for an envelope, with where it went, as the envelope page lists it. */
export type EnvelopeAlert = {
  id: number;
  kind: AlertKind;
  title: string;
  summary: string;
  raisedAt: string;
  endedAt: string | null;
  channels: { name: string; status: 'pending' | 'sent' | 'failed'; sentAt: string | null; error: string | null }[];
};

const MAX_LISTED = 50;

/** The alerts raised for this envelope, newest first. */
export async function listEnvelopeAlerts(options: { envelopeId: string }): Promise<EnvelopeAlert[]> {
  const rows = await prisma.alert.findMany({
    where: { envelopeId: options.envelopeId },
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    take: MAX_LISTED,
    include: {
      deliveries: {
        orderBy: { id: 'asc' },
        select: { status: true, sentAt: true, lastError: true, channel: { select: { name: true } } },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as AlertKind,
    title: ALERT_KIND_TITLES[row.kind as AlertKind] ?? row.kind,
    summary: row.summary,
    raisedAt: row.raisedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    channels: row.deliveries.map((delivery) => ({
      name: delivery.channel.name,
      status: delivery.status,
      sentAt: delivery.sentAt?.toISOString() ?? null,
      error: delivery.status === 'sent' ? null : delivery.lastError,
    })),
  }));
}
