'use client';

import { useState } from 'react';
import { requestJson } from '@/app/ui/api/request-json';
import { InlineError } from '@/app/ui/setup/inline-error';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';
import { BreakableUrl } from './breakable-url';
import { EventTypeCheckboxes } from './event-type-checkboxes';
import { OneTimeSecret } from './one-time-secret';
import { SUBSCRIPTIONS_API_URL, createdSubscriptionSchema } from './subscription-api';
import { useSubscriptionAction } from './use-subscription-action';

type Created = { url: string; secret: string };

/** Adds a subscription; its signing key is shown here, once, right after. */
export function CreateSubscriptionForm() {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<Set<string>>(() => new Set());
  const [created, setCreated] = useState<Created | null>(null);
  const { run, error, pending } = useSubscriptionAction();

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const outcome = await run(
      () =>
        requestJson(SUBSCRIPTIONS_API_URL, {
          method: 'POST',
          body: { url, description: description.trim() || undefined, types: [...types] },
          schema: createdSubscriptionSchema,
        }),
      'The subscription was not created',
    );
    if (!outcome.ok) return;
    setCreated({ url: outcome.value.url, secret: outcome.value.secret });
    setUrl('');
    setDescription('');
    setTypes(new Set());
  }

  return (
    <form
      id="create-subscription"
      onSubmit={create}
      aria-labelledby="create-subscription-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 id="create-subscription-heading" className="text-base font-semibold text-slate-900">
        Add a subscription
      </h3>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="subscription-url" className="block text-sm font-medium text-slate-700">
            Endpoint URL
          </label>
          <input
            id="subscription-url"
            name="url"
            type="text"
            inputMode="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            maxLength={2_000}
            required
            placeholder="https://crm.example.com/hooks"
            autoComplete="off"
            spellCheck={false}
            className={`${FIELD} mt-1 font-mono`}
          />
        </div>
        <div>
          <label htmlFor="subscription-description" className="block text-sm font-medium text-slate-700">
            Description <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id="subscription-description"
            name="description"
            type="text"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={500}
            placeholder="CRM: contract status"
            autoComplete="off"
            className={`${FIELD} mt-1`}
          />
        </div>
      </div>
      <div className="mt-4">
        <EventTypeCheckboxes selected={types} onChange={setTypes} disabled={pending} />
      </div>
      <div className="mt-4">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? 'Adding…' : 'Add subscription'}
        </button>
      </div>
      <InlineError message={error} />
      {/* Always in the page, so the new subscription is announced; the key itself is not read out. */}
      <p role="status" aria-live="polite" className="sr-only">
        {created ? 'Subscription added. Its signing key is shown below, this once.' : ''}
      </p>
      {created ? (
        <div className="mt-4">
          <OneTimeSecret
            title={
              <>
                Subscription to <BreakableUrl url={created.url} /> added: events recorded from now on are sent to it.
              </>
            }
            secret={created.secret}
            onDismiss={() => setCreated(null)}
          />
        </div>
      ) : null}
    </form>
  );
}
