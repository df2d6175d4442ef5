'use client';

import { useId, useState } from 'react';
import { InlineError } from './inline-error';
import { SavedStatus } from './saved-status';
import { FIELD, SECONDARY_BUTTON } from './styles';
import { useHookSetting } from './use-hook-action';

export function AllowedNetworks({ hookId, networks }: { hookId: string; networks: string[] }) {
  const id = useId();
  const saved = networks.join('\n');
  const [text, setText] = useState(saved);
  // After a save the server returns the ranges normalised; show those rather than what was typed.
  const [lastSaved, setLastSaved] = useState(saved);
  if (saved !== lastSaved) {
    setLastSaved(saved);
    setText(saved);
  }
  const { save, edited, justSaved, error, pending } = useHookSetting(hookId);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save({ allowedNetworks: text });
      }}
    >
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Allowed networks
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        CIDR ranges, separated by commas or new lines. Empty accepts any source address.
      </p>
      <textarea
        id={id}
        rows={2}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          edited();
        }}
        placeholder="10.0.0.0/8, 2001:db8::/32"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        className={`${FIELD} mt-1 font-mono text-xs`}
      />
      <div className="mt-2 flex items-center gap-3">
        <button type="submit" disabled={pending || text === saved} className={SECONDARY_BUTTON}>
          Save networks
        </button>
        <SavedStatus shown={justSaved} />
      </div>
      <InlineError message={error} />
    </form>
  );
}
