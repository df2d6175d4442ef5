import { describe, expect, it } from 'vitest';
import { maskAlertChannelTarget } from './mask-alert-channel-target';

describe('maskAlertChannelTarget', () => {
  it('shows e-mail addresses and subscription ids as they are', () => {
    expect(maskAlertChannelTarget({ kind: 'email', target: 'ops@example.com, jane@example.com' })).toBe(
      'ops@example.com, jane@example.com',
    );
    expect(maskAlertChannelTarget({ kind: 'webhook', target: 'sub_0123456789abcdef01234567' })).toBe(
      'sub_0123456789abcdef01234567',
    );
  });

  it('shows a Slack or Teams URL as its scheme, host and last 4 characters', () => {
    const slack = 'https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnopqrstWXYZ';
    expect(maskAlertChannelTarget({ kind: 'slack', target: slack })).toBe('https://hooks.slack.com/…WXYZ');
    const teams =
      'https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=secretsig9';
    const masked = maskAlertChannelTarget({ kind: 'teams', target: teams });
    expect(masked).toBe('https://prod-01.westeurope.logic.azure.com/…sig9');
    expect(masked).not.toContain('workflows');
  });

  it('shows nothing of a short path or an address it cannot read', () => {
    expect(maskAlertChannelTarget({ kind: 'slack', target: 'http://10.0.0.5:8080/x' })).toBe('http://10.0.0.5:8080/…');
    expect(maskAlertChannelTarget({ kind: 'teams', target: 'not a url' })).toBe('…');
  });
});
