import { FINISH_CALLBACK_ACTION, SIGNING_SERVICE_ACTIONS } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { getMetrics } from './metrics-registry';

const KNOWN_ACTIONS = new Set<string>([...SIGNING_SERVICE_ACTIONS, FINISH_CALLBACK_ACTION]);
const MAX_HOOK_LABEL_CHARS = 64;

/**
 * Counts one notification by hook name, action and outcome. Actions a sender made up count as "other" and an
 * unparsed one as "none", hooks not found as "unknown": every label has a bounded set of values.
 */
export function countNotification(options: {
  hook: string | null;
  action: string | null;
  outcome: 'accepted' | 'duplicate' | 'refused';
  code: string | null;
}): void {
  getMetrics().notificationsReceived.inc({
    hook: options.hook === null ? 'unknown' : options.hook.slice(0, MAX_HOOK_LABEL_CHARS),
    action: options.action === null ? 'none' : KNOWN_ACTIONS.has(options.action) ? options.action : 'other',
    outcome: options.outcome,
    code: options.code ?? '',
  });
}
