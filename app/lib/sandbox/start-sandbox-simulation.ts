import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Hook } from '@/app/generated/prisma/sqlite/client';
import { parseAllowedNetworks } from '@/app/lib/db/json-columns';
import { prisma } from '@/app/lib/db/prisma';
import { isAddressAllowed } from '@/app/lib/hooks/allowed-networks';
import { createHook } from '@/app/lib/hooks/create-hook';
import { hookUrl } from '@/app/lib/hooks/hook-urls';
import { listHooks } from '@/app/lib/hooks/list-hooks';
import type { SimulationStyle } from './build-notification-request';
import { simulateEnvelopeLife, type EnvelopeLifeSummary, type NotificationSender } from './simulate-envelope-life';

export type StartedSimulation = {
  ok: true;
  envelopeId: string;
  hookId: string;
  hookCreated: boolean;
  style: SimulationStyle;
  /** The rest of the life, still playing; the caller keeps the process alive for it. */
  life: Promise<EnvelopeLifeSummary>;
};

export type RefusedSimulation = { ok: false; status: 404 | 409 | 502; code: string; message: string };

/** Loopback: the only address the app's own deliveries come from. */
const LOOPBACK = '127.0.0.1';

/**
 * The dashboard's "Simulate an envelope": picks the hook (the one asked for, else the first active
 * hook that takes deliveries from this machine, else a new "Sandbox" hook), starts an envelope life
 * against the app's own webhook URL and returns once its first notification is stored, so the
 * envelope is on the dashboard when the caller answers.
 */
export async function startSandboxSimulation(options: {
  /** Where the app itself listens, e.g. http://127.0.0.1:3000. */
  appBaseUrl: string;
  hookId?: string;
  style?: SimulationStyle;
  delayMs?: number;
  send?: NotificationSender;
}): Promise<StartedSimulation | RefusedSimulation> {
  const chosen = await chooseHook(options.hookId);
  if (!chosen.ok) return chosen;
  const { hook, created } = chosen;
  const style = options.style ?? 'fintechos';
  const envelopeId = randomUUID();

  let firstStored!: () => void;
  const firstDelivery = new Promise<void>((resolve) => (firstStored = resolve));
  const life = simulateEnvelopeLife({
    target: hookUrl(options.appBaseUrl, hook.id),
    style,
    envelopeId,
    delayMs: options.delayMs ?? 600,
    signingSecret: hook.signingSecret,
    send: options.send,
    onDelivery: (report) => {
      if (report.status !== null && report.status >= 200 && report.status < 300) firstStored();
    },
  });
  const early = await Promise.race([firstDelivery.then(() => null), life]);
  if (early?.failure) {
    return {
      ok: false,
      status: 502,
      code: 'simulation_failed',
      message: `The simulated envelope's first notification was not stored (${early.failure}). Check the hook on the Setup page.`,
    };
  }
  return { ok: true, envelopeId, hookId: hook.id, hookCreated: created, style, life };
}

async function chooseHook(
  hookId: string | undefined,
): Promise<{ ok: true; hook: Hook; created: boolean } | RefusedSimulation> {
  const acceptsLoopback = (hook: Hook) => isAddressAllowed(LOOPBACK, parseAllowedNetworks(hook.allowedNetworks));
  if (hookId !== undefined) {
    const hook = await prisma.hook.findUnique({ where: { id: hookId } });
    if (!hook || hook.revokedAt) {
      return {
        ok: false,
        status: 404,
        code: 'unknown_hook',
        message: 'No active hook has this id. Pick one on the Setup page.',
      };
    }
    if (!acceptsLoopback(hook)) {
      return {
        ok: false,
        status: 409,
        code: 'hook_refuses_loopback',
        message: `This hook only accepts deliveries from its allowed networks; add ${LOOPBACK}/32 on the Setup page or simulate with another hook.`,
      };
    }
    return { ok: true, hook, created: false };
  }
  const hook = (await listHooks()).find(acceptsLoopback);
  if (hook) return { ok: true, hook, created: false };
  return { ok: true, hook: await createHook({ name: 'Sandbox', origin: 'dashboard' }), created: true };
}
