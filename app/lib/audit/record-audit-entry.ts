import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { getEnvironment } from '@/app/lib/env';
import { getSourceAddress, readableAddress } from '@/app/lib/webhooks/source-address';
import type { AuditAction, AuditOutcome } from './audit-actions';
import { identifyActor, type AuditActor } from './identify-actor';

const MAX_USER_AGENT_CHARS = 300;
const MAX_TARGET_ID_CHARS = 200;

/**
 * Appends one entry to the audit log: the action, who did it (from the request), from where, to what, and how it
 * went. Awaited by the route before it answers, so an action the log cannot record does not happen unrecorded.
 */
export async function recordAuditEntry(options: {
  /** Absent for what the server does on its own (a command-line tool, start-up): then `actor` says who. */
  request?: Request;
  action: AuditAction;
  target?: { type: string; id: string | null };
  outcome?: AuditOutcome;
  /** Never a secret: which file, which fields, how many. */
  detail?: Record<string, unknown>;
  /** When the request itself does not tell (a sign-in names the account it tried). */
  actor?: AuditActor;
  now?: Date;
}): Promise<void> {
  const { request } = options;
  const actor =
    options.actor ?? (request ? identifyActor(request.headers) : { kind: 'system' as const, name: 'server' });
  await prisma.auditEntry.create({
    data: {
      at: options.now ?? new Date(),
      actorKind: actor.kind,
      actor: actor.name,
      action: options.action,
      targetType: options.target?.type ?? null,
      targetId: options.target?.id?.slice(0, MAX_TARGET_ID_CHARS) ?? null,
      outcome: options.outcome ?? 'success',
      ...(options.detail || actor.tokenName
        ? { detail: { ...options.detail, ...(actor.tokenName ? { token: actor.tokenName } : {}) } as object }
        : {}),
      sourceAddress: request
        ? readableAddress(getSourceAddress(request.headers, getEnvironment().TRUSTED_PROXY_HOPS))
        : null,
      userAgent: request?.headers.get('user-agent')?.slice(0, MAX_USER_AGENT_CHARS) ?? null,
    },
  });
}
