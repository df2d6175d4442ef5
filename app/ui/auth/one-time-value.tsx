'use client';

import { useId } from 'react';
import { CopyButton } from '@/app/ui/setup/copy-button';
import { SECONDARY_BUTTON } from '@/app/ui/setup/styles';

/**
 * A secret the API gives out once (an API token, a one-time password, a subscription's signing key): shown with a copy button until the reader
 * says it is saved. The server keeps only its hash, so closing this loses it for good.
 */
export function OneTimeValue({
  title,
  label,
  value,
  note,
  dismissLabel,
  onDismiss,
  hint = 'Copy it now: you will not see it again.',
  testId = 'one-time-value',
}: {
  title: React.ReactNode;
  /** What the value is, for its field and copy button ("API token"). */
  label: string;
  value: string;
  /** What to do with it, e.g. how to use the token. */
  note?: React.ReactNode;
  dismissLabel: string;
  onDismiss: () => void;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800" data-testid={testId}>
      <p className="font-semibold text-slate-900">{title}</p>
      <div className="mt-2 flex items-end justify-between gap-2">
        <div className="min-w-0">
          <label htmlFor={id} className="block font-medium text-slate-700">
            {label}
          </label>
          <p id={`${id}-hint`} className="text-xs text-amber-900">
            {hint}
          </p>
        </div>
        <CopyButton value={value} label={label} />
      </div>
      <textarea
        id={id}
        readOnly
        rows={1}
        value={value}
        aria-describedby={`${id}-hint`}
        onFocus={(event) => event.currentTarget.select()}
        spellCheck={false}
        // Narrower padding than a form field, so a whole token fits on a phone in as few lines as possible.
        className="mt-1 block w-full field-sizing-content resize-none break-all rounded-md border border-amber-300 bg-white px-2 py-1.5 font-mono text-xs text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      {note ? <div className="mt-2 text-xs text-slate-700">{note}</div> : null}
      <button type="button" onClick={onDismiss} className={`${SECONDARY_BUTTON} mt-3`}>
        {dismissLabel}
      </button>
    </div>
  );
}
