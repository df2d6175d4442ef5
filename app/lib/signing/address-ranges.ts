import ipaddr from 'ipaddr.js';

// Address classes for outbound requests; IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 it maps.

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function parseAddress(text: string): Address | null {
  if (!ipaddr.isValid(text)) return null;
  const address = ipaddr.parse(text);
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

/** An address's class as ipaddr.js names it ("loopback", "private", "linkLocal", …); null when it is not one. */
export function addressRange(text: string): string | null {
  return parseAddress(text)?.range() ?? null;
}

/** Whether an address is on the public internet (not private, loopback, link-local, reserved...). */
export function isPublicAddress(text: string): boolean {
  const address = parseAddress(text);
  return address !== null && address.range() === 'unicast';
}

export function isLoopbackAddress(text: string): boolean {
  const address = parseAddress(text);
  return address !== null && address.range() === 'loopback';
}

/** 0.0.0.0 and ::, which a connection takes to mean "this machine": never a real destination. */
export function isUnspecifiedAddress(text: string): boolean {
  const address = parseAddress(text);
  return address !== null && address.range() === 'unspecified';
}

const RANGE_NAMES: Record<string, string> = {
  unicast: 'public',
  uniqueLocal: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'carrier-grade NAT',
};

/** An address's class in a word or two for people reading a refusal, e.g. "loopback". */
export function describeAddressRange(text: string): string {
  const range = parseAddress(text)?.range();
  if (range === undefined) return 'not an address';
  return RANGE_NAMES[range] ?? range;
}
