import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { listEnvelopeAlerts } from '@/app/lib/alerts/list-envelope-alerts';
import { getAuthState } from '@/app/lib/auth/get-auth-state';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';
import { EnvelopeAlerts } from '@/app/ui/alerts/envelope-alerts';
import { EnvelopeLiveView } from '@/app/ui/envelopes/envelope-live-view';
import { shortId } from '@/app/ui/format/short-id';

export const dynamic = 'force-dynamic';

type EnvelopePageProps = { params: Promise<{ id: string }> };

// Metadata and page read the same envelope; one query per request.
const loadEnvelope = cache((id: string) => getEnvelopeById({ id }));

export async function generateMetadata({ params }: EnvelopePageProps): Promise<Metadata> {
  const { id } = await params;
  const envelope = await loadEnvelope(id);
  if (!envelope) return { title: 'Envelope not found' };
  return {
    title: envelope.displayName === envelope.id ? `Envelope ${shortId(envelope.id)}` : envelope.displayName,
  };
}

export default async function EnvelopePage({ params }: EnvelopePageProps) {
  const { id } = await params;
  const [envelope, alerts, auth] = await Promise.all([
    loadEnvelope(id),
    listEnvelopeAlerts({ envelopeId: id }),
    getAuthState(),
  ]);
  if (!envelope) notFound();

  // The first paint is the server's, complete; the live view then polls the API for what changes. The alerts are
  // as of this render: they follow the envelope's own changes by seconds, and a reload shows them.
  return (
    <div className="space-y-6">
      <EnvelopeLiveView
        initial={envelope}
        renderedAt={new Date().toISOString()}
        mayOperate={auth.can('operator')}
        mayConfigure={auth.can('admin')}
      />
      <EnvelopeAlerts alerts={alerts} mayConfigure={auth.can('admin')} />
    </div>
  );
}
