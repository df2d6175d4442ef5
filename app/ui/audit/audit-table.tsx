import { ExactTime, RelativeTime } from '@/app/ui/envelopes/time-stamps';
import type { AuditEntry } from './audit-api';
import { AuditActor } from './audit-actor';
import { AuditDetailView } from './audit-detail-view';
import { auditActionLabel } from './audit-labels';
import { AuditOutcomeBadge } from './audit-outcome-badge';
import { AuditTarget } from './audit-target';

// One markup for both sizes, as the envelope list: a table from lg up, a stack of cards below (every part a block in
// a grid, no table layout, so a long name or address can never push the page sideways). On a card the action leads,
// its outcome pinned to the corner so an opened detail gets the card's whole width; `order` moves the cells without
// a second markup.
const CELL = 'block min-w-0 align-top lg:table-cell lg:px-4 lg:py-3';
const HEADER = 'px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';
/** Words only the cards need, where there are no column headers. */
const CARD_ONLY = 'lg:hidden';

const COLUMNS = [
  { label: 'Time', width: 'w-[19%]' },
  { label: 'Actor', width: 'w-[13%]' },
  { label: 'Action', width: 'w-[24%]' },
  { label: 'Target', width: 'w-[17%]' },
  { label: 'Outcome', width: 'w-[9%]' },
  { label: 'Source', width: 'w-[18%]' },
];

export function AuditTable({ entries, now }: { entries: AuditEntry[]; now: Date }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <table id="audit-table" className="block w-full text-sm lg:table lg:table-fixed lg:border-collapse">
        <caption className="sr-only">Audit log, newest first</caption>
        <thead className="hidden border-b border-slate-200 bg-slate-50 lg:table-header-group">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" className={`${HEADER} ${column.width}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 lg:table-row-group">
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ entry, now }: { entry: AuditEntry; now: Date }) {
  return (
    <tr
      data-audit-id={entry.id}
      data-action={entry.action}
      className="relative grid grid-cols-1 gap-y-1.5 px-4 py-3 hover:bg-slate-50/60 lg:table-row lg:p-0"
    >
      <td className={`${CELL} order-5 text-xs text-slate-600 lg:text-sm`}>
        <ExactTime iso={entry.at} className="font-medium text-slate-800 lg:block" />
        <span aria-hidden className={CARD_ONLY}>
          {' · '}
        </span>
        <RelativeTime iso={entry.at} now={now} className="lg:mt-0.5 lg:block lg:text-xs" />
      </td>
      <td className={`${CELL} order-4 text-xs lg:text-sm`}>
        <span className="flex items-baseline gap-1">
          <span className={`${CARD_ONLY} text-slate-500`}>by</span>
          <AuditActor actor={entry.actor} kind={entry.actorKind} />
        </span>
      </td>
      <td className={`${CELL} order-1`}>
        <p className="pr-24 font-medium text-slate-900 lg:pr-0" title={entry.action}>
          {auditActionLabel(entry.action)}
        </p>
        <div className="mt-0.5">
          <AuditDetailView detail={entry.detail} />
        </div>
      </td>
      {/* A card leaves out the line of an entry without a target; the table keeps the cell, with a dash. */}
      <td className={`${CELL} order-3 ${entry.targetType || entry.targetId ? '' : 'max-lg:hidden'}`}>
        <AuditTarget type={entry.targetType} id={entry.targetId} />
      </td>
      <td className={`${CELL} max-lg:absolute max-lg:right-4 max-lg:top-3`}>
        <AuditOutcomeBadge outcome={entry.outcome} />
      </td>
      <td className={`${CELL} order-6 text-xs text-slate-600`}>
        <AuditSource address={entry.sourceAddress} userAgent={entry.userAgent} />
      </td>
    </tr>
  );
}

/** Where the request came from: the address in full, the browser or tool cut to one line (whole on hover). */
function AuditSource({ address, userAgent }: { address: string | null; userAgent: string | null }) {
  if (!address && !userAgent) return <span className="text-slate-500">—</span>;
  return (
    <span className="flex min-w-0 items-baseline gap-x-1.5 lg:block">
      <span className={`${CARD_ONLY} text-slate-500`}>from</span>
      <span className="shrink-0 font-mono text-slate-800 [overflow-wrap:anywhere] lg:block">
        {address ?? 'unknown address'}
      </span>
      {userAgent ? (
        <span title={userAgent} className="block min-w-0 truncate lg:mt-0.5">
          {userAgent}
        </span>
      ) : null}
    </span>
  );
}
