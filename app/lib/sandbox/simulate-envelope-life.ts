import 'server-only';
import { randomUUID } from 'node:crypto';
import type { SigningServiceAction } from '@/app/lib/envelopes/lifecycle/envelope-actions';
import { advanceSandboxEnvelope, type SandboxStep } from './advance-sandbox-envelope';
import {
  buildNotificationRequest,
  type NotificationRequest,
  type OutgoingNotification,
  type SimulationStyle,
} from './build-notification-request';
import { createSandboxEnvelope } from './create-sandbox-envelope';
import { deliverNotification, type DeliveryAnswer } from './deliver-notification';
import { inventSandboxEnvelope } from './invent-sandbox-envelope';
import { planEnvelopeLife, type EnvelopeOutcome, type LifeStep } from './plan-envelope-life';
import type { SandboxEnvelopeStatus } from './sandbox-vocabulary';

export type NotificationSender = (request: NotificationRequest) => Promise<DeliveryAnswer>;

export type DeliveryReport = {
  action: string;
  recipientOrder: number | null;
  /** `retry` is a planned extra copy of a notification that was already answered 200. */
  kind: 'first' | 'retry' | 'after-failure';
  status: number | null;
  duplicate: boolean | null;
  error: string | null;
};

export type EnvelopeLifeSummary = {
  envelopeId: string;
  name: string;
  style: SimulationStyle;
  outcome: EnvelopeOutcome;
  recipientCount: number;
  /** What the sandbox signing service says now. */
  sandboxStatus: SandboxEnvelopeStatus;
  /** Distinct notifications, and the HTTP requests it took to deliver them. */
  notifications: number;
  requests: number;
  /** Extra copies sent on purpose, and how many answers called a delivery a duplicate. */
  retriedCopies: number;
  acknowledgedDuplicates: number;
  /** Attempts repeated because the target failed (5xx, 408, 429 or no answer). */
  resentAfterFailure: number;
  repeatedOpens: number;
  finishCallbackSent: boolean;
  /** Why the life stopped before its end (the target refused a notification), else null. */
  failure: string | null;
};

export type SimulateEnvelopeLifeOptions = {
  /** The hook's URL, e.g. https://tracker.example.com/api/webhooks/<id> (a query string is kept). */
  target: string;
  style: SimulationStyle;
  envelopeId?: string;
  random?: () => number;
  outcome?: EnvelopeOutcome;
  recipientCount?: number;
  /** Pause between the steps of the life; retried copies follow after a quarter of it. */
  delayMs?: number;
  signingSecret?: string | null;
  send?: NotificationSender;
  /** Attempts per notification when the target fails (5xx, 408, 429 or no answer). */
  maxAttempts?: number;
  onDelivery?: (report: DeliveryReport) => void;
};

const ACTION_OF: Record<LifeStep['kind'], SigningServiceAction> = {
  invite: 'sendSignNotification',
  open: 'workstepOpened',
  sign: 'workstepFinished',
  reject: 'workstepRejected',
  expire: 'envelopeExpired',
  finish: 'envelopeFinished',
};

const REJECTION_REASONS = [
  'I would like to discuss the repayment schedule before signing.',
  'The address on the contract is wrong.',
  'I signed a newer version with my advisor.',
  'The interest rate is not the one I was offered.',
];

/**
 * Plays one envelope's life: the sandbox signing service's state changes first, then the matching
 * notification goes to the hook over HTTP, so a receiver that asks the service back (reconciliation,
 * document downloads) finds it in the state the notification announced. Signing happens in order;
 * some notifications are delivered twice, as a retrying sender does; completions and rejections end
 * with the finish callback. A refusal by the target stops the life and is reported, not thrown.
 */
export async function simulateEnvelopeLife(options: SimulateEnvelopeLifeOptions): Promise<EnvelopeLifeSummary> {
  const random = options.random ?? Math.random;
  const send = options.send ?? ((request) => deliverNotification(request));
  const delayMs = options.delayMs ?? 0;
  const maxAttempts = options.maxAttempts ?? 3;

  const invented = inventSandboxEnvelope({ random, recipientCount: options.recipientCount });
  const plan = planEnvelopeLife({ random, recipientCount: invented.recipients.length, outcome: options.outcome });
  const { id: envelopeId } = await createSandboxEnvelope({
    id: options.envelopeId ?? randomUUID(),
    name: invented.name,
    recipients: invented.recipients,
  });

  const summary: EnvelopeLifeSummary = {
    envelopeId,
    name: invented.name,
    style: options.style,
    outcome: plan.outcome,
    recipientCount: plan.recipientCount,
    sandboxStatus: 'Active',
    notifications: 0,
    requests: 0,
    retriedCopies: 0,
    acknowledgedDuplicates: 0,
    resentAfterFailure: 0,
    repeatedOpens: 0,
    finishCallbackSent: false,
    failure: null,
  };
  const opened = new Set<number>();

  for (const [index, step] of plan.steps.entries()) {
    if (index > 0) await pause(delayMs);
    const sandboxStep = toSandboxStep(step, random);
    if (sandboxStep) summary.sandboxStatus = (await advanceSandboxEnvelope({ envelopeId, step: sandboxStep })).status;
    if (step.kind === 'open' && step.recipientOrder !== null) {
      if (opened.has(step.recipientOrder)) summary.repeatedOpens += 1;
      opened.add(step.recipientOrder);
    }

    const recipient = step.recipientOrder === null ? null : invented.recipients[step.recipientOrder - 1]!;
    const notification: OutgoingNotification = {
      envelopeId,
      action: ACTION_OF[step.kind],
      recipientEmail: recipient?.email ?? null,
      recipientOrder: step.recipientOrder,
      isFinishCallback: step.kind === 'finish',
    };
    const webhookId = `msg_${envelopeId}_${index}`;
    const request = () =>
      buildNotificationRequest({
        style: options.style,
        hookUrl: options.target,
        notification,
        customValues: invented.customValues,
        signingSecret: options.signingSecret,
        webhookId,
      });
    const report = (kind: DeliveryReport['kind'], result: Attempt) => {
      summary.requests += 1;
      if (result.duplicate) summary.acknowledgedDuplicates += 1;
      options.onDelivery?.({
        action: notification.action,
        recipientOrder: notification.recipientOrder,
        kind,
        status: result.status,
        duplicate: result.duplicate,
        error: result.error,
      });
    };

    summary.notifications += 1;
    let attempt = await attemptDelivery(send, request());
    report('first', attempt);
    for (let tries = 1; tries < maxAttempts && attempt.retryable; tries++) {
      await pause(Math.max(delayMs, 50) * tries);
      attempt = await attemptDelivery(send, request());
      summary.resentAfterFailure += 1;
      report('after-failure', attempt);
    }
    if (!attempt.ok) {
      summary.failure = `${notification.action} was refused: ${attempt.error}`;
      break;
    }
    if (step.kind === 'finish') summary.finishCallbackSent = true;
    for (let copy = 0; copy < step.retries; copy++) {
      await pause(delayMs / 4);
      summary.retriedCopies += 1;
      report('retry', await attemptDelivery(send, request()));
    }
  }
  return summary;
}

type Attempt = {
  ok: boolean;
  retryable: boolean;
  status: number | null;
  duplicate: boolean | null;
  error: string | null;
};

async function attemptDelivery(send: NotificationSender, request: NotificationRequest): Promise<Attempt> {
  try {
    const answer = await send(request);
    const ok = answer.status >= 200 && answer.status < 300;
    const duplicate =
      isRecord(answer.body) && typeof answer.body.duplicate === 'boolean' ? answer.body.duplicate : null;
    return {
      ok,
      retryable: !ok && (answer.status >= 500 || answer.status === 408 || answer.status === 429),
      status: answer.status,
      duplicate,
      error: ok ? null : `HTTP ${answer.status}${describeError(answer.body)}`,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, retryable: true, status: null, duplicate: null, error: `no answer (${message})` };
  }
}

function toSandboxStep(step: LifeStep, random: () => number): SandboxStep | null {
  switch (step.kind) {
    case 'invite':
    case 'open':
    case 'sign':
      return { kind: step.kind, recipientOrder: step.recipientOrder! };
    case 'reject':
      return {
        kind: 'reject',
        recipientOrder: step.recipientOrder!,
        reason: REJECTION_REASONS[Math.floor(random() * REJECTION_REASONS.length)],
      };
    case 'expire':
      return { kind: 'expire' };
    case 'finish':
      return null;
  }
}

/** The app's `{ error: { message } }`, so a refusal says what the receiver wants changed. */
function describeError(body: unknown): string {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string')
    return `: ${body.error.message}`;
  if (typeof body === 'string' && body.trim()) return `: ${body.trim().slice(0, 200)}`;
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
