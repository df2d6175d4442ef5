import type { AlertFailure } from './alert-not-found';

// Every alert round reads every channel and rule, so their number is bounded; far above what a team configures.
export const MAX_ALERT_CHANNELS = 100;
export const MAX_ALERT_RULES = 200;

export const tooManyAlertChannels = (limit: number): AlertFailure => ({
  ok: false,
  status: 409,
  code: 'too_many_channels',
  message: `There are already ${limit} alert channels, the most there can be: delete one no rule needs (DELETE /api/alerts/channels/<id>) first.`,
});

export const tooManyAlertRules = (limit: number): AlertFailure => ({
  ok: false,
  status: 409,
  code: 'too_many_rules',
  message: `There are already ${limit} alert rules, the most there can be: delete one you no longer need (DELETE /api/alerts/rules/<id>) first.`,
});
