import { z } from 'zod';
import { ALERT_CHANNEL_KINDS, ALERT_KINDS, type AlertKind } from './alert-kinds';

const nameField = z.string().trim().max(100);
const targetField = z
  .string({ error: 'Give "target": e-mail addresses, a Slack or Teams webhook URL, or a subscription id.' })
  .trim()
  .min(1, { error: 'Give "target": e-mail addresses, a Slack or Teams webhook URL, or a subscription id.' })
  .max(2_000);
const timeZoneField = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, { error: 'Give an IANA time zone such as Europe/Bucharest or UTC.' });
const digestTimeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Give the summary time as HH:MM, e.g. 08:30.' });

/** A daily summary at a local time; null switches it off. */
const digestField = z.object({ time: digestTimeField, timeZone: timeZoneField }).strict().nullable();

/** `POST /api/alerts/channels`. */
export const createAlertChannelBodySchema = z
  .object({
    kind: z.enum(ALERT_CHANNEL_KINDS, { error: `"kind" must be one of ${ALERT_CHANNEL_KINDS.join(', ')}.` }),
    target: targetField,
    name: nameField.optional(),
    sendsAlerts: z.boolean().optional(),
    digest: digestField.optional(),
  })
  .strict();

/** `PATCH /api/alerts/channels/<id>`: the kind stays; a target given replaces the stored one. */
export const updateAlertChannelBodySchema = z
  .object({
    target: targetField.optional(),
    name: nameField.optional(),
    sendsAlerts: z.boolean().optional(),
    digest: digestField.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send at least one of target, name, sendsAlerts, digest.',
  });

const ruleShape = {
  channelIds: z
    .array(z.string().trim().min(1).max(40))
    .min(1, { error: 'Give at least one channel in "channelIds": create one with POST /api/alerts/channels.' })
    .max(20)
    .transform((ids) => [...new Set(ids)]),
  hookId: z.string().trim().min(1).max(200).nullable().optional(),
  customValue: z
    .object({ key: z.string().trim().min(1).max(100), value: z.string().max(1_000) })
    .strict()
    .nullable()
    .optional(),
  afterMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 365)
    .nullable()
    .optional(),
  threshold: z.number().int().min(1).max(1_000_000).nullable().optional(),
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .nullable()
    .optional(),
};

/** What each kind needs besides its channels. */
export const ALERT_KIND_PARAMETERS: Record<AlertKind, readonly ('afterMinutes' | 'threshold' | 'windowMinutes')[]> = {
  rejected: [],
  expired: [],
  canceled: [],
  completed: [],
  documents_failed: [],
  not_confirmed: [],
  stuck: ['afterMinutes'],
  recipient_waiting: ['afterMinutes'],
  expiring: ['afterMinutes'],
  silence: ['afterMinutes'],
  refusals: ['threshold', 'windowMinutes'],
};

/** `POST /api/alerts/rules`. */
export const createAlertRuleBodySchema = z
  .object({
    kind: z.enum(ALERT_KINDS, { error: `"kind" must be one of ${ALERT_KINDS.join(', ')}.` }),
    ...ruleShape,
    paused: z.boolean().optional(),
  })
  .strict()
  .superRefine((body, context) => {
    for (const parameter of ALERT_KIND_PARAMETERS[body.kind]) {
      if (body[parameter] == null) {
        context.addIssue({
          code: 'custom',
          path: [parameter],
          message: `A "${body.kind}" rule needs "${parameter}" (${PARAMETER_HINTS[parameter]}).`,
        });
      }
    }
  });

const PARAMETER_HINTS = {
  afterMinutes: 'minutes, e.g. 4320 for three days',
  threshold: 'how many refused notifications, e.g. 10',
  windowMinutes: 'within how many minutes, e.g. 60',
} as const;

/** `PATCH /api/alerts/rules/<id>`: the kind stays. */
export const updateAlertRuleBodySchema = z
  .object({
    channelIds: ruleShape.channelIds.optional(),
    hookId: ruleShape.hookId,
    customValue: ruleShape.customValue,
    afterMinutes: ruleShape.afterMinutes,
    threshold: ruleShape.threshold,
    windowMinutes: ruleShape.windowMinutes,
    paused: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send at least one field to change, e.g. {"paused": true}.',
  });

/** `GET /api/alerts/history?rule=&channel=&envelope=&cursor=&limit=`. */
export const alertHistoryQuerySchema = z.object({
  rule: z.string().trim().min(1).max(40).optional(),
  channel: z.string().trim().min(1).max(40).optional(),
  envelope: z.string().trim().min(1).max(200).optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'Give the "cursor" a previous answer returned as nextCursor.' })
    .transform(Number)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type CreateAlertChannelBody = z.output<typeof createAlertChannelBodySchema>;
export type UpdateAlertChannelBody = z.output<typeof updateAlertChannelBodySchema>;
export type CreateAlertRuleBody = z.output<typeof createAlertRuleBodySchema>;
export type UpdateAlertRuleBody = z.output<typeof updateAlertRuleBodySchema>;
export type AlertHistoryQuery = z.output<typeof alertHistoryQuerySchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
