import type { AlertChannelKind } from '../alert-kinds';

const SHOWN_END = 4;

/**
 * A channel's target as lists and pages show it: e-mail addresses and a subscription's id as they are (neither lets
 * anyone do anything), a Slack or Teams URL as its scheme and host and the last 4 characters, since the path is the
 * secret that lets anyone post to the channel.
 */
export function maskAlertChannelTarget(options: { kind: AlertChannelKind; target: string }): string {
  if (options.kind === 'email' || options.kind === 'webhook') return options.target;
  let url: URL;
  try {
    url = new URL(options.target);
  } catch {
    return '…';
  }
  const rest = `${url.pathname}${url.search}`.replace(/^\/+$/, '');
  const end = rest.length > SHOWN_END * 2 ? rest.slice(-SHOWN_END) : '';
  return `${url.protocol}//${url.host}/…${end}`;
}
