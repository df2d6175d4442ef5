import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getEnvelopeById } from '@/app/lib/envelopes/get-envelope-by-id';
import { CustomValuesList } from '@/app/ui/envelopes/custom-values-list';
import { EnvelopeHeader } from '@/app/ui/envelopes/envelope-header';
import { EnvelopeMilestones } from '@/app/ui/envelopes/envelope-milestones';
import { EventTimeline } from '@/app/ui/envelopes/event-timeline';
import { RecipientList } from '@/app/ui/envelopes/recipient-list';
import { SectionCard } from '@/app/ui/envelopes/section-card';
import { shortId } from '@/app/ui/format/short-id';

export const dynamic = 'force-dynamic';

type EnvelopePageProps = { params: Promise<{ id: string }> };

// Metadata and page read the same envelope; one query per request.
const loadEnvelope = cache((id: string) => getEnvelopeById({ id }));

export async function generateMetadata({ params }: EnvelopePageProps): Promise<Metadata> {
  const { id } = await params;
  const envelope = await loadEnvelope(id);
  return { title: envelope ? `Envelope ${shortId(envelope.id)}` : 'Envelope not found' };
}

export default async function EnvelopePage({ params }: EnvelopePageProps) {
  const { id } = await params;
  const envelope = await loadEnvelope(id);
  if (!envelope) notFound();
  const now = new Date();

  return (
    <article className="space-y-6">
      <EnvelopeHeader envelope={envelope} />
      <section aria-label="Milestones">
        <EnvelopeMilestones envelope={envelope} now={now} />
      </section>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-6">
          <SectionCard id="recipients-heading" title="Recipients">
            <RecipientList recipients={envelope.recipients} />
          </SectionCard>
          <SectionCard id="custom-values-heading" title="Custom values">
            <CustomValuesList values={envelope.customValues} />
          </SectionCard>
        </div>
        <SectionCard id="timeline-heading" title="Timeline">
          <EventTimeline events={envelope.events} />
        </SectionCard>
      </div>
    </article>
  );
}
