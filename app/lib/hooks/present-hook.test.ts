import { describe, expect, it } from 'vitest';
import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { presentHook } from './present-hook';

const hook: Hook = {
  id: 'abcdefghijklmnopqrstuvwxyz012345',
  name: 'Production',
  signingSecret: null,
  allowedNetworks: ['10.0.0.0/8'],
  origin: 'dashboard',
  rateLimitPerSecond: null,
  createdAt: new Date('2026-11-30T10:00:00Z'),
  revokedAt: null,
};

describe('presentHook', () => {
  it('shows a stored network list that is not a list of strings (such as {}) as empty instead of failing', () => {
    expect(presentHook(hook).allowedNetworks).toEqual(['10.0.0.0/8']);
    for (const stored of [{}, null, 'x', [1, 2]]) {
      expect(presentHook({ ...hook, allowedNetworks: stored }).allowedNetworks).toEqual([]);
    }
  });

  it('offers the three callback URLs and the plain address a signed hook is posted to', () => {
    const presented = presentHook(hook);
    expect(presented.url).toMatch(/\/api\/webhooks\/abcdefghijklmnopqrstuvwxyz012345$/);
    expect(presented.webhookStatusUrl).toContain('?envelopeId=##EnvelopeId##&action=##Action##');
    expect(presented.workstepEventUrl).toContain('&EventType=##EventType##&WorkstepId=##WorkstepId##');
    expect(presented.defaultRateLimitPerSecond).toBe(5000);
  });
});
