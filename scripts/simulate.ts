// `npm run simulate -- [--envelopes N] [--style fintechos|esignanywhere] [--target URL] ...`: plays
// envelope lives at the sandbox signing service and sends their notifications to a hook over HTTP.
import { parseArgs } from 'node:util';
import { describeDatabase, getDatabaseConfig } from '@/app/lib/db/database-config';
import { applyMigrations } from '@/app/lib/db/migrations/apply-migrations';
import { prisma } from '@/app/lib/db/prisma';
import { getPublicUrl } from '@/app/lib/env';
import { countLabel } from '@/app/lib/format/count-label';
import { SIMULATION_STYLES, type SimulationStyle } from '@/app/lib/sandbox/build-notification-request';
import { createSeededRandom } from '@/app/lib/sandbox/create-seeded-random';
import { ENVELOPE_OUTCOMES, type EnvelopeOutcome } from '@/app/lib/sandbox/plan-envelope-life';
import { resolveSimulationTarget } from '@/app/lib/sandbox/resolve-simulation-target';
import { simulateEnvelopeLife, type EnvelopeLifeSummary } from '@/app/lib/sandbox/simulate-envelope-life';
import { resolveSigningProviderConfig } from '@/app/lib/signing/signing-provider-config';
import { runCommand } from './run-command';

const HELP = `Usage: npm run simulate -- [options]

Plays realistic envelope lives: the sandbox signing service's state changes, and each change is
sent as a notification to a hook over HTTP (invitations, opens, signing in order, rejections,
expiries, retried duplicate deliveries, finish callbacks).

Options:
  --envelopes N        how many envelopes (default 5)
  --style STYLE        fintechos (POST with JSON, as on FintechOS's page; default)
                       or esignanywhere (GET with a query string)
  --target URL         the hook URL to deliver to (default: the first active hook at PUBLIC_URL,
                       else http://localhost:PORT; a "Sandbox" hook is created if there is none)
  --outcome OUTCOME    make every envelope end the same way: ${ENVELOPE_OUTCOMES.join(', ')}
                       (default: mostly completed, some rejected, expired or left in progress)
  --delay-ms N         pause between the steps of a life (default 250)
  --seed N             the same seed plays the same lives
  --help               this text

The sandbox's envelopes are written to the database of DATABASE_URL (read from .env like the app):
run the simulator against the same database as the app it targets, or the app cannot find the
envelopes when it asks the sandbox for their status and documents (SIGNING_PROVIDER=sandbox).`;

const PARALLEL_LIVES = 3;

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      envelopes: { type: 'string', default: '5' },
      style: { type: 'string', default: 'fintechos' },
      target: { type: 'string' },
      outcome: { type: 'string' },
      'delay-ms': { type: 'string', default: '250' },
      seed: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const count = wholeNumber(values.envelopes, '--envelopes', 1, 1000);
  const delayMs = wholeNumber(values['delay-ms'], '--delay-ms', 0, 60_000);
  const style = oneOf<SimulationStyle>(values.style, '--style', SIMULATION_STYLES);
  const outcome =
    values.outcome === undefined ? undefined : oneOf<EnvelopeOutcome>(values.outcome, '--outcome', ENVELOPE_OUTCOMES);
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, '--seed', 0, 2 ** 32 - 1);

  const database = getDatabaseConfig();
  await applyMigrations({ config: database });
  const target = await resolveSimulationTarget({ target: values.target, publicUrl: getPublicUrl() });
  if (target.hookCreated) console.log(`No active hook: created the hook "Sandbox" (${target.hookId}).`);
  if (target.hookId !== null && !target.hookKnown) {
    console.warn(
      `Warning: hook ${target.hookId} is not an active hook in ${describeDatabase(database)}. ` +
        'If the app uses another database, it will refuse the notifications or not find the sandbox envelopes.',
    );
  }
  await checkReachable(target.url);

  const provider = resolveSigningProviderConfig();
  console.log(
    `Simulating ${count} envelope${count === 1 ? '' : 's'} (${style} style) against ${target.url}\n` +
      `Sandbox state in ${describeDatabase(database)}.` +
      (provider.provider === 'sandbox'
        ? ''
        : ` (This configuration's SIGNING_PROVIDER is ${provider.provider}: the app confirms statuses and fetches documents only with SIGNING_PROVIDER=sandbox.)`) +
      '\n',
  );

  const summaries: EnvelopeLifeSummary[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      // One generator per envelope: lives run side by side, and a seed must replay each of them alike.
      const random = seed === undefined ? Math.random : createSeededRandom(seed * 1000 + index);
      const summary = await simulateEnvelopeLife({
        target: target.url,
        style,
        outcome,
        random,
        delayMs,
        signingSecret: target.signingSecret,
      });
      summaries.push(summary);
      console.log(describeSummary(summary));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_LIVES, count) }, worker));

  const byOutcome = ENVELOPE_OUTCOMES.map((name) => [name, summaries.filter((s) => s.outcome === name).length] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name.replace('_', ' ')}`)
    .join(', ');
  const failed = summaries.filter((summary) => summary.failure !== null);
  const requests = summaries.reduce((sum, summary) => sum + summary.requests, 0);
  const duplicates = summaries.reduce((sum, summary) => sum + summary.acknowledgedDuplicates, 0);
  console.log(
    `\n${summaries.length} envelopes (${byOutcome}); ${requests} requests, ${duplicates} answered as duplicates.`,
  );
  const first = summaries.find((summary) => summary.failure === null);
  if (first) console.log(`See them on the dashboard, e.g. ${new URL(target.url).origin}/envelopes/${first.envelopeId}`);
  await prisma.$disconnect();
  if (failed.length > 0) {
    throw new Error(`${failed.length} of ${summaries.length} envelope lives stopped early: ${failed[0]!.failure}`);
  }
});

function describeSummary(summary: EnvelopeLifeSummary): string {
  const mark = summary.failure ? '✖' : '✓';
  const extras = [
    summary.retriedCopies > 0 && `${summary.retriedCopies} retried`,
    summary.repeatedOpens > 0 && `${summary.repeatedOpens} repeated open${summary.repeatedOpens === 1 ? '' : 's'}`,
    summary.acknowledgedDuplicates > 0 && `${summary.acknowledgedDuplicates} answered as duplicate`,
    summary.resentAfterFailure > 0 && `${summary.resentAfterFailure} resent after a failure`,
  ].filter(Boolean);
  const parts = [
    `${mark} ${summary.envelopeId}`,
    `${summary.outcome.replace('_', ' ').padEnd(11)}`,
    `sandbox ${summary.sandboxStatus.padEnd(9)}`,
    `${summary.recipientCount} recipient${summary.recipientCount === 1 ? ' ' : 's'}`,
    `${countLabel(summary.notifications, 'notification')}, ${countLabel(summary.requests, 'request')}${extras.length ? ` (${extras.join(', ')})` : ''}`,
  ];
  if (summary.finishCallbackSent) parts.push('finish callback sent');
  const line = parts.join('  ');
  return summary.failure ? `${line}\n    stopped: ${summary.failure}` : line;
}

async function checkReachable(url: string): Promise<void> {
  const origin = new URL(url).origin;
  try {
    await fetch(origin, { method: 'HEAD', signal: AbortSignal.timeout(5_000) });
  } catch {
    throw new Error(
      `Nothing answers at ${origin}. Start the app (npm run dev or npm start), or pass --target with the hook URL to deliver to.`,
    );
  }
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return value;
}

function oneOf<T extends string>(text: string, flag: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new Error(`${flag} must be one of ${allowed.join(', ')}, not "${text}".`);
  }
  return text as T;
}
