import { describe, expect, inject, it } from 'vitest';
import { Prisma } from '@/app/generated/prisma/sqlite/client';
import { prisma } from '@/app/lib/db/prisma';
import { explainQueryPlan } from '@/app/testing/explain-query-plan';
import { createTestHook, sendWebhook, uniqueEnvelopeId } from '@/app/testing/webhook-test-helpers';
import { COUNT_FAILED_RECONCILIATIONS_SQL, countFailedReconciliations } from './count-failed-reconciliations';
import { dueForReconciliation } from './reconcile-envelope';

const provider = inject('databaseProvider');

/** The count as Prisma's own query gives it, by a full look at every envelope. */
const countByPrisma = () => prisma.envelope.count({ where: { reconciliation: 'failed' } });

describe(`countFailedReconciliations on ${provider}`, () => {
  it('counts the envelopes whose reconciliation failed, and only those', async () => {
    const hook = await createTestHook('Failed reconciliations');
    const failed = uniqueEnvelopeId();
    const confirmed = uniqueEnvelopeId();
    for (const envelopeId of [failed, confirmed]) {
      expect((await sendWebhook(hook.id, { query: { envelopeId, action: 'workstepOpened' } })).status).toBe(200);
    }
    await prisma.envelope.update({
      where: { id: failed },
      data: { reconciliation: 'failed', nextReconcileAt: new Date(Date.now() + 60_000) },
    });
    await prisma.envelope.update({ where: { id: confirmed }, data: { reconciliation: 'confirmed' } });

    // Other test files change reconciliations meanwhile: compare only when the full count held still around ours.
    for (let attempt = 0; ; attempt++) {
      const before = await countByPrisma();
      const counted = await countFailedReconciliations();
      const after = await countByPrisma();
      if (before !== after && attempt < 5) continue;
      expect(before).toBeGreaterThanOrEqual(1);
      expect(counted).toBe(before);
      break;
    }
  });

  it('reads the index of reconciliation states, not every envelope', async () => {
    const steps = await prisma.$transaction(async (tx) => {
      if (provider === 'postgresql') await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return explainQueryPlan(tx, provider, COUNT_FAILED_RECONCILIATIONS_SQL);
    });
    expect(steps).toMatch(
      provider === 'postgresql'
        ? /"Index Name":"Envelope_reconciliation_idx"/
        : /USING COVERING INDEX Envelope_reconciliation_idx/,
    );
  });

  it.runIf(provider === 'sqlite')(
    "leaves the sweeper's search for due envelopes on the schedule's and the status's indexes",
    async () => {
      // Never-checked envelopes can be nearly all of them: the state's index must not be how they are found.
      const due = Prisma.sql`SELECT "id" FROM "Envelope" WHERE ${dueForReconciliation(new Date(), 60_000)}
        ORDER BY "nextReconcileAt" ASC LIMIT 50`;
      const steps = await explainQueryPlan(prisma, provider, due);
      expect(steps).toContain('Envelope_nextReconcileAt_idx');
      expect(steps).not.toContain('Envelope_reconciliation_idx');
    },
  );
});
