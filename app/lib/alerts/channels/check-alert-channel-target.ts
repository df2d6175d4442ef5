import { z } from 'zod';
import { checkSubscriptionTarget } from '@/app/lib/subscriptions/subscription-target';
import type { AlertChannelKind } from '../alert-kinds';

export type AlertChannelTargetCheck = { ok: true; target: string } | { ok: false; message: string };

export const MAX_EMAIL_RECIPIENTS = 20;
const MAX_URL_CHARS = 2_000;
const emailAddress = z.email();
const SUBSCRIPTION_ID = /^sub_[0-9a-f]{24}$/;

const EXAMPLE_URL: Record<'slack' | 'teams', string> = {
  slack: 'https://hooks.slack.com/services/T000/B000/XXXX',
  teams: 'https://prod-00.westeurope.logic.azure.com/workflows/…',
};
const SERVICE: Record<'slack' | 'teams', string> = { slack: 'Slack', teams: 'Teams' };

/**
 * Whether `target` fits a channel of `kind`, normalized for storing: e-mail addresses as "a@x, b@y"; a Slack or Teams
 * incoming-webhook URL under the subscriptions' rules (https, except to loopback and private networks; never
 * link-local); a change-feed subscription's id (whether it exists is the caller's to check). Messages say what to fix.
 */
export function checkAlertChannelTarget(options: {
  kind: AlertChannelKind;
  target: string;
  requireHttps: boolean;
}): AlertChannelTargetCheck {
  const target = options.target.trim();
  switch (options.kind) {
    case 'email':
      return checkEmailAddresses(target);
    case 'slack':
    case 'teams':
      return checkIncomingWebhookUrl(options.kind, target, options.requireHttps);
    case 'webhook':
      return SUBSCRIPTION_ID.test(target)
        ? { ok: true, target }
        : {
            ok: false,
            message:
              'Choose one of the change feed\'s subscriptions by its id ("sub_" and 24 hex digits, as Setup lists them).',
          };
  }
}

function checkEmailAddresses(target: string): AlertChannelTargetCheck {
  const given = target.split(/[\s,;]+/).filter((part) => part !== '');
  if (given.length === 0) {
    return { ok: false, message: 'Give at least one e-mail address, e.g. ops@example.com.' };
  }
  const wrong = given.filter((address) => !emailAddress.safeParse(address).success);
  if (wrong.length > 0) {
    const shown = wrong.slice(0, 3).map((address) => `"${address.slice(0, 100)}"`);
    return {
      ok: false,
      message: `${shown.join(', ')}${wrong.length > 3 ? ` and ${wrong.length - 3} more` : ''} ${wrong.length === 1 ? 'is not an e-mail address' : 'are not e-mail addresses'}. Separate addresses with commas, e.g. ops@example.com, jane@example.com.`,
    };
  }
  const seen = new Set<string>();
  const addresses = given.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (addresses.length > MAX_EMAIL_RECIPIENTS) {
    return {
      ok: false,
      message: `Give at most ${MAX_EMAIL_RECIPIENTS} addresses (${addresses.length} given); for more people, use a mailing list's address.`,
    };
  }
  return { ok: true, target: addresses.join(', ') };
}

function checkIncomingWebhookUrl(
  kind: 'slack' | 'teams',
  target: string,
  requireHttps: boolean,
): AlertChannelTargetCheck {
  const service = SERVICE[kind];
  const hint =
    kind === 'slack'
      ? 'Slack shows it when you add an incoming webhook to a channel'
      : 'Teams shows it when you set up a Workflows "post to a channel when a webhook request is received" flow';
  let url: URL | null = null;
  try {
    url = new URL(target);
  } catch {
    // Told below.
  }
  if (!url || target.length > MAX_URL_CHARS) {
    return {
      ok: false,
      message: `Give the ${service} webhook's full URL, e.g. ${EXAMPLE_URL[kind]} (${hint}).`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: `Leave the user name and password out of the URL: ${service} does not use them.` };
  }
  const checked = checkSubscriptionTarget(target, { requireHttps });
  if (checked.ok) return { ok: true, target: checked.url };
  // The subscriptions' words speak of signed events; a channel's message is neither.
  if (checked.message.startsWith('Use https:')) {
    return {
      ok: false,
      message: `Use https: alerts would cross the network readable, and so would the URL that lets anyone post to the ${service} channel. Plain http is only for loopback and private network addresses.`,
    };
  }
  return {
    ok: false,
    message: checked.message.replace('which events are never sent to', 'which alerts are never sent to'),
  };
}
