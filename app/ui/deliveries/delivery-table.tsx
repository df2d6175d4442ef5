import type { listDeliveries } from '@/app/lib/deliveries/list-deliveries';
import { whyNotReplayable } from '@/app/lib/deliveries/not-replayable';
import { ColumnHeader, ColumnHeaders, ScrollableTable, TableHead, TABLE_CELL } from '@/app/ui/list/scrollable-table';
import { EnvelopeLink } from '@/app/ui/envelopes/envelope-link';
import { ExactTime, RelativeTime } from '@/app/ui/envelopes/time-stamps';
import { actionLabel } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { roleBlockedReason } from '@/app/ui/auth/roles-shown';
import { shortId } from '@/app/ui/format/short-id';
import { deliveryAnchor } from './delivery-list-params';
import { DeliveryRequest } from './delivery-request';
import { OutcomeBadge } from './outcome-badge';
import { ReplayButton } from './replay-button';

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['items'][number];

const COLUMN_COUNT = 8;

function replayBlockedReason(errorCode: string | null): string | null {
  const why = whyNotReplayable(errorCode);
  return why ? `Cannot be replayed: ${why}. Fix the sender and let it retry.` : null;
}

export function DeliveryTable(props: {
  deliveries: DeliveryRow[];
  hookNames: Map<string, string>;
  now: Date;
  /** The copy the last replay logged, highlighted. */
  highlightId?: string | null;
  /** Whether the visitor's role may replay (operator); a viewer sees the button disabled, with why. */
  mayReplay: boolean;
}) {
  const roleReason = roleBlockedReason(props.mayReplay, 'Replaying');
  return (
    <ScrollableTable id="delivery-table" caption="Deliveries, newest first" minWidthClass="min-w-[60rem]">
      <TableHead>
        <ColumnHeaders labels={['Received', 'Hook', 'Method', 'Action', 'Envelope', 'Outcome', 'Reason']} />
        <ColumnHeader>
          <span className="sr-only">Replay</span>
        </ColumnHeader>
      </TableHead>
      {/* One body per delivery keeps its row and its raw request together for hover and screen readers. */}
      {props.deliveries.map((delivery) => (
        <tbody
          key={delivery.id}
          className={`group border-b border-slate-100 last:border-b-0 ${
            delivery.id === props.highlightId ? 'bg-brand-50/70' : 'hover:bg-slate-50/60'
          }`}
        >
          <tr data-delivery-id={delivery.id} id={deliveryAnchor(delivery.id)} className="scroll-mt-24">
            <td className={`${TABLE_CELL} whitespace-nowrap`}>
              <RelativeTime iso={delivery.receivedAt} now={props.now} className="block font-medium text-slate-800" />
              <ExactTime iso={delivery.receivedAt} className="block text-xs text-slate-600" />
            </td>
            <td className={TABLE_CELL}>
              <span className="block max-w-40 truncate" title={delivery.hookId}>
                {props.hookNames.get(delivery.hookId) ?? shortId(delivery.hookId)}
              </span>
            </td>
            <td className={`${TABLE_CELL} font-mono text-xs`}>{delivery.method}</td>
            <td className={`${TABLE_CELL} whitespace-nowrap`}>
              {delivery.action ? (
                <span title={delivery.action}>{actionLabel(delivery.action)}</span>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </td>
            <td className={TABLE_CELL}>
              <EnvelopeCell delivery={delivery} />
            </td>
            <td className={TABLE_CELL}>
              <OutcomeBadge outcome={delivery.outcome} />
              {delivery.replayOfId ? <ReplayNote originalAt={delivery.replayOfReceivedAt} /> : null}
            </td>
            <td className={`${TABLE_CELL} max-w-80 text-slate-700`}>
              {delivery.outcome === 'rejected' ? (
                <>
                  <p className="text-sm">{delivery.reason ?? 'No reason recorded.'}</p>
                  {delivery.errorCode ? (
                    <p className="mt-0.5 font-mono text-xs text-slate-500">{delivery.errorCode}</p>
                  ) : null}
                </>
              ) : delivery.notice ? (
                <p className="text-sm text-amber-900">
                  <span className="font-medium">Stored, with changes:</span> {delivery.notice}
                </p>
              ) : null}
            </td>
            <td className={TABLE_CELL}>
              <ReplayButton
                deliveryId={delivery.id}
                blockedReason={roleReason ?? replayBlockedReason(delivery.errorCode)}
              />
            </td>
          </tr>
          <tr>
            <td colSpan={COLUMN_COUNT} className="px-4 pb-3 pt-0">
              <DeliveryRequest delivery={delivery} />
            </td>
          </tr>
        </tbody>
      ))}
    </ScrollableTable>
  );
}

function ReplayNote({ originalAt }: { originalAt: string | null }) {
  return (
    <p className="mt-1 text-xs text-slate-600">
      {originalAt ? (
        <>
          Replay of <ExactTime iso={originalAt} className="whitespace-nowrap" />
        </>
      ) : (
        'Replay'
      )}
    </p>
  );
}

function EnvelopeCell({ delivery }: { delivery: DeliveryRow }) {
  if (!delivery.envelopeId) return <span className="text-slate-500">—</span>;
  // Only stored notifications have an envelope page to open; a refused one may name an envelope that never existed.
  if (delivery.outcome === 'accepted' || delivery.outcome === 'duplicate') {
    return <EnvelopeLink id={delivery.envelopeId} />;
  }
  return (
    <span title={delivery.envelopeId} className="font-mono text-slate-700">
      {shortId(delivery.envelopeId)}
    </span>
  );
}
