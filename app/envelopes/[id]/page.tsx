import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';
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
  const envelope = await loadEnvelope(id);
  if (!envelope) notFound();

  // The first paint is the server's, complete; the live view then polls the API for what changes.
  return <EnvelopeLiveView initial={envelope} renderedAt={new Date().toISOString()} />;
}
