import { z } from 'zod';
import { FEED_EVENT_TYPES } from '@/app/lib/feed/feed-event-types';

const typesField = z
  .array(z.enum(FEED_EVENT_TYPES, { error: `each type must be one of ${FEED_EVENT_TYPES.join(', ')}` }))
  .max(FEED_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);
const urlField = z
  .string({ error: 'Give the receiving endpoint as "url", e.g. https://crm.example.com/hooks.' })
  .trim()
  .min(1, { error: 'Give the receiving endpoint as "url", e.g. https://crm.example.com/hooks.' })
  .max(2_000);
const descriptionField = z.string().trim().max(500);

/** `POST /api/subscriptions`: where to send, which types (all when absent or empty), a note for people. */
export const createSubscriptionBodySchema = z.object({
  url: urlField,
  types: typesField.optional(),
  description: descriptionField.optional(),
});

/** `PATCH /api/subscriptions/<id>`: any of the fields, and switching it on or off. */
export const updateSubscriptionBodySchema = z
  .object({
    url: urlField.optional(),
    types: typesField.optional(),
    description: descriptionField.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send at least one of url, types, description, enabled.',
  });

/** `POST /api/subscriptions/<id>/resend`: one event again, or every event since a time. */
export const resendBodySchema = z.union(
  [
    z.object({ eventId: z.string().trim().min(1).max(100) }).strict(),
    z.object({ since: z.iso.datetime({ offset: true }).transform((value) => new Date(value)) }).strict(),
  ],
  { error: 'Send {"eventId": "evt_…"} or {"since": "<ISO time>"}.' },
);

export type CreateSubscriptionBody = z.output<typeof createSubscriptionBodySchema>;
export type UpdateSubscriptionBody = z.output<typeof updateSubscriptionBodySchema>;
export type ResendBody = z.output<typeof resendBodySchema>;
