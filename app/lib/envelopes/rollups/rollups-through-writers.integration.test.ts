import { describe, expect, it } from 'vitest';
import { replayDelivery } from '@/app/lib/deliveries/replay-delivery';
import { prisma } from '@/app/lib/db/prisma';
import { sweepSigningWork } from '@/app/lib/reconciliation/sweep-signing-work';
import { startFakeEsignAnyWhereForFile } from '@/app/testing/fake-esignanywhere-for-file';
import { noEnvelopesPerStatus } from '@/app/testing/no-envelopes-per-status';
import { notifyFinishedEnvelope } from '@/app/testing/signing-test-helpers';
import { sendWebhook } from '@/app/testing/webhook-test-helpers';
import { countEnvelopesByStatus } from '../count-envelopes-by-status';
import { bringRollupsUpToDate } from './bring-rollups-up-to-date';
import { envelopeFigures, signatureWaitFigures } from './envelope-figures';

// The app's own writers (both ingest paths through the webhook route, reconciliation with the signing service,
// replays) keep the rollups right with nothing but the database's triggers: after each, the envelope's rollup rows
// equal what its rows say now, and its hook's status counts equal a recount. Other test files write to the same
// database meanwhile, so only this file's envelopes and hooks are compared.

const { fake, provider } = await startFakeEsignAnyWhereForFile();

async function expectRollupsOf(envelopeId: string, hookId: string) {
  expect(await bringRollupsUpToDate()).toBe(true);
  const envelope = await prisma.envelope.findUniqueOrThrow({
    where: { id: envelopeId },
    include: { recipients: true },
  });
  expect(await prisma.envelopeRollup.findUnique({ where: { envelopeId } })).toEqual(envelopeFigures(envelope));
  const waits = envelope.recipients.map(signatureWaitFigures).filter((wait) => wait !== null);
  expect(await prisma.signatureWait.findMany({ where: { envelopeId }, orderBy: { recipientId: 'asc' } })).toEqual(
    waits.sort((a, b) => a.recipientId - b.recipientId),
  );
  const recount = noEnvelopesPerStatus();
  for (const row of await prisma.envelope.groupBy({ by: ['status'], where: { hookId }, _count: { _all: true } })) {
    recount[row.status] = row._count._all;
  }
  expect(await countEnvelopesByStatus({ filters: { hook: hookId, tests: 'include' } })).toEqual(recount);
  return envelope;
}

describe('rollups kept by the app’s writers', () => {
  it('follow notifications, the signing service’s confirmation, a replay and a deletion', async () => {
    const { hook, envelopeId } = await notifyFinishedEnvelope();
    const held = await expectRollupsOf(envelopeId, hook.id);
    expect(held.status).toBe('partially_signed');

    fake.setEnvelope(envelopeId, {
      status: 'Completed',
      activities: [
        { email: 'ana@example.com', givenName: 'Ana', surname: 'Popescu', status: 'Completed' },
        { email: 'bo@example.com', givenName: 'Bo', surname: 'Berg', status: 'Completed' },
      ],
    });
    await sweepSigningWork({ provider, envelopeIds: [envelopeId] });
    const completed = await expectRollupsOf(envelopeId, hook.id);
    expect(completed.status).toBe('completed');
    expect(await prisma.envelopeRollup.findUnique({ where: { envelopeId } })).toMatchObject({
      completedAt: completed.finishedAt,
    });

    const opened = await sendWebhook(hook.id, { query: { envelopeId, action: 'workstepOpened', recipientOrder: '1' } });
    expect(opened.status).toBe(200);
    const delivery = await prisma.delivery.findFirstOrThrow({ where: { envelopeId }, orderBy: { receivedAt: 'asc' } });
    await replayDelivery({ deliveryId: delivery.id });
    await expectRollupsOf(envelopeId, hook.id);

    await prisma.envelope.delete({ where: { id: envelopeId } });
    expect(await bringRollupsUpToDate()).toBe(true);
    expect(await prisma.envelopeRollup.findUnique({ where: { envelopeId } })).toBeNull();
    expect(await prisma.signatureWait.count({ where: { envelopeId } })).toBe(0);
    expect(await countEnvelopesByStatus({ filters: { hook: hook.id } })).toEqual(noEnvelopesPerStatus());
  });
});
