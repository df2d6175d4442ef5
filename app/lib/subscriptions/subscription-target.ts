import { addressRange } from '@/app/lib/signing/address-ranges';

// Where a subscription may send: the admin's own systems. https, except to loopback and private networks, where
// internal systems live and plain http stays inside; never link-local (cloud metadata) or unspecified addresses.

export type TargetCheck = { ok: true; url: string } | { ok: false; message: string };

const INSIDE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);
const NEVER_RANGES = new Set(['linkLocal', 'unspecified', 'broadcast', 'multicast']);

/** The host's address class when it is an address literal (IPv6 without its brackets). */
const rangeOf = (host: string): string | null => addressRange(host.replace(/^\[|\]$/g, ''));

/** Whether a connection to `address` (what a host name resolved to) is refused whatever the URL said. */
export function isNeverTargetAddress(address: string): boolean {
  const range = addressRange(address);
  return range !== null && NEVER_RANGES.has(range);
}

const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Whether `text` may be a subscription's URL; `requireHttps` in production. */
export function checkSubscriptionTarget(text: string, options: { requireHttps: boolean }): TargetCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      message: 'Give the full address of the receiving endpoint, e.g. https://crm.example.com/hooks.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Use an https address (not ${url.protocol}).` };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message: 'Leave the user name and password out of the address: each request is signed instead.',
    };
  }
  const range = rangeOf(url.hostname);
  if (range && NEVER_RANGES.has(range)) {
    return { ok: false, message: `${url.hostname} is a ${range} address, which events are never sent to.` };
  }
  const inside = isLocalName(url.hostname) || (range !== null && INSIDE_RANGES.has(range));
  if (url.protocol === 'http:' && options.requireHttps && !inside) {
    return {
      ok: false,
      message:
        'Use https: events leave for the internet signed but readable. Plain http is only for loopback and private network addresses.',
    };
  }
  url.hash = '';
  return { ok: true, url: url.toString() };
}
