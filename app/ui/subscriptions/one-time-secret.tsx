'use client';

import { useId } from 'react';
import { CopyButton } from '@/app/ui/setup/copy-button';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';

/**
 * A signing key the API gives out once: shown with a copy button until the reader says it is saved, with how a
 * receiver checks it.
 */
export function OneTimeSecret({
  title,
  secret,
  note,
  onDismiss,
}: {
  title: React.ReactNode;
  secret: string;
  /** What else the reader needs to know about this key, e.g. how long the previous one keeps signing. */
  note?: React.ReactNode;
  onDismiss: () => void;
}) {
  const id = useId();
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800"
      data-testid="one-time-secret"
    >
      <p className="font-semibold text-slate-900">{title}</p>
      <div className="mt-2 flex items-end justify-between gap-2">
        <div className="min-w-0">
          <label htmlFor={id} className="block font-medium text-slate-700">
            Signing key
          </label>
          <p id={`${id}-hint`} className="text-xs text-amber-900">
            Copy it now: it will not be shown again.
          </p>
        </div>
        <CopyButton value={secret} label="signing key" />
      </div>
      <textarea
        id={id}
        readOnly
        rows={1}
        value={secret}
        aria-describedby={`${id}-hint`}
        onFocus={(event) => event.currentTarget.select()}
        // Narrower padding than a form field, so a whole key fits on one line of a phone.
        className="mt-1 block w-full field-sizing-content resize-none break-all rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      {note ? <p className="mt-2 text-xs text-slate-700">{note}</p> : null}
      <p className="mt-2 text-xs text-slate-700">
        Verify each request in Node with the <code className="font-mono">standardwebhooks</code> package, on the raw
        body as received:{' '}
        <code className="break-words rounded bg-white/70 px-1 font-mono">
          new Webhook(secret).verify(body, headers)
        </code>{' '}
        throws when the signature or its timestamp is wrong.
      </p>
      <button type="button" onClick={onDismiss} className={`${SECONDARY_BUTTON} mt-3`}>
        I have saved the key
      </button>
    </div>
  );
}
