'use client';

import { useState } from 'react';
import type { EnvelopeDetail } from '@/app/lib/envelopes/envelope-detail-schema';
import { CustomValuesList } from './custom-values-list';
import { DocumentPanel } from './document-panel';
import { EnvelopeHeader } from './envelope-header';
import { EnvelopeMilestones } from './envelope-milestones';
import { EventTimeline } from './event-timeline';
import { LiveIndicator, LivePausedNotice } from './live-status';
import { RecipientList } from './recipient-list';
import { SectionCard } from './section-card';
import { POLL_INTERVAL_MS, useEnvelope } from './use-envelope';

type EnvelopeLiveViewProps = {
  /** The envelope as the server rendered it; shown at once, then kept up to date by polling. */
  initial: EnvelopeDetail;
  /** The server's clock at render time, so "5 min ago" reads the same before and after hydration. */
  renderedAt: string;
  /** Whether the visitor's role may act on the envelope (operator): remind, retry the document fetch. */
  mayOperate: boolean;
  /** Whether the visitor may open Setup (admin), which some notices link to. */
  mayConfigure: boolean;
};

/** The whole envelope page, updated in place while it is open. */
export function EnvelopeLiveView({ initial, renderedAt, mayOperate, mayConfigure }: EnvelopeLiveViewProps) {
  // Relative times keep their own clock once hydrated; this only makes the first render match the server's.
  const [now] = useState(() => new Date(renderedAt));
  const { envelope, error, refresh } = useEnvelope(initial);

  return (
    <article className="space-y-6">
      <EnvelopeHeader
        envelope={envelope}
        now={now}
        aside={<LiveIndicator failed={error !== null} intervalMs={POLL_INTERVAL_MS} />}
        mayOperate={mayOperate}
      />
      <LivePausedNotice error={error} />
      <section aria-label="Milestones">
        <EnvelopeMilestones envelope={envelope} now={now} />
      </section>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-6">
          <SectionCard id="documents-heading" title="Documents">
            <DocumentPanel
              envelope={envelope}
              onRetried={refresh}
              mayOperate={mayOperate}
              mayConfigure={mayConfigure}
            />
          </SectionCard>
          <SectionCard id="recipients-heading" title="Recipients">
            <RecipientList recipients={envelope.recipients} />
          </SectionCard>
          <SectionCard id="custom-values-heading" title="Custom values">
            <CustomValuesList values={envelope.customValues} />
          </SectionCard>
        </div>
        <SectionCard id="timeline-heading" title="Timeline">
          <EventTimeline
            envelopeId={envelope.id}
            events={envelope.events}
            eventCount={envelope.eventCount}
            olderCursor={envelope.olderEventsCursor}
            recipients={envelope.recipients}
          />
          <p className="mt-5 border-t border-slate-100 pt-3 text-xs text-slate-600">
            <a
              href={`/deliveries?envelope=${encodeURIComponent(envelope.id)}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Every request received for this envelope
            </a>
            , duplicates and rejected ones included.
          </p>
        </SectionCard>
      </div>
    </article>
  );
}
