import { describe, expect, it } from 'vitest';
import { normalizeTimeZone, readTimeZoneCookie, timeZoneCookie } from './time-zone';

describe('time zone cookie', () => {
  it('accepts only zones the runtime knows, in their canonical spelling', () => {
    expect(normalizeTimeZone('Europe/Bucharest')).toBe('Europe/Bucharest');
    expect(normalizeTimeZone(' UTC ')).toBe('UTC');
    expect(normalizeTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(normalizeTimeZone('')).toBeNull();
    expect(normalizeTimeZone(undefined)).toBeNull();
    expect(normalizeTimeZone('A'.repeat(100))).toBeNull();
  });

  it('round-trips through the cookie string', () => {
    const cookie = timeZoneCookie('America/Argentina/Buenos_Aires');
    expect(cookie).toMatch(/^tz=America%2FArgentina%2FBuenos_Aires; Path=\/; Max-Age=31536000; SameSite=Lax$/);
    const header = `session=abc; ${cookie.split(';')[0]}; other=1`;
    expect(readTimeZoneCookie(header)).toBe(normalizeTimeZone('America/Argentina/Buenos_Aires'));
    expect(readTimeZoneCookie('tz=Europe%2FBucharest')).toBe('Europe/Bucharest');
  });

  it('ignores a missing, foreign or broken cookie', () => {
    expect(readTimeZoneCookie('')).toBeNull();
    expect(readTimeZoneCookie('tzx=UTC')).toBeNull();
    expect(readTimeZoneCookie('tz=%E0%A4%A')).toBeNull();
    expect(readTimeZoneCookie('tz=Nowhere%2FLand')).toBeNull();
  });
});
