import { createTestHook, sendWebhook, uniqueEnvelopeId, waitForNextMillisecond } from './webhook-test-helpers';

export type EnvelopeSeed = {
  /** The fields of the envelope's first notification, sent as a query string; its envelopeId comes first. */
  query: Record<string, string>;
  /** Then a finish callback for it. */
  finish?: boolean;
};

/**
 * One envelope per seed, through the webhook, in this order (the last is the newest, a millisecond at least after
 * the one before), under a new hook of the caller's own, so tests run in any order.
 */
export async function seedEnvelopes(seeds: EnvelopeSeed[], hookName?: string) {
  const hook = await createTestHook(hookName);
  const ids: string[] = [];
  for (const { query, finish } of seeds) {
    await waitForNextMillisecond();
    const envelopeId = uniqueEnvelopeId();
    ids.push(envelopeId);
    const response = await sendWebhook(hook.id, { query: { envelopeId, ...query } });
    if (response.status !== 200) throw new Error(`the webhook answered ${response.status} to a seed notification`);
    if (finish) {
      await sendWebhook(hook.id, { query: { envelopeId, action: 'envelopeFinished', FTOSIsFinishCallback: '1' } });
    }
  }
  return { hook, ids };
}
