'use client';

import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from './inline-error';
import { FIELD, PRIMARY_BUTTON } from './styles';
import { useHookAction } from './use-hook-action';

const createdHookSchema = z.object({ id: z.string(), name: z.string() });

/** How long a new hook's card stays highlighted. */
const HIGHLIGHT_MS = 2_500;

/** The id of a hook card's heading (as HookCard writes it), where the focus goes once the hook is created. */
const hookHeadingId = (hookId: string): string => `hook-${hookId}-heading`;

/**
 * Creates a hook. The new hook's card is added at the end of the list, far below: once the page shows it, the card
 * is scrolled into view and highlighted for a moment, its heading takes the focus, and a live region says so.
 */
export function CreateHookForm() {
  const [name, setName] = useState('');
  const [created, setCreated] = useState<z.infer<typeof createdHookSchema> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef<string | null>(null);
  const { run, error, pending } = useHookAction();

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAnnouncement('');
    const answer: { hook?: z.infer<typeof createdHookSchema> } = {};
    const ok = await run(async () => {
      answer.hook = await requestJson('/api/hooks', { method: 'POST', body: { name }, schema: createdHookSchema });
    });
    if (ok && answer.hook) {
      setName('');
      setCreated(answer.hook);
      setAnnouncement(`Hook ${answer.hook.name} created.`);
    }
  }

  // Waits for the refreshed page to hold the new card, then takes the reader there.
  useEffect(() => {
    if (!created || pending || shown.current === created.id) return;
    const heading = document.getElementById(hookHeadingId(created.id));
    if (!heading) return;
    shown.current = created.id;
    const card = heading.closest<HTMLElement>('[data-testid="hook-card"]');
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    (card ?? heading).scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    heading.focus({ preventScroll: true });
    card?.setAttribute('data-just-created', '');
    const timer = window.setTimeout(() => card?.removeAttribute('data-just-created'), HIGHLIGHT_MS);
    return () => {
      window.clearTimeout(timer);
      card?.removeAttribute('data-just-created');
    };
  }, [created, pending]);

  return (
    <form
      id="create-hook"
      onSubmit={create}
      aria-labelledby="create-hook-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h2 id="create-hook-heading" className="text-base font-semibold text-slate-900">
        Create a hook
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
        <div>
          <label htmlFor="hook-name" className="block text-sm font-medium text-slate-700">
            Name
          </label>
          <input
            id="hook-name"
            name="name"
            type="text"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              setAnnouncement('');
            }}
            maxLength={100}
            required
            placeholder="Production FintechOS"
            autoComplete="off"
            className={`${FIELD} mt-1`}
          />
        </div>
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? 'Creating…' : 'Create hook'}
        </button>
      </div>
      <InlineError message={error} />
      {/* Always in the page, so screen readers announce the text when it appears. */}
      <p role="status" aria-live="polite" className={`text-sm text-emerald-800 ${announcement ? 'mt-2' : ''}`}>
        {announcement}
      </p>
    </form>
  );
}
