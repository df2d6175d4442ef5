import { describe, expect, it } from 'vitest';
import { describeChannelReceives, hidesTarget } from './channel-kinds';

describe('describeChannelReceives', () => {
  const digest = { time: '08:30', timeZone: 'Europe/Bucharest' };

  it('names alerts, the daily summary with its time and zone, or both', () => {
    expect(describeChannelReceives({ sendsAlerts: true, digest: null })).toBe('Alerts');
    expect(describeChannelReceives({ sendsAlerts: true, digest })).toBe(
      'Alerts and a daily summary at 08:30 Europe/Bucharest',
    );
    expect(describeChannelReceives({ sendsAlerts: false, digest })).toBe(
      'Only a daily summary at 08:30 Europe/Bucharest',
    );
  });

  it('says so when a channel receives nothing', () => {
    expect(describeChannelReceives({ sendsAlerts: false, digest: null })).toMatch(/^Nothing/);
  });
});

describe('hidesTarget', () => {
  it('hides the URLs that let anyone post, not addresses or subscription ids', () => {
    expect(hidesTarget('slack')).toBe(true);
    expect(hidesTarget('teams')).toBe(true);
    expect(hidesTarget('email')).toBe(false);
    expect(hidesTarget('webhook')).toBe(false);
  });
});
