import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { createTestHook, sendWebhook } from '@/app/testing/webhook-test-helpers';

const fieldName = fc.oneof(
  fc.constantFrom(
    'envelopeId',
    'EnvelopeID',
    'action',
    'ACTION',
    'recipientEmail',
    'recipientOrder',
    'FTOSIsFinishCallback',
    'Data',
    'test',
  ),
  fc.string({ maxLength: 12 }),
);
const fieldValue = fc.oneof(
  fc.constantFrom('', '##EnvelopeId##', 'workstepOpened', 'envelopeFinished', '1', '-1', '2.5', 'x'.repeat(200)),
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/),
);
const query = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString()),
);
const body = fc.option(
  fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.dictionary(fieldName, fieldValue).map((data) => JSON.stringify({ Data: data })),
    fc.dictionary(fieldName, fieldValue).map((data) => new URLSearchParams(data).toString()),
  ),
  { nil: undefined },
);
const contentType = fc.option(
  fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json; charset=utf-8',
  ),
  { nil: undefined },
);

describe('whatever a sender sends', () => {
  it('is never answered with a 5xx, and a refused request writes nothing but its log entry', async () => {
    const hook = await createTestHook('property');
    await fc.assert(
      fc.asyncProperty(query, body, contentType, async (rawQuery, rawBody, type) => {
        const envelopesBefore = await prisma.envelope.count({ where: { hookId: hook.id } });
        const deliveriesBefore = await prisma.delivery.count({ where: { hookId: hook.id } });
        const response = await sendWebhook(hook.id, {
          method: rawBody === undefined ? 'GET' : 'POST',
          query: encodeURI(rawQuery).replace(/#/g, '%23'),
          body: rawBody,
          contentType: type,
        });
        expect(response.status).toBeLessThan(500);
        expect(await prisma.delivery.count({ where: { hookId: hook.id } })).toBe(deliveriesBefore + 1);
        if (response.status !== 200) {
          expect(response.body.error).toEqual({
            code: expect.stringMatching(/^[a-z_]+$/),
            message: expect.any(String),
          });
          expect(await prisma.envelope.count({ where: { hookId: hook.id } })).toBe(envelopesBefore);
        }
      }),
      { numRuns: 150 },
    );
  });
});
