import 'server-only';
import { parseStringRecord } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { envelopeDisplayName } from '@/app/lib/envelopes/envelope-display-name';
import { FINAL_STATUSES, type EnvelopeStatus } from '@/app/lib/envelopes/lifecycle/envelope-statuses';
import type { StoredFeedEventData } from '@/app/lib/feed/feed-event-data';
import { ALERT_KINDS, EVENT_ALERT_KINDS, type AlertKind } from './alert-kinds';
import { ALERT_EVALUATOR_ROW, readAlertEvaluatorState } from './alert-evaluator-state';
import { describeAlert } from './describe-alert';
import { isInAlertRuleScope, loadActiveAlertRules, type ActiveAlertRule } from './load-active-alert-rules';
import { endAlerts, raiseAlerts } from './raise-alerts';

/** Events read per transaction: a burst of rejections stays a short write, on SQLite too. */
export const FEED_BATCH_EVENTS = 200;
/** Longer than Prisma's default 5 s: a batch raising many alerts on a slow disk must not fail over and over. */
export const ALERT_TRANSACTION_TIMEOUT_MS = 20_000;

/** The change-feed event that raises each event kind. */
const RAISED_BY: Record<string, (typeof EVENT_ALERT_KINDS)[number]> = {
  'envelope.rejected': 'rejected',
  'envelope.expired': 'expired',
  'envelope.canceled': 'canceled',
  'envelope.completed': 'completed',
  'documents.failed': 'documents_failed',
  'reconciliation.mismatch': 'not_confirmed',
};
/** The kinds named after a final status: its occasion ends when the envelope shows another status. */
const STATUS_KINDS: readonly AlertKind[] = FINAL_STATUSES.filter((status) =>
  ALERT_KINDS.some((kind) => kind === status),
);

type FeedRow = { position: number; type: string; envelopeId: string; hookId: string | null; data: StoredFeedEventData };
type OpenAlert = { id: number; kind: AlertKind; envelopeId: string | null };

/**
 * Reads the change feed on from where the evaluator stopped, in commit order, and raises the event kinds' alerts:
 * an envelope's rejection once, however many notifications repeat it. An occasion ends when the feed shows it over
 * (the envelope moved to another status, the documents were stored, the signing service confirmed a later status).
 * Each batch moves the evaluator's position in the transaction that raises its alerts, from the position it read: an
 * instance that lost the race to another raises nothing. Returns how many events it read.
 */
export async function raiseFeedAlerts(options: { now: Date }): Promise<number> {
  const { now } = options;
  const state = await readAlertEvaluatorState();
  const rows = (await prisma.feedEvent.findMany({
    where: { position: { gt: state.feedPosition } },
    orderBy: { position: 'asc' },
    take: FEED_BATCH_EVENTS,
    select: { position: true, type: true, envelopeId: true, hookId: true, data: true },
  })) as FeedRow[];
  if (rows.length === 0) return 0;
  const rules = await loadActiveAlertRules({ kinds: EVENT_ALERT_KINDS });
  const relevant = rows.filter(
    (row) => RAISED_BY[row.type] || row.type.startsWith('envelope.') || row.type === 'documents.stored',
  );
  const names = await loadNames(rules.length > 0 ? relevant : []);
  const lastPosition = rows.at(-1)!.position;

  await prisma.$transaction(
    async (tx) => {
      const moved = await tx.alertEvaluator.updateMany({
        where: { id: ALERT_EVALUATOR_ROW, feedPosition: state.feedPosition },
        data: { feedPosition: lastPosition },
      });
      if (moved.count === 0) return;
      const envelopeIds = [...new Set(relevant.map((row) => row.envelopeId))];
      const open: OpenAlert[] =
        envelopeIds.length === 0
          ? []
          : ((await tx.alert.findMany({
              where: { envelopeId: { in: envelopeIds }, openKey: { not: null }, kind: { in: [...EVENT_ALERT_KINDS] } },
              select: { id: true, kind: true, envelopeId: true },
            })) as OpenAlert[]);
      for (const row of relevant) {
        const ending = open.filter((alert) => alert.envelopeId === row.envelopeId && endsAlert(row, alert.kind));
        if (ending.length > 0) {
          await endAlerts(
            tx,
            ending.map((alert) => alert.id),
            now,
          );
          for (const alert of ending) open.splice(open.indexOf(alert), 1);
        }
        const kind = RAISED_BY[row.type];
        if (!kind) continue;
        const candidates = rules
          .filter((rule) => rule.kind === kind && row.position > rule.startPosition && inScope(rule, row))
          .map((rule) => ({
            rule,
            subjectKey: row.envelopeId,
            envelopeId: row.envelopeId,
            hookId: row.hookId,
            words: describeAlert(kind, {
              envelope: {
                id: row.envelopeId,
                displayName: envelopeDisplayName({
                  id: row.envelopeId,
                  name: names.envelopes.get(row.envelopeId) ?? null,
                  customValues: parseStringRecord(row.data.customValues),
                }),
                status: row.data.status,
                test: row.data.test === true,
              },
              hookName: row.hookId ? (names.hooks.get(row.hookId) ?? null) : null,
              error: row.data.error ?? null,
              providerStatus: row.data.providerStatus ?? null,
            }),
          }));
        open.push(...(await raiseAlerts(tx, candidates, now)));
      }
    },
    { timeout: ALERT_TRANSACTION_TIMEOUT_MS },
  );
  return rows.length;
}

function inScope(rule: ActiveAlertRule, row: FeedRow): boolean {
  return isInAlertRuleScope(rule, { hookId: row.hookId, customValues: parseStringRecord(row.data.customValues) });
}

/** Whether this event shows the open alert's condition over. */
function endsAlert(row: FeedRow, kind: AlertKind): boolean {
  if (row.type.startsWith('envelope.') && STATUS_KINDS.includes(kind)) {
    const status = row.type.slice('envelope.'.length) as EnvelopeStatus | 'action_required';
    return status !== 'action_required' && status !== kind;
  }
  if (kind === 'documents_failed') return row.type === 'documents.stored';
  if (kind === 'not_confirmed') return row.type.startsWith('envelope.') && row.data.confirmed;
  return false;
}

/** The names the alerts' words use: the envelopes' names from the signing service, the hooks' names. */
async function loadNames(rows: readonly FeedRow[]) {
  const raising = rows.filter((row) => RAISED_BY[row.type]);
  const envelopeIds = [...new Set(raising.map((row) => row.envelopeId))];
  const hookIds = [...new Set(raising.flatMap((row) => (row.hookId ? [row.hookId] : [])))];
  const [envelopes, hooks] = await Promise.all([
    envelopeIds.length > 0
      ? prisma.envelope.findMany({ where: { id: { in: envelopeIds } }, select: { id: true, name: true } })
      : [],
    hookIds.length > 0
      ? prisma.hook.findMany({ where: { id: { in: hookIds } }, select: { id: true, name: true } })
      : [],
  ]);
  return {
    envelopes: new Map(envelopes.map((envelope) => [envelope.id, envelope.name])),
    hooks: new Map(hooks.map((hook) => [hook.id, hook.name])),
  };
}
