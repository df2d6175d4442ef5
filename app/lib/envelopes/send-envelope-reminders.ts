import 'server-only';
import type { ProviderReminderResult, SigningProvider } from '@/app/lib/signing/signing-provider';
import { getSigningProvider } from '@/app/lib/signing/get-signing-provider';
import { remindersNotSupportedMessage, sendEnvelopeReminder } from './send-envelope-reminder';

/** The most envelopes one request reminds: a page of the list. */
export const MAX_REMINDER_ENVELOPES = 200;

/** At most this many requests to the signing service at once: it limits how fast one account may call it. */
const REMINDERS_AT_ONCE = 4;

export type EnvelopeReminderOutcome =
  | ({ envelopeId: string; ok: true } & ProviderReminderResult)
  | { envelopeId: string; ok: false; code: string; message: string };

export type SendEnvelopeRemindersResult =
  ({ ok: true } & EnvelopeReminders) | { ok: false; status: 409; code: 'reminders_not_supported'; message: string };

type EnvelopeReminders = {
  items: EnvelopeReminderOutcome[];
  /** Over every envelope reminded: recipients reminded, and held back by the service's rate limit or their settings. */
  totals: ProviderReminderResult & { envelopesReminded: number; envelopesRefused: number };
};

/**
 * "Send reminders" for a selection of the list: each envelope as "Send reminder" on its own page would (finished,
 * unknown and failing ones are refused one by one, the rest still go), in the order given, each id once. Refused as a
 * whole where the signing service cannot remind.
 */
export async function sendEnvelopeReminders(options: {
  envelopeIds: readonly string[];
  provider?: SigningProvider | null;
  now?: () => Date;
}): Promise<SendEnvelopeRemindersResult> {
  const provider = options.provider === undefined ? getSigningProvider() : options.provider;
  if (!provider?.remind) {
    return { ok: false, status: 409, code: 'reminders_not_supported', message: remindersNotSupportedMessage(provider) };
  }
  const envelopeIds = [...new Set(options.envelopeIds)];
  const items: EnvelopeReminderOutcome[] = new Array(envelopeIds.length);
  let next = 0;
  const worker = async () => {
    while (next < envelopeIds.length) {
      const index = next++;
      const envelopeId = envelopeIds[index]!;
      const result = await sendEnvelopeReminder({ envelopeId, provider, now: options.now });
      items[index] = result.ok
        ? {
            envelopeId,
            ok: true,
            reminded: result.reminded,
            skippedRateLimit: result.skippedRateLimit,
            skippedDisabledEmail: result.skippedDisabledEmail,
          }
        : { envelopeId, ok: false, code: result.code, message: result.message };
    }
  };
  await Promise.all(Array.from({ length: Math.min(REMINDERS_AT_ONCE, envelopeIds.length) }, worker));

  const totals = {
    reminded: 0,
    skippedRateLimit: 0,
    skippedDisabledEmail: 0,
    envelopesReminded: 0,
    envelopesRefused: 0,
  };
  for (const item of items) {
    if (!item.ok) {
      totals.envelopesRefused += 1;
      continue;
    }
    totals.reminded += item.reminded;
    totals.skippedRateLimit += item.skippedRateLimit;
    totals.skippedDisabledEmail += item.skippedDisabledEmail;
    if (item.reminded > 0) totals.envelopesReminded += 1;
  }
  return { ok: true, items, totals };
}
