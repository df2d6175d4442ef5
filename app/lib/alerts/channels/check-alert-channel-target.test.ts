import { describe, expect, it } from 'vitest';
import { checkAlertChannelTarget } from './check-alert-channel-target';

const check = (kind: 'email' | 'slack' | 'teams' | 'webhook', target: string, requireHttps = true) =>
  checkAlertChannelTarget({ kind, target, requireHttps });

describe('checkAlertChannelTarget', () => {
  it('takes e-mail addresses separated by commas, semicolons or spaces, and normalizes them', () => {
    expect(check('email', ' ops@example.com;jane@example.com\n  bob@example.org, OPS@example.com ')).toEqual({
      ok: true,
      target: 'ops@example.com, jane@example.com, bob@example.org',
    });
  });

  it('names what is not an address, and refuses none or too many', () => {
    const wrong = check('email', 'ops@example.com, not-an-address, jane@');
    expect(wrong).toEqual({
      ok: false,
      message: expect.stringContaining('"not-an-address", "jane@" are not e-mail addresses'),
    });
    expect(check('email', ' , ; ')).toEqual({
      ok: false,
      message: expect.stringContaining('at least one e-mail address'),
    });
    const many = Array.from({ length: 21 }, (_, index) => `person${index}@example.com`).join(', ');
    expect(check('email', many)).toEqual({
      ok: false,
      message: expect.stringContaining('at most 20 addresses (21 given)'),
    });
    expect(check('email', Array.from({ length: 20 }, (_, index) => `p${index}@example.com`).join(',')).ok).toBe(true);
  });

  it("takes a Slack or Teams webhook URL under the subscriptions' rules", () => {
    expect(check('slack', 'https://hooks.slack.com/services/T000/B000/XXXX#x')).toEqual({
      ok: true,
      target: 'https://hooks.slack.com/services/T000/B000/XXXX',
    });
    expect(
      check('teams', 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s'),
    ).toMatchObject({ ok: true });
    // Plain http only inside, unless outside production.
    expect(check('slack', 'http://hooks.slack.com/services/T/B/X')).toEqual({
      ok: false,
      message: expect.stringContaining('Use https'),
    });
    expect(check('slack', 'http://hooks.slack.com/services/T/B/X', false)).toMatchObject({ ok: true });
    expect(check('teams', 'http://10.0.0.5:8080/teams')).toMatchObject({ ok: true });
    expect(check('slack', 'http://169.254.169.254/latest')).toEqual({
      ok: false,
      message: expect.stringContaining('which alerts are never sent to'),
    });
  });

  it('says what a Slack or Teams URL looks like when given something else', () => {
    expect(check('slack', 'hooks.slack.com/services/T/B/X')).toEqual({
      ok: false,
      message: expect.stringContaining("Give the Slack webhook's full URL, e.g. https://hooks.slack.com/services/"),
    });
    expect(check('teams', 'ftp://example.com/x')).toEqual({
      ok: false,
      message: expect.stringContaining('Use an https address'),
    });
    expect(check('teams', 'https://user:pw@example.com/x')).toEqual({
      ok: false,
      message: expect.stringContaining('Leave the user name and password out'),
    });
  });

  it("takes a change-feed subscription's id", () => {
    expect(check('webhook', ' sub_0123456789abcdef01234567 ')).toEqual({
      ok: true,
      target: 'sub_0123456789abcdef01234567',
    });
    expect(check('webhook', 'sub_0123456789ABCDEF01234567')).toEqual({
      ok: false,
      message: expect.stringContaining('sub_'),
    });
    expect(check('webhook', 'https://crm.example.com/hooks').ok).toBe(false);
  });
});
