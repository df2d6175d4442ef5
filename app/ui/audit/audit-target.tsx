import { EnvelopeLink } from '@/app/ui/envelopes/envelope-link';
import { targetTypeLabel } from './audit-labels';

/**
 * What the entry acted on: an envelope links to its page, anything else shows its id (a hook by its name, since its
 * id is the secret part of its URL) in full, as the target filter needs it.
 */
export function AuditTarget({ type, id }: { type: string | null; id: string | null }) {
  if (!type && !id) return <span className="text-slate-500">—</span>;
  return (
    <span className="flex min-w-0 flex-wrap items-baseline gap-x-1.5 lg:block">
      {type ? <span className="text-xs text-slate-500 lg:block">{targetTypeLabel(type)}</span> : null}
      {id === null ? null : type === 'envelope' ? (
        <EnvelopeLink id={id} />
      ) : (
        <span className="text-slate-800 [overflow-wrap:anywhere]">{id}</span>
      )}
    </span>
  );
}
