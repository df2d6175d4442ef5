import 'server-only';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { envelopeDisplayName } from '@/app/lib/envelopes/envelope-display-name';
import { OPEN_STATUSES, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import { TIMED_ALERT_KINDS } from './alert-kinds';
import { ALERT_EVALUATOR_ROW, readAlertEvaluatorState } from './alert-evaluator-state';
import { ALERT_TRANSACTION_TIMEOUT_MS } from './raise-feed-alerts';
import { describeAlert, type AlertSubject } from './describe-alert';
import { isInAlertRuleScope, loadActiveAlertRules, type ActiveAlertRule } from './load-active-alert-rules';
import { endAlerts, raiseAlerts, type AlertCandidate } from './raise-alerts';

const MINUTE_MS = 60_000;
/** Checks closer together than this are skipped: once a minute is the promise, and several instances share it. */
export const TIMED_CHECK_INTERVAL_MS = 55_000;
/**
 * Envelopes examined per rule and check; a backlog (a new "stuck" rule on a year of abandoned envelopes) is worked
 * through over the following checks, so no check holds the database's write lock for long.
 */
export const ENVELOPES_PER_CHECK = 250;
/** Envelopes with recent activity examined per check for a wait that began before the mark (the next signer's). */
const CHANGED_PER_CHECK = 1_000;
/**
 * Each check re-reads this far behind where the last one stopped: a notification stored late may carry an older
 * time. What was raised already is recognised by its occasion key.
 */
const LATE_ARRIVAL_MS = 60 * MINUTE_MS;

type EnvelopeRow = {
  id: string;
  name: string | null;
  hookId: string;
  status: EnvelopeStatus;
  customValues: unknown;
  isTest: boolean;
  lastEventAt: Date;
  waitingSince: Date | null;
  waitingOnEmail: string | null;
  waitingOnName: string | null;
  expiresAt: Date | null;
};
const ENVELOPE_FIELDS = {
  id: true,
  name: true,
  hookId: true,
  status: true,
  customValues: true,
  isTest: true,
  lastEventAt: true,
  waitingSince: true,
  waitingOnEmail: true,
  waitingOnName: true,
  expiresAt: true,
} as const;

type RuleCheck = {
  candidates: AlertCandidate[];
  ended: number[];
  /** Where the next check starts: a time, and for a backlog the last envelope read at that time. */
  checkedUntil?: { at: Date; afterId: string | null };
};

/**
 * The conditions that last (stuck, a recipient waiting, expiring, a silent hook, refusals piling up), checked against
 * `now` at most once per CHECK_INTERVAL_MS across all instances. An occasion's key holds since when the condition
 * holds (the envelope's last activity, the recipient's wait, the deadline, the last notification), so a condition
 * that ended and came back is a new occasion; refusals end when the count falls below the threshold. Returns whether
 * it checked.
 */
export async function raiseTimedAlerts(options: { now: Date; minIntervalMs?: number }): Promise<boolean> {
  const { now } = options;
  const state = await readAlertEvaluatorState();
  // Either way round: a clock set back starts checking again instead of waiting for the old time to come back.
  const sinceLast = state.timedCheckAt ? Math.abs(now.getTime() - state.timedCheckAt.getTime()) : Infinity;
  if (sinceLast < (options.minIntervalMs ?? TIMED_CHECK_INTERVAL_MS)) return false;
  const rules = await loadActiveAlertRules({ kinds: TIMED_ALERT_KINDS });
  // Every hook once per check: names for the words, the live ones for silence and refusals.
  const hooks = await prisma.hook.findMany({ select: { id: true, name: true, createdAt: true, revokedAt: true } });
  const liveHooks = hooks.filter((hook) => hook.revokedAt === null);
  const hookNames = new Map(hooks.map((hook) => [hook.id, hook.name]));
  const checks = new Map<string, RuleCheck>();
  for (const rule of rules) checks.set(rule.id, await checkRule(rule, now, hookNames, liveHooks, state.timedCheckAt));

  return prisma.$transaction(
    async (tx) => {
      const claimed = await tx.alertEvaluator.updateMany({
        where: { id: ALERT_EVALUATOR_ROW, timedCheckAt: state.timedCheckAt },
        data: { timedCheckAt: now },
      });
      if (claimed.count === 0) return false;
      for (const rule of rules) {
        const check = checks.get(rule.id)!;
        await endAlerts(tx, check.ended, now);
        await raiseAlerts(tx, check.candidates, now);
        if (check.checkedUntil) {
          await tx.alertRule.updateMany({
            where: { id: rule.id },
            data: { checkedUntil: check.checkedUntil.at, checkedAfterId: check.checkedUntil.afterId },
          });
        }
      }
      return true;
    },
    { timeout: ALERT_TRANSACTION_TIMEOUT_MS },
  );
}

async function checkRule(
  rule: ActiveAlertRule,
  now: Date,
  hookNames: Map<string, string>,
  liveHooks: readonly LiveHook[],
  previousCheckAt: Date | null,
): Promise<RuleCheck> {
  const afterMs = (rule.afterMinutes ?? 0) * MINUTE_MS;
  switch (rule.kind) {
    case 'stuck':
      return checkLasting(rule, now, hookNames, {
        field: 'lastEventAt',
        cutoff: new Date(now.getTime() - afterMs),
        anchorOf: (envelope) => envelope.lastEventAt,
        keyOf: (envelope) => `${envelope.id}@${envelope.lastEventAt.toISOString()}`,
      });
    case 'recipient_waiting':
      return checkLasting(rule, now, hookNames, {
        field: 'waitingSince',
        cutoff: new Date(now.getTime() - afterMs),
        // The next recipient's wait may have begun long ago (all invited at once): it shows as activity instead.
        changedSince: previousCheckAt ? new Date(previousCheckAt.getTime() - LATE_ARRIVAL_MS) : undefined,
        anchorOf: (envelope) => envelope.waitingSince!,
        keyOf: (envelope) =>
          `${envelope.id}#${envelope.waitingOnEmail ?? envelope.waitingOnName ?? ''}@${envelope.waitingSince!.toISOString()}`,
      });
    case 'expiring':
      return checkExpiring(rule, now, hookNames, afterMs);
    case 'silence':
      return checkSilence(rule, now, scoped(liveHooks, rule), afterMs);
    case 'refusals':
      return checkRefusals(rule, now, scoped(liveHooks, rule));
    default:
      return { candidates: [], ended: [] };
  }
}

/** Stuck and waiting: open envelopes whose anchor passed the cutoff since the last check. */
async function checkLasting(
  rule: ActiveAlertRule,
  now: Date,
  hookNames: Map<string, string>,
  options: {
    field: 'lastEventAt' | 'waitingSince';
    cutoff: Date;
    /** Also examine envelopes with activity since then whose anchor is already past the cutoff. */
    changedSince?: Date;
    anchorOf: (envelope: EnvelopeRow) => Date;
    keyOf: (envelope: EnvelopeRow) => string;
  },
): Promise<RuleCheck> {
  const lower = rule.checkedUntil ?? undefined;
  // After a backlog, on from the last envelope read (time, then id), so that any number at one time is worked through.
  const from = !lower
    ? {}
    : rule.checkedAfterId
      ? { OR: [{ [options.field]: { gt: lower } }, { [options.field]: lower, id: { gt: rule.checkedAfterId } }] }
      : { [options.field]: { gte: lower } };
  const rows = (await prisma.envelope.findMany({
    where: {
      status: { in: OPEN_STATUSES },
      [options.field]: { lt: options.cutoff },
      ...from,
      ...(rule.hookId ? { hookId: rule.hookId } : {}),
    },
    orderBy: [{ [options.field]: 'asc' }, { id: 'asc' }],
    take: ENVELOPES_PER_CHECK + 1,
    select: ENVELOPE_FIELDS,
  })) as EnvelopeRow[];
  const backlog = rows.length > ENVELOPES_PER_CHECK;
  const examined = rows.slice(0, ENVELOPES_PER_CHECK);
  if (options.changedSince && lower) {
    const changed = (await prisma.envelope.findMany({
      where: {
        status: { in: OPEN_STATUSES },
        lastEventAt: { gte: options.changedSince },
        [options.field]: { lt: lower },
        ...(rule.hookId ? { hookId: rule.hookId } : {}),
      },
      orderBy: [{ lastEventAt: 'asc' }, { id: 'asc' }],
      take: CHANGED_PER_CHECK,
      select: ENVELOPE_FIELDS,
    })) as EnvelopeRow[];
    examined.push(...changed);
  }
  const keys = examined.map(options.keyOf);
  const raised = await openKeysAmong(rule.id, keys);
  const candidates = examined.flatMap((envelope, index) =>
    raised.has(keys[index]!) || !inScope(rule, envelope)
      ? []
      : [
          envelopeCandidate(rule, envelope, keys[index]!, hookNames, {
            since: options.anchorOf(envelope),
            ...(rule.kind === 'recipient_waiting'
              ? { recipient: { email: envelope.waitingOnEmail, name: envelope.waitingOnName } }
              : {}),
          }),
        ],
  );
  // A backlog continues next time from the last anchor read; otherwise everything before the cutoff was seen, and the
  // next check reads a little behind it for notifications stored late.
  return {
    candidates,
    ended: [],
    checkedUntil: backlog
      ? { at: options.anchorOf(rows[ENVELOPES_PER_CHECK - 1]!), afterId: rows[ENVELOPES_PER_CHECK - 1]!.id }
      : { at: new Date(options.cutoff.getTime() - LATE_ARRIVAL_MS), afterId: null },
  };
}

async function checkExpiring(
  rule: ActiveAlertRule,
  now: Date,
  hookNames: Map<string, string>,
  afterMs: number,
): Promise<RuleCheck> {
  const rows = (await prisma.envelope.findMany({
    where: {
      status: { in: OPEN_STATUSES },
      expiresAt: { gt: now, lte: new Date(now.getTime() + afterMs) },
      ...(rule.hookId ? { hookId: rule.hookId } : {}),
    },
    orderBy: [{ expiresAt: 'asc' }, { id: 'asc' }],
    take: ENVELOPES_PER_CHECK,
    select: ENVELOPE_FIELDS,
  })) as EnvelopeRow[];
  const keys = rows.map((envelope) => `${envelope.id}@${envelope.expiresAt!.toISOString()}`);
  const raised = await openKeysAmong(rule.id, keys);
  const candidates = rows.flatMap((envelope, index) =>
    raised.has(keys[index]!) || !inScope(rule, envelope)
      ? []
      : [envelopeCandidate(rule, envelope, keys[index]!, hookNames, { expiresAt: envelope.expiresAt! })],
  );
  return { candidates, ended: [] };
}

type LiveHook = { id: string; name: string; createdAt: Date };

/** The live hooks a rule watches: its one hook, or all. */
const scoped = (hooks: readonly LiveHook[], rule: ActiveAlertRule) =>
  rule.hookId ? hooks.filter((hook) => hook.id === rule.hookId) : hooks;

async function checkSilence(
  rule: ActiveAlertRule,
  now: Date,
  hooks: readonly LiveHook[],
  afterMs: number,
): Promise<RuleCheck> {
  const candidates: AlertCandidate[] = [];
  for (const hook of hooks) {
    const last = await prisma.delivery.findFirst({
      where: { hookId: hook.id },
      orderBy: { receivedAt: 'desc' },
      select: { receivedAt: true },
    });
    const since = last?.receivedAt ?? hook.createdAt;
    if (now.getTime() - since.getTime() < afterMs) continue;
    const openEnvelopes = await prisma.envelope.count({
      where: { hookId: hook.id, status: { in: OPEN_STATUSES }, isTest: false },
    });
    if (openEnvelopes === 0) continue;
    const subjectKey = `${hook.id}@${since.toISOString()}`;
    if ((await openKeysAmong(rule.id, [subjectKey])).size > 0) continue;
    candidates.push({
      rule,
      subjectKey,
      envelopeId: null,
      hookId: hook.id,
      words: describeAlert('silence', {
        hookName: hook.name,
        since,
        afterMinutes: rule.afterMinutes ?? 0,
        openEnvelopes,
      }),
    });
  }
  return { candidates, ended: [] };
}

async function checkRefusals(rule: ActiveAlertRule, now: Date, hooks: readonly LiveHook[]): Promise<RuleCheck> {
  const windowStart = new Date(now.getTime() - (rule.windowMinutes ?? 0) * MINUTE_MS);
  const open = await prisma.alert.findMany({
    where: { ruleId: rule.id, openKey: { not: null } },
    select: { id: true, hookId: true },
  });
  const candidates: AlertCandidate[] = [];
  const ended: number[] = [];
  for (const hook of hooks) {
    const count = await prisma.delivery.count({
      where: { hookId: hook.id, outcome: 'rejected', receivedAt: { gte: windowStart } },
    });
    const openAlert = open.find((alert) => alert.hookId === hook.id);
    if (count < (rule.threshold ?? 1)) {
      if (openAlert) ended.push(openAlert.id);
      continue;
    }
    if (openAlert) continue;
    candidates.push({
      rule,
      subjectKey: hook.id,
      envelopeId: null,
      hookId: hook.id,
      words: describeAlert('refusals', {
        hookName: hook.name,
        count,
        windowMinutes: rule.windowMinutes ?? 0,
      }),
    });
  }
  // A hook that was revoked or deleted no longer refuses anything: its stretch is over.
  ended.push(...open.filter((alert) => !hooks.some((hook) => hook.id === alert.hookId)).map((alert) => alert.id));
  return { candidates, ended };
}

async function openKeysAmong(ruleId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await prisma.alert.findMany({
    where: { ruleId, openKey: { in: [...keys] } },
    select: { openKey: true },
  });
  return new Set(rows.map((row) => row.openKey!));
}

function inScope(rule: ActiveAlertRule, envelope: EnvelopeRow): boolean {
  return isInAlertRuleScope(rule, { hookId: envelope.hookId, customValues: parseStringRecord(envelope.customValues) });
}

function envelopeCandidate(
  rule: ActiveAlertRule,
  envelope: EnvelopeRow,
  subjectKey: string,
  hookNames: Map<string, string>,
  subject: Partial<AlertSubject>,
): AlertCandidate {
  return {
    rule,
    subjectKey,
    envelopeId: envelope.id,
    hookId: envelope.hookId,
    words: describeAlert(rule.kind, {
      envelope: {
        id: envelope.id,
        displayName: envelopeDisplayName({ ...envelope, customValues: parseStringRecord(envelope.customValues) }),
        status: envelope.status,
        test: envelope.isTest,
      },
      hookName: hookNames.get(envelope.hookId) ?? null,
      afterMinutes: rule.afterMinutes ?? 0,
      ...subject,
    }),
  };
}
