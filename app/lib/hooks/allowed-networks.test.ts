import { describe, expect, it } from 'vitest';
import { isAddressAllowed, parseNetworkList } from './allowed-networks';

function networksOf(input: string | string[]): string[] {
  const result = parseNetworkList(input);
  if (!result.ok) throw new Error(result.message);
  return result.networks;
}

function messageOf(input: string | string[]): string {
  const result = parseNetworkList(input);
  return result.ok ? '(accepted)' : result.message;
}

describe('parseNetworkList', () => {
  it('accepts IPv4 and IPv6 CIDR ranges', () => {
    expect(networksOf('10.0.0.0/8, 2001:db8::/32')).toEqual(['10.0.0.0/8', '2001:db8::/32']);
  });

  it('makes single addresses /32 or /128', () => {
    expect(networksOf('192.0.2.7 2001:db8::1')).toEqual(['192.0.2.7/32', '2001:db8::1/128']);
  });

  it('splits on commas, spaces and newlines, in a string or a list', () => {
    const expected = ['10.0.0.0/8', '192.168.1.0/24', '::1/128', '172.16.0.0/12'];
    expect(networksOf(' 10.0.0.0/8,192.168.1.0/24\n::1\r\n\t172.16.0.0/12 ,\n')).toEqual(expected);
    expect(networksOf(['10.0.0.0/8', '192.168.1.0/24 ::1', '', '172.16.0.0/12'])).toEqual(expected);
  });

  it('treats empty input as no networks', () => {
    expect(parseNetworkList('')).toEqual({ ok: true, networks: [] });
    expect(parseNetworkList(' ,\n ')).toEqual({ ok: true, networks: [] });
    expect(parseNetworkList([])).toEqual({ ok: true, networks: [] });
  });

  it('normalises: host bits cleared, IPv6 compressed and lower-cased, duplicates removed', () => {
    expect(networksOf('10.1.2.3/8 10.0.0.0/08 2001:0DB8:0000::0001/32 2001:db8:ffff::/32 0.0.0.0/0 ::/0')).toEqual([
      '10.0.0.0/8',
      '2001:db8::/32',
      '0.0.0.0/0',
      '::/0',
    ]);
    expect(networksOf('192.168.1.77/26')).toEqual(['192.168.1.64/26']);
  });

  it('writes IPv4-mapped IPv6 entries as IPv4', () => {
    expect(networksOf('::ffff:10.1.2.3 ::ffff:10.0.0.0/104 ::ffff:a01:203/128')).toEqual(['10.1.2.3/32', '10.0.0.0/8']);
  });

  it('names an invalid entry and shows the accepted forms', () => {
    expect(parseNetworkList('10.0.0.0/8, example.com')).toEqual({
      ok: false,
      message:
        '"example.com" is not an IP address or CIDR range: use forms like 10.0.0.0/8, 2001:db8::/32 or 192.0.2.7.',
    });
    for (const entry of ['1.2.3.256', '1.2.3', '10', '010.1.2.3', '0x0a.1.2.3', '::ffff:010.1.2.3', '1::2::3', '/8']) {
      expect(messageOf(`10.0.0.0/8 ${entry}`)).toBe(
        `${JSON.stringify(entry)} is not an IP address or CIDR range: use forms like 10.0.0.0/8, 2001:db8::/32 or 192.0.2.7.`,
      );
    }
  });

  it('explains an invalid prefix length', () => {
    expect(messageOf('10.0.0.0/33')).toBe('"10.0.0.0/33" has an invalid prefix length: use /0 to /32 for IPv4.');
    expect(messageOf('2001:db8::/129')).toBe('"2001:db8::/129" has an invalid prefix length: use /0 to /128 for IPv6.');
    for (const entry of ['10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/+8', '10.0.0.0/8/8', '10.0.0.0/0x8', '10.0.0.0/1000']) {
      expect(messageOf(entry)).toMatch(/has an invalid prefix length/);
    }
  });

  it('refuses IPv6 zone ids', () => {
    expect(messageOf('fe80::1%eth0')).toMatch(/^"fe80::1%eth0" has a zone id \(%eth0\).*remove it/);
  });

  it('names every invalid entry and shortens long ones', () => {
    const message = messageOf(`nope 10.0.0.0/8 ${'x'.repeat(500)} 1.2.3.4/40`);
    expect(message).toMatch(/^"nope" is not .* "x{60}…" is not .* "1\.2\.3\.4\/40" has an invalid prefix/);
  });
});

describe('isAddressAllowed', () => {
  const networks = networksOf('10.0.0.0/8 192.0.2.7 2001:db8::/32');

  it('allows every address, even a missing one, when no networks are configured', () => {
    for (const address of ['10.1.2.3', '2001:db8::1', 'garbage', '', null, undefined]) {
      expect(isAddressAllowed(address, [])).toBe(true);
    }
  });

  it('matches IPv4 addresses against IPv4 ranges', () => {
    expect(isAddressAllowed('10.1.2.3', networks)).toBe(true);
    expect(isAddressAllowed('10.255.255.255', networks)).toBe(true);
    expect(isAddressAllowed('192.0.2.7', networks)).toBe(true);
    expect(isAddressAllowed('192.0.2.8', networks)).toBe(false);
    expect(isAddressAllowed('11.0.0.0', networks)).toBe(false);
    expect(isAddressAllowed(' 10.1.2.3 ', networks)).toBe(true);
  });

  it('matches IPv6 addresses against IPv6 ranges', () => {
    expect(isAddressAllowed('2001:db8::1', networks)).toBe(true);
    expect(isAddressAllowed('2001:DB8:ffff:0:0:0:0:1', networks)).toBe(true);
    expect(isAddressAllowed('2001:db9::1', networks)).toBe(false);
    expect(isAddressAllowed('::1', networks)).toBe(false);
  });

  it('matches IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(isAddressAllowed('::ffff:10.1.2.3', networks)).toBe(true);
    expect(isAddressAllowed('::FFFF:a01:203', networks)).toBe(true);
    expect(isAddressAllowed('::ffff:192.0.2.7', networks)).toBe(true);
    expect(isAddressAllowed('::ffff:11.1.2.3', networks)).toBe(false);
    expect(isAddressAllowed('::ffff:10.1.2.3', networksOf('::ffff:10.0.0.0/104'))).toBe(true);
  });

  it('never matches IPv4 addresses with IPv6 ranges or the other way round', () => {
    expect(isAddressAllowed('10.1.2.3', networksOf('::/0'))).toBe(false);
    expect(isAddressAllowed('::ffff:10.1.2.3', networksOf('::/0'))).toBe(false);
    expect(isAddressAllowed('2001:db8::1', networksOf('0.0.0.0/0'))).toBe(false);
    expect(isAddressAllowed('::a01:203', networksOf('10.0.0.0/8'))).toBe(false);
  });

  it('allows any address of the family for /0 ranges', () => {
    expect(isAddressAllowed('203.0.113.9', networksOf('0.0.0.0/0'))).toBe(true);
    expect(isAddressAllowed('2001:db8::9', networksOf('::/0'))).toBe(true);
  });

  it('refuses missing or unparseable addresses when networks are configured', () => {
    for (const address of [
      null,
      undefined,
      '',
      ' ',
      'garbage',
      '10.1.2.3:443',
      '[2001:db8::1]',
      '10.1.2',
      '010.1.2.3',
    ]) {
      expect(isAddressAllowed(address, networks)).toBe(false);
    }
  });

  it('ignores the zone id of a link-local client address', () => {
    expect(isAddressAllowed('fe80::1%eth0', networksOf('fe80::/10'))).toBe(true);
  });

  it('allows no address at all for a stored list that could not be read (null)', () => {
    for (const address of ['10.1.2.3', '2001:db8::1', '127.0.0.1', 'garbage', '', null, undefined]) {
      expect(isAddressAllowed(address, null)).toBe(false);
    }
  });

  it('skips invalid networks instead of throwing, and refuses when none is usable', () => {
    expect(isAddressAllowed('10.1.2.3', ['nonsense', '10.0.0.0/8'])).toBe(true);
    expect(isAddressAllowed('10.1.2.3', ['nonsense', '10.0.0.0/99'])).toBe(false);
    expect(isAddressAllowed('10.1.2.3', [''])).toBe(false);
  });
});
