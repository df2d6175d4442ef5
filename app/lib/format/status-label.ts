import type { EnvelopeSummary } from '@/app/lib/envelopes/list-envelopes';

export type EnvelopeStatus = EnvelopeSummary['status'];

const STATUS_LABELS: Record<EnvelopeStatus, string> = {
  sent: 'Sent',
  opened: 'Opened',
  partially_signed: 'Partially signed',
  completed: 'Completed',
  rejected: 'Rejected',
  expired: 'Expired',
  canceled: 'Canceled',
};

export function statusLabel(status: EnvelopeStatus): string {
  return STATUS_LABELS[status];
}
