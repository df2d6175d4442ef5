'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ALERT_CHANNEL_KINDS, type AlertChannelKind } from '@/app/lib/alerts/alert-kinds';
import { requestJson } from '@/app/ui/api/request-json';
import { useDisplayTimeZone } from '@/app/ui/format/time-zone-context';
import { InlineError } from '@/app/ui/setup/inline-error';
import { FIELD, PRIMARY_BUTTON } from '@/app/ui/setup/styles';
import { ALERT_CHANNELS_API_URL, alertChannelSchema, type SubscriptionChoice } from './alert-api';
import { CHANNEL_KIND_LABELS, CHANNEL_TARGETS, hidesTarget } from './channel-kinds';
import { DigestFields, type DigestInput } from './digest-fields';
import { useAlertAction } from './use-alert-action';

const LABEL = 'block text-sm font-medium text-slate-700';
const CHECKBOX = 'mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-600';

/** The id of the form, for the links that say "add a channel first". */
export const ADD_CHANNEL_FORM_ID = 'add-channel';

/** Adds a place alerts go to: e-mail addresses, a Slack or Teams channel, or a Webhooks out subscription. */
export function CreateChannelForm({
  emailReady,
  subscriptions,
}: {
  /** False while SMTP_URL or ALERT_EMAIL_FROM is unset: an e-mail channel could be added but would send nothing. */
  emailReady: boolean;
  subscriptions: SubscriptionChoice[];
}) {
  const [kind, setKind] = useState<AlertChannelKind>('email');
  const [target, setTarget] = useState('');
  const [name, setName] = useState('');
  const [sendsAlerts, setSendsAlerts] = useState(true);
  const [digest, setDigest] = useState<DigestInput>({ on: false, time: '08:30', timeZone: null });
  const [added, setAdded] = useState<string | null>(null);
  const { run, error, pending } = useAlertAction();
  const describe = CHANNEL_TARGETS[kind];
  // The summary's zone starts as the reader's own; it is theirs to change.
  const displayZone = useDisplayTimeZone();

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(null);
    const outcome = await run(
      () =>
        requestJson(ALERT_CHANNELS_API_URL, {
          method: 'POST',
          body: {
            kind,
            target,
            name: name.trim() || undefined,
            sendsAlerts,
            digest: digest.on ? { time: digest.time, timeZone: (digest.timeZone ?? displayZone).trim() } : null,
          },
          schema: alertChannelSchema,
        }),
      'The channel was not added',
    );
    if (!outcome.ok) return;
    const channel = outcome.value;
    setAdded(
      `Channel "${channel.name}" added.${hidesTarget(channel.kind) ? ' Its URL is stored; from now on only its start and end are shown.' : ''} Send a test to check it.`,
    );
    setTarget('');
    setName('');
    setSendsAlerts(true);
    setDigest((current) => ({ ...current, on: false }));
  }

  return (
    <form
      id={ADD_CHANNEL_FORM_ID}
      onSubmit={(event) => void create(event)}
      aria-labelledby="add-channel-heading"
      className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <h3 id="add-channel-heading" className="text-base font-semibold text-slate-900">
        Add a channel
      </h3>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor="channel-kind" className={LABEL}>
            Kind
          </label>
          <select
            id="channel-kind"
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as AlertChannelKind);
              setTarget('');
            }}
            className={`${FIELD} mt-1`}
          >
            {ALERT_CHANNEL_KINDS.map((option) => (
              <option key={option} value={option}>
                {CHANNEL_KIND_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="channel-name" className={LABEL}>
            Name <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id="channel-name"
            type="text"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            placeholder={describe.namePlaceholder}
            autoComplete="off"
            className={`${FIELD} mt-1`}
          />
        </div>
        <div className="md:col-span-2">
          <label htmlFor="channel-target" className={LABEL}>
            {describe.label}
          </label>
          <p id="channel-target-hint" className="text-xs text-slate-500">
            {describe.hint}
          </p>
          {kind === 'webhook' ? (
            <SubscriptionSelect value={target} onChange={setTarget} subscriptions={subscriptions} />
          ) : (
            <input
              id="channel-target"
              type="text"
              inputMode={kind === 'email' ? 'email' : 'url'}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              maxLength={2_000}
              required
              placeholder={describe.placeholder}
              aria-describedby="channel-target-hint"
              autoComplete="off"
              spellCheck={false}
              className={`${FIELD} mt-1 font-mono`}
            />
          )}
          {kind === 'email' && !emailReady ? (
            <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              This server cannot send e-mail yet: set SMTP_URL and ALERT_EMAIL_FROM, then restart the app. Until then
              e-mail alerts wait and are tried again.
            </p>
          ) : null}
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-700">Receives</legend>
        <label className="mt-2 flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={sendsAlerts}
            onChange={(event) => setSendsAlerts(event.target.checked)}
            className={CHECKBOX}
          />
          <span>
            Alerts <span className="text-slate-500">(as the rules that use this channel raise them)</span>
          </span>
        </label>
        <DigestFields value={digest} onChange={setDigest} displayZone={displayZone} />
      </fieldset>
      <div className="mt-4">
        <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
          {pending ? 'Adding…' : 'Add channel'}
        </button>
      </div>
      <InlineError message={error} />
      {/* Always in the page, so the new channel is announced when it appears. */}
      <p role="status" aria-live="polite" className={added ? 'mt-2 text-sm text-emerald-800' : 'sr-only'}>
        {added ?? ''}
      </p>
    </form>
  );
}

function SubscriptionSelect({
  value,
  onChange,
  subscriptions,
}: {
  value: string;
  onChange: (value: string) => void;
  subscriptions: SubscriptionChoice[];
}) {
  if (subscriptions.length === 0) {
    return (
      <p
        id="channel-target"
        className="mt-1 rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600"
      >
        No subscriptions yet.{' '}
        <Link href="/setup#create-subscription" className="font-medium text-brand-700 underline underline-offset-2">
          Add one under Setup, Webhooks out
        </Link>
        , then come back.
      </p>
    );
  }
  return (
    <select
      id="channel-target"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      aria-describedby="channel-target-hint"
      className={`${FIELD} mt-1`}
    >
      <option value="">Choose a subscription</option>
      {subscriptions.map((subscription) => (
        <option key={subscription.id} value={subscription.id}>
          {subscription.description ? `${subscription.description}: ${subscription.url}` : subscription.url}
        </option>
      ))}
    </select>
  );
}
