import { z } from 'zod';

/** Keyset cursor: the sort time and id of the last item of a page, opaque to clients. */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().min(1) });
export type Cursor = { at: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.at.toISOString(), id: cursor.id })).toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data.t), id: parsed.data.id } : null;
  } catch {
    return null;
  }
}

/** The `cursor` query parameter of list endpoints, decoded. */
export const cursorParamSchema = z.string().transform((value, context) => {
  const decoded = decodeCursor(value);
  if (!decoded) {
    context.addIssue({ code: 'custom', message: 'is not a cursor from this API; start again without it' });
    return z.NEVER;
  }
  return decoded;
});
