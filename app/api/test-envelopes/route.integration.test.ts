import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { TEST_ENVELOPE_PREFIX } from '@/app/lib/envelopes/test-envelopes';
import { createTestHook, getEnvelopeRow, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { DELETE } from './route';

describe('DELETE /api/test-envelopes', () => {
  it("removes the test notifications' envelopes and their deliveries, never a real envelope", async () => {
    const hook = await createTestHook();
    const testId = `${TEST_ENVELOPE_PREFIX}${Date.now()}-${uniqueEnvelopeId()}`;
    const realId = uniqueEnvelopeId();
    for (const envelopeId of [testId, realId]) {
      const answer = await sendWebhook(hook.id, { query: { envelopeId, action: 'workstepOpened', test: '1' } });
      expect(answer.status).toBe(200);
    }
    expect(await getEnvelopeRow(testId)).toMatchObject({ isTest: true });
    expect(await getEnvelopeRow(realId)).toMatchObject({ isTest: false });

    const response = await DELETE(new Request('http://localhost/api/test-envelopes', { method: 'DELETE' }));
    expect(response.status).toBe(200);
    expect((await response.json()).deleted).toBeGreaterThanOrEqual(1);
    expect(await getEnvelopeRow(testId)).toBeNull();
    expect(await prisma.delivery.count({ where: { envelopeId: testId } })).toBe(0);
    expect(await getEnvelopeRow(realId)).toMatchObject({ isTest: false });
    expect(await prisma.delivery.count({ where: { envelopeId: realId } })).toBe(1);
  });
});
