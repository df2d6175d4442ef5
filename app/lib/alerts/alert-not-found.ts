/** The answer for an id that names no channel or rule (any more). */
export const alertChannelNotFound = () =>
  ({
    ok: false,
    status: 404,
    code: 'channel_not_found',
    message: 'No such alert channel: it may have been deleted. GET /api/alerts/channels lists them.',
  }) as const;

export const alertRuleNotFound = () =>
  ({
    ok: false,
    status: 404,
    code: 'rule_not_found',
    message: 'No such alert rule: it may have been deleted. GET /api/alerts/rules lists them.',
  }) as const;

export type AlertFailure = { ok: false; status: number; code: string; message: string };
