'use client';

import { useEffect, useState } from 'react';
import { SECONDARY_BUTTON } from './styles';

/** Copies a value; the label says what is copied so several buttons on a card stay distinguishable. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Plain HTTP (not localhost) has no clipboard API: the field stays selectable by hand.
      setState('failed');
    }
  }

  return (
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy ${label}`}
      className={`${SECONDARY_BUTTON} min-w-[5.5rem] shrink-0`}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}
