import { z } from 'zod';
import { cursorParamSchema } from '@/app/lib/api/cursor';

export const ENVELOPE_STATUSES = ['sent', 'opened', 'partially_signed', 'completed', 'rejected', 'expired', 'canceled'] as const;

const date = z.iso
  .date()
  .or(z.iso.datetime({ offset: true }))
  .transform((value) => new Date(value));

export const listEnvelopesQuerySchema = z.object({
  status: z.enum(ENVELOPE_STATUSES, { error: `must be one of ${ENVELOPE_STATUSES.join(', ')}` }).optional(),
  q: z.string().max(200).optional(),
  hook: z.string().max(128).optional(),
  from: date.optional(),
  to: date.optional(),
  cursor: cursorParamSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListEnvelopesQuery = z.output<typeof listEnvelopesQuerySchema>;
