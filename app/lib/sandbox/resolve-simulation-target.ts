import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { createHook } from '@/app/lib/hooks/create-hook';
import { hookUrl } from '@/app/lib/hooks/hook-urls';
import { listHooks } from '@/app/lib/hooks/list-hooks';

export type SimulationTarget = {
  url: string;
  /** The hook the URL names, when it is one of this app's hook URLs. */
  hookId: string | null;
  /** Whether that hook is in this database; if not, the app at the URL likely uses another one. */
  hookKnown: boolean;
  hookCreated: boolean;
  signingSecret: string | null;
};

/**
 * Where `npm run simulate` delivers: the URL given, else the first active hook's public URL (a
 * "Sandbox" hook is created when there is none). A hook URL of this app is looked up so that a
 * hook requiring signatures gets signed deliveries.
 */
export async function resolveSimulationTarget(options: {
  target?: string;
  publicUrl: string;
}): Promise<SimulationTarget> {
  if (options.target === undefined) {
    const existing = (await listHooks())[0];
    const hook = existing ?? (await createHook({ name: 'Sandbox', origin: 'cli' }));
    return {
      url: hookUrl(options.publicUrl, hook.id),
      hookId: hook.id,
      hookKnown: true,
      hookCreated: existing === undefined,
      signingSecret: hook.signingSecret,
    };
  }

  let url: URL;
  try {
    url = new URL(options.target);
  } catch {
    throw new Error(
      `--target "${options.target}" is not a URL: give a hook URL such as ${hookUrl(options.publicUrl, '<hook id>')}.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`--target must be an http or https URL, not ${url.protocol}`);
  }
  const hookId = /\/api\/webhooks\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const id = hookId === undefined ? null : decodeURIComponent(hookId);
  const hook = id === null ? null : await prisma.hook.findUnique({ where: { id } });
  return {
    url: url.toString(),
    hookId: id,
    hookKnown: hook !== null && hook.revokedAt === null,
    hookCreated: false,
    signingSecret: hook?.signingSecret ?? null,
  };
}
