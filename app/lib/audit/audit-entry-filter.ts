import type { AuditQuery } from './audit-schemas';

/** The Prisma filter of an audit query: an actor, actions, a target id, a time range. */
export function auditEntryFilter(query: Omit<AuditQuery, 'cursor' | 'limit'>) {
  return {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.action?.length ? { action: { in: query.action } } : {}),
    ...(query.target ? { targetId: query.target } : {}),
    ...(query.from || query.to
      ? { at: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } }
      : {}),
  };
}
