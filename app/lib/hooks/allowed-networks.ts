import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Network = { address: Address; prefix: number };

// A hook's allowed source networks: how the owner writes them (parseNetworkList, used when a hook is saved) and how a
// sender's address is matched against them (isAddressAllowed, used when a notification arrives). Both read entries
// the same way, which is why they are one module.

const ENTRY_SEPARATOR = /[\s,]+/;
const PREFIX = /^\d{1,3}$/;
const EXAMPLES = 'use forms like 10.0.0.0/8, 2001:db8::/32 or 192.0.2.7';

export type NetworkListResult = { ok: true; networks: string[] } | { ok: false; message: string };

/**
 * Parses allowed source networks separated by commas, spaces or newlines. Each entry is a CIDR range or a single
 * address (made /32 or /128); results are normalised (host bits cleared, IPv6 compressed, IPv4-mapped IPv6 written
 * as IPv4) and de-duplicated. An empty input gives an empty list, which isAddressAllowed treats as "no restriction".
 */
export function parseNetworkList(input: string | string[]): NetworkListResult {
  const entries = (Array.isArray(input) ? input : [input])
    .flatMap((text) => text.split(ENTRY_SEPARATOR))
    .filter((entry) => entry !== '');
  const networks: string[] = [];
  const errors: string[] = [];
  for (const entry of entries) {
    const parsed = parseNetwork(entry);
    if (typeof parsed === 'string') errors.push(parsed);
    else networks.push(formatNetwork(parsed));
  }
  return errors.length > 0 ? { ok: false, message: errors.join(' ') } : { ok: true, networks: [...new Set(networks)] };
}

/**
 * Whether a client address falls in one of `networks` (as produced by parseNetworkList). An empty list allows every
 * address, so callers must not pass one in place of a list that failed to parse: null, a stored list that could not
 * be read (parseAllowedNetworks in app/lib/db/json-columns.ts), allows no address at all. `address` is a bare
 * address, as in a socket's remoteAddress; IPv4-mapped IPv6 addresses (::ffff:10.1.2.3) are matched as IPv4. Never
 * throws.
 */
export function isAddressAllowed(address: string | null | undefined, networks: readonly string[] | null): boolean {
  if (networks === null) return false;
  if (networks.length === 0) return true;
  if (typeof address !== 'string') return false;
  try {
    const parsed = parseAddress(address.trim());
    if (parsed === null) return false;
    const client = unmapIPv4(parsed);
    return networks.some((text) => {
      const network = parseNetwork(text.trim());
      return (
        typeof network !== 'string' &&
        network.address.kind() === client.kind() &&
        client.match(network.address, network.prefix)
      );
    });
  } catch {
    // An access check must fail closed, whatever a third-party parser does with unexpected input.
    return false;
  }
}

/** The network for one entry, or a message naming the entry and saying how to fix it. */
function parseNetwork(entry: string): Network | string {
  const slash = entry.indexOf('/');
  const address = parseAddress(slash === -1 ? entry : entry.slice(0, slash));
  if (address === null) return `${quote(entry)} is not an IP address or CIDR range: ${EXAMPLES}.`;
  if (address instanceof ipaddr.IPv6 && address.zoneId) {
    return `${quote(entry)} has a zone id (%${address.zoneId}), which only means something on one host: remove it.`;
  }
  const bits = address instanceof ipaddr.IPv6 ? 128 : 32;
  let prefix = bits;
  if (slash !== -1) {
    const prefixText = entry.slice(slash + 1);
    if (!PREFIX.test(prefixText) || Number(prefixText) > bits) {
      return `${quote(entry)} has an invalid prefix length: use /0 to /${bits} for ${bits === 32 ? 'IPv4' : 'IPv6'}.`;
    }
    prefix = Number(prefixText);
  }
  // Clients arriving as ::ffff:a.b.c.d are compared as IPv4, so a mapped range must be stored as IPv4 to match them.
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() && prefix >= 96) {
    return clearHostBits({ address: address.toIPv4Address(), prefix: prefix - 96 });
  }
  return clearHostBits({ address, prefix });
}

/**
 * Only dotted four-part decimal IPv4 is accepted: ipaddr.js also parses forms like "10.1" or "010.1.2.3" (octal),
 * which in an allow-list would silently mean a different address than the one the reader sees.
 */
function parseAddress(text: string): Address | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return null;
  const withoutZone = text.split('%')[0] ?? '';
  const tail = withoutZone.slice(withoutZone.lastIndexOf(':') + 1);
  if (tail.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(tail)) return null;
  return ipaddr.IPv6.parse(text);
}

function unmapIPv4(address: Address): Address {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

function clearHostBits({ address, prefix }: Network): Network {
  const bytes = address.toByteArray().map((byte, index) => {
    const keep = Math.min(Math.max(prefix - index * 8, 0), 8);
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
  return { address: ipaddr.fromByteArray(bytes), prefix };
}

function formatNetwork({ address, prefix }: Network): string {
  return `${address instanceof ipaddr.IPv6 ? address.toRFC5952String() : address.toString()}/${prefix}`;
}

function quote(entry: string): string {
  // Entries come from a form field; a pasted blob should not turn the message into a wall of text.
  return JSON.stringify(entry.length > 60 ? `${entry.slice(0, 60)}…` : entry);
}
