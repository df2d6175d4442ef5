import { describe, expect, it } from 'vitest';
import { recipientState, recipientStateLabel } from './recipient-state';

const recipient = {
  order: 1,
  email: 'ana@example.com',
  invitedAt: null,
  firstOpenedAt: null,
  openCount: 0,
  finishedAt: null,
  rejectedAt: null,
  delegatedAt: null,
};
const at = '2025-01-01T10:00:00.000Z';

describe('recipientState', () => {
  it('follows the furthest step', () => {
    expect(recipientState(recipient)).toBe('pending');
    expect(recipientState({ ...recipient, invitedAt: at })).toBe('invited');
    expect(recipientState({ ...recipient, invitedAt: at, firstOpenedAt: at, openCount: 2 })).toBe('opened');
    expect(recipientState({ ...recipient, firstOpenedAt: at, delegatedAt: at })).toBe('delegated');
    expect(recipientState({ ...recipient, firstOpenedAt: at, finishedAt: at })).toBe('signed');
  });

  it('puts a rejection above everything', () => {
    expect(recipientState({ ...recipient, finishedAt: at, rejectedAt: at })).toBe('rejected');
  });
});

describe('recipientStateLabel', () => {
  it('capitalises the state', () => {
    expect(recipientStateLabel('signed')).toBe('Signed');
    expect(recipientStateLabel('pending')).toBe('Pending');
  });
});
