import { z } from 'zod';
import { AUDIT_ACTION_NAMES } from './audit-actions';

const time = z.iso
  .datetime({ offset: true, error: 'Give times as ISO 8601, e.g. 2026-12-01T08:00:00Z.' })
  .transform((value) => new Date(value));

/** `GET /api/audit?actor=&action=&target=&from=&to=&cursor=&limit=` and the CSV export's filters. */
export const auditQuerySchema = z.object({
  actor: z.string().trim().min(1).max(320).optional(),
  action: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(AUDIT_ACTION_NAMES, { error: `each action must be one of ${AUDIT_ACTION_NAMES.join(', ')}` })))
    .optional(),
  target: z.string().trim().min(1).max(200).optional(),
  from: time.optional(),
  to: time.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'Give the "cursor" a previous answer returned as nextCursor.' })
    .transform(Number)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AuditQuery = z.output<typeof auditQuerySchema>;
