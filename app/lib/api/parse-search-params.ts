import type { z } from 'zod';

export type QueryParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates a URL's query with a zod schema; empty parameters count as absent. */
export function parseSearchParams<T extends z.ZodType>(
  schema: T,
  params: URLSearchParams,
): QueryParseResult<z.output<T>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== '') raw[key] = value.trim();
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}` };
}
