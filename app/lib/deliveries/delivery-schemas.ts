import { z } from 'zod';
import { cursorParamSchema } from '@/app/lib/api/cursor';

export const DELIVERY_OUTCOMES = ['accepted', 'duplicate', 'rejected'] as const;

export const listDeliveriesQuerySchema = z.object({
  hook: z.string().max(128).optional(),
  outcome: z.enum(DELIVERY_OUTCOMES, { error: `must be one of ${DELIVERY_OUTCOMES.join(', ')}` }).optional(),
  envelope: z.string().max(128).optional(),
  cursor: cursorParamSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuerySchema>;
