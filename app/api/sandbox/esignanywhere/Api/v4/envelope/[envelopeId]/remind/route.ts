import { sandboxEnvelopeHandler } from '@/app/lib/sandbox/load-sandbox-envelope-for-api';
import { remindSandboxEnvelope } from '@/app/lib/sandbox/remind-sandbox-envelope';
import { sandboxApiError, sandboxApiJson } from '@/app/lib/sandbox/sandbox-api-response';

export const dynamic = 'force-dynamic';

/**
 * Sandbox eSignAnyWhere v4 (reminders are a v4 call): reminds the recipients the envelope waits on, at most once an
 * hour each, recorded as ReminderSent events; `{ Count, AvoidedDueToRateLimitCount, AvoidedDueToDisabledEmailCount }`.
 */
export const GET = sandboxEnvelopeHandler(async (envelope) => {
  const answer = await remindSandboxEnvelope(envelope);
  if (!answer.ok) return sandboxApiError(400, 'ERR0011', answer.message);
  return sandboxApiJson({
    Count: answer.Count,
    AvoidedDueToRateLimitCount: answer.AvoidedDueToRateLimitCount,
    AvoidedDueToDisabledEmailCount: answer.AvoidedDueToDisabledEmailCount,
  });
});
