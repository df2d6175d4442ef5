/** The dot beside a live view: polling, or paused after a failed request. */
export function LiveIndicator({ failed, intervalMs }: { failed: boolean; intervalMs: number }) {
  return (
    <p
      className="inline-flex items-center gap-1.5 text-xs text-slate-600"
      title={`Asks for news every ${intervalMs / 1000} seconds while this tab is visible`}
    >
      <span aria-hidden className={`size-2 rounded-full ${failed ? 'bg-amber-500' : 'animate-pulse bg-emerald-500'}`} />
      {failed ? 'Live updates paused' : 'Updating live'}
    </p>
  );
}

/** Why a live view stopped updating; it keeps the last good answer on screen and keeps trying. */
export function LivePausedNotice({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      Live updates paused: {error.message.replace(/\.$/, '')}. This page keeps trying and shows what it last received.
    </p>
  );
}
