import { z } from 'zod';

/** Every environment variable the app reads, checked once. README's configuration table mirrors this. */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PUBLIC_URL: z.url().optional(),
  WEBHOOK_HOOK_IDS: z.string().optional(),
  DELIVERY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

/** Where people and signing services reach this app; used to build the hook URLs. */
export function getPublicUrl(): string {
  return getEnvironment().PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

export type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

export function getEnvironment(): Environment {
  if (!cached) {
    // An empty value (`PUBLIC_URL=` copied from .env.example) means "not set".
    const given = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
    const parsed = environmentSchema.safeParse(given);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`Invalid configuration: ${problems}. See .env.example for every variable.`);
    }
    cached = parsed.data;
  }
  return cached;
}
