import 'server-only';
import { z } from 'zod';
import { prisma } from '@/app/lib/db/prisma';
import { generateHookId } from './hook-id';

export const createHookInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the hook a name.').max(100, 'Keep the name under 100 characters.'),
  origin: z.enum(['dashboard', 'cli', 'environment']).default('dashboard'),
});

export async function createHook(input: z.input<typeof createHookInputSchema>) {
  const { name, origin } = createHookInputSchema.parse(input);
  return prisma.hook.create({ data: { id: generateHookId(), name, origin, allowedNetworks: [] } });
}
