import { actorKindLabel } from './audit-labels';

/** Who acted, and how the app knew them, as a small badge beside the name. */
export function AuditActor({ actor, kind }: { actor: string; kind: string }) {
  const shown = actorKindLabel(kind);
  const at = actor.indexOf('@');
  return (
    <span className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
      <span className="font-medium text-slate-800 [overflow-wrap:break-word]">
        {/* An e-mail address wraps before its @, not in the middle of a word. */}
        {at > 0 ? (
          <>
            {actor.slice(0, at)}
            <wbr />
            {actor.slice(at)}
          </>
        ) : (
          actor
        )}
      </span>
      <span
        title={shown.title}
        className="inline-flex whitespace-nowrap rounded bg-slate-100 px-1.5 py-px text-[0.6875rem] font-medium text-slate-600 ring-1 ring-inset ring-slate-400/30"
      >
        {shown.label}
      </span>
    </span>
  );
}
