'use client';

import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { DANGER_BUTTON } from '@/app/ui/setup/styles';
import { alertChannelApiUrl } from './alert-api';
import { useAlertAction } from './use-alert-action';

export function DeleteChannelButton({
  channelId,
  name,
  ruleCount,
}: {
  channelId: string;
  name: string;
  /** How many rules send to this channel: they lose it, which the question says. */
  ruleCount: number;
}) {
  const { run, error, pending } = useAlertAction();
  const rules =
    ruleCount === 0 ? '' : ` ${ruleCount === 1 ? 'The rule' : `The ${ruleCount} rules`} using it stop sending there.`;
  return (
    <div className="text-right">
      <button
        type="button"
        disabled={pending}
        aria-label={`Delete the channel ${name}`}
        onClick={() => {
          // Its history goes with it: nothing brings it back.
          if (!window.confirm(`Delete the channel "${name}"? Its alert history is removed.${rules}`)) return;
          void run(
            () => requestJson(alertChannelApiUrl(channelId), { method: 'DELETE' }),
            'The channel was not deleted',
          );
        }}
        className={DANGER_BUTTON}
      >
        {pending ? 'Deleting…' : 'Delete'}
      </button>
      <InlineError message={error} />
    </div>
  );
}
