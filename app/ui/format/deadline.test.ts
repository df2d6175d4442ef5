import { describe, expect, it } from 'vitest';
import { describeDeadline } from './deadline';

const now = new Date('2025-05-10T12:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();

describe('describeDeadline', () => {
  it("counts down to an open envelope's deadline, highlighted within three days", () => {
    expect(describeDeadline({ expiresAt: inDays(2), status: 'opened', open: true }, now, 'UTC')).toEqual({
      text: 'expires in 2 days',
      tone: 'soon',
    });
    expect(describeDeadline({ expiresAt: inDays(5), status: 'sent', open: true }, now, 'UTC')).toEqual({
      text: 'expires in 5 days',
      tone: 'later',
    });
    expect(describeDeadline({ expiresAt: inDays(90), status: 'sent', open: true }, now, 'UTC')).toEqual({
      text: 'expires on 8 Aug 2025',
      tone: 'later',
    });
  });

  it('says "expired" for an expired envelope or a deadline passed', () => {
    expect(describeDeadline({ expiresAt: inDays(-2), status: 'expired', open: false }, now, 'UTC')).toEqual({
      text: 'expired 2 days ago',
      tone: 'expired',
    });
    expect(describeDeadline({ expiresAt: inDays(-0.25), status: 'opened', open: true }, now, 'UTC')?.text).toBe(
      'expired 6 h ago',
    );
    expect(describeDeadline({ expiresAt: inDays(-60), status: 'expired', open: false }, now, 'UTC')?.text).toBe(
      'expired on 11 Mar 2025',
    );
  });

  it('says nothing when the deadline is unknown or no longer matters', () => {
    expect(describeDeadline({ expiresAt: null, status: 'opened', open: true }, now)).toBeNull();
    expect(describeDeadline({ expiresAt: inDays(1), status: 'completed', open: false }, now)).toBeNull();
  });
});
