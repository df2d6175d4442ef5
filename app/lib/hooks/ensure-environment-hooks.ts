import 'server-only';
import { prisma } from '@/app/lib/db/prisma';
import { parseHookIdList } from './hook-id';

/**
 * Creates the hooks named in WEBHOOK_HOOK_IDS that do not exist yet, for automated deployments.
 * Throws, listing every bad id, before creating anything.
 */
export async function ensureEnvironmentHooks(options: { value: string | undefined }): Promise<string[]> {
  const { ids, errors } = parseHookIdList(options.value);
  if (errors.length > 0) throw new Error(`WEBHOOK_HOOK_IDS is not valid: ${errors.join(' ')}`);
  const created: string[] = [];
  for (const id of ids) {
    const existing = await prisma.hook.findUnique({ where: { id }, select: { id: true } });
    if (existing) continue;
    await prisma.hook.create({
      data: { id, name: `From WEBHOOK_HOOK_IDS (${id.slice(0, 6)}…)`, origin: 'environment', allowedNetworks: [] },
    });
    created.push(id);
  }
  return created;
}
