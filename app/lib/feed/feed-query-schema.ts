import { z } from 'zod';
import { envelopeIdSchema } from '@/app/lib/envelopes/envelope-id-schema';
import { decodeFeedCursor } from './feed-cursor';
import { FEED_EVENT_TYPES, isFeedEventType, type FeedEventType } from './feed-event-types';

export const MAX_FEED_PAGE = 500;

/** `GET /api/events?after=&type=a,b&envelope=&limit=`. */
export const feedQuerySchema = z.object({
  after: z
    .string()
    .transform((value, context) => {
      const position = decodeFeedCursor(value);
      if (position === null) {
        context.addIssue({ code: 'custom', message: 'is not a cursor of this feed; start again without it' });
        return z.NEVER;
      }
      return position;
    })
    .optional(),
  type: z
    .string()
    .transform((value, context) => {
      const types = [...new Set(value.split(',').map((type) => type.trim()))].filter(Boolean);
      const unknown = types.filter((type) => !isFeedEventType(type));
      if (unknown.length > 0) {
        context.addIssue({
          code: 'custom',
          message: `${unknown.join(', ')} is not an event type; use one or more of ${FEED_EVENT_TYPES.join(', ')}`,
        });
        return z.NEVER;
      }
      return types as FeedEventType[];
    })
    .optional(),
  envelope: envelopeIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_FEED_PAGE).default(100),
});

export type FeedQuery = z.output<typeof feedQuerySchema>;
