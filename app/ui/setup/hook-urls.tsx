'use client';

import { useId, useState } from 'react';
import { CopyButton } from './copy-button';
import { FIELD } from './styles';
import { withCustomQuery } from '@/app/lib/hooks/hook-urls';
import { signRequestSnippet } from './sign-request-snippet';

function UrlField({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  return (
    <div>
      <div className="flex items-end justify-between gap-2">
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-700">
            {label}
          </label>
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        </div>
        <CopyButton value={value} label={label} />
      </div>
      {/* A textarea sized to its content wraps the long URL on a phone instead of hiding most of it past the edge. */}
      <textarea
        id={id}
        readOnly
        rows={2}
        value={value}
        aria-describedby={`${id}-hint`}
        onFocus={(event) => event.currentTarget.select()}
        className={`${FIELD} mt-1 field-sizing-content resize-none break-all bg-slate-50 font-mono text-xs`}
      />
    </div>
  );
}

/** The values to paste into the sign request, with the integrator's own parameters inserted as they type. */
export function HookUrls({
  webhookUrl,
  webhookStatusUrl,
  workstepEventUrl,
}: {
  webhookUrl: string;
  webhookStatusUrl: string;
  workstepEventUrl: string;
}) {
  const [customQuery, setCustomQuery] = useState('');
  const paramsId = useId();
  const snippetId = useId();
  const finalUrl = withCustomQuery(webhookUrl, customQuery);
  const statusUrl = withCustomQuery(webhookStatusUrl, customQuery);
  const eventUrl = withCustomQuery(workstepEventUrl, customQuery);
  const snippet = signRequestSnippet(finalUrl, statusUrl);

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={paramsId} className="block text-sm font-medium text-slate-700">
          Your own parameters <span className="font-normal text-slate-500">(optional)</span>
        </label>
        <p id={`${paramsId}-hint`} className="text-xs text-slate-500">
          Such as a contract number; they come back with every notification and can be searched.
        </p>
        <input
          id={paramsId}
          type="text"
          value={customQuery}
          onChange={(event) => setCustomQuery(event.target.value)}
          placeholder="contract=123"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${paramsId}-hint`}
          className={`${FIELD} mt-1 font-mono sm:max-w-md`}
        />
      </div>
      <UrlField
        label="WebhookUrl"
        value={finalUrl}
        hint="Finish callback, called once the envelope is finished (eSignAnyWhere: CallbackUrl)."
      />
      <UrlField
        label="WebhookStatusUrl"
        value={statusUrl}
        hint="Status callback, called on every status change (eSignAnyWhere: StatusUpdateCallbackUrl)."
      />
      <UrlField
        label="Workstep event callback"
        value={eventUrl}
        hint="Optional: every workstep event (eSignAnyWhere: ActivityActionCallbackConfiguration)."
      />
      <div>
        <div className="flex items-end justify-between gap-2">
          <div>
            <p id={snippetId} className="text-sm font-medium text-slate-700">
              Sign request snippet
            </p>
            <p className="text-xs text-slate-500">Merge into the JSON body of your FintechOS sign request.</p>
          </div>
          <CopyButton value={snippet} label="sign request snippet" />
        </div>
        <pre
          aria-labelledby={snippetId}
          tabIndex={0}
          className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded-md border border-slate-200 bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          {snippet}
        </pre>
      </div>
    </div>
  );
}
